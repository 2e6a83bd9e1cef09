// DMP: the CNAM / ANS feeding statistics (seed 002: "données d'alimentation du DMP" and "commande des
// certificats DMP"), one row per structure, one column per document type, the DMP fed, and the certificate
// and convention columns. Certificates are held by the EJ since 2023 (RULES §1): such rows say so in the
// `Niveau FINESS` column. The real layout is not public: the headers below are a declared mapping.
import { DMP_DOCUMENT_TYPES } from '../../../domain/observations/indicators'
import type { ColumnSpec, ObservationValue, SourceDefinition } from '../source-definition'
import { compareDecimals, sumDecimals } from './numbers'

type DocumentType = (typeof DMP_DOCUMENT_TYPES)[number]

const DOCUMENT_COLUMNS: Readonly<Record<DocumentType, ColumnSpec>> = {
  ldl: {
    header: 'Lettres de liaison',
    aliases: ['ldl', 'nb ldl', 'lettre de liaison', 'lettres de liaison de sortie', 'nb lettres de liaison'],
    required: false,
    description: 'Lettres de liaison de sortie envoyées au DMP dans le mois.',
  },
  ordonnance: {
    header: 'Ordonnances de sortie',
    aliases: ['ordonnances', 'ordonnance', 'ordonnance de sortie', 'nb ordonnances'],
    required: false,
    description: 'Ordonnances de sortie envoyées au DMP.',
  },
  cro: {
    header: 'Comptes rendus opératoires',
    aliases: ['cro', 'nb cro', 'compte rendu operatoire', 'cr operatoires', 'cr operatoire'],
    required: false,
    description: 'Comptes rendus opératoires envoyés au DMP.',
  },
  biologie: {
    header: 'CR de biologie',
    aliases: ['cr biologie', 'comptes rendus de biologie', 'biologie', 'nb cr biologie', 'cr bio'],
    required: false,
    description: 'Comptes rendus de biologie envoyés au DMP.',
  },
  imagerie: {
    header: 'CR d’imagerie',
    aliases: ['cr imagerie', 'comptes rendus d imagerie', 'imagerie', 'cr radiologie', 'nb cr imagerie'],
    required: false,
    description: 'Comptes rendus d’imagerie envoyés au DMP.',
  },
  consultation: {
    header: 'CR de consultation',
    aliases: ['cr consultation', 'comptes rendus de consultation', 'consultation', 'nb cr consultation'],
    required: false,
    description: 'Comptes rendus de consultation envoyés au DMP.',
  },
  dlu: {
    header: 'DLU',
    aliases: ['dossier de liaison d urgence', 'nb dlu', 'dossiers de liaison d urgence'],
    required: false,
    description: 'Dossiers de liaison d’urgence (EHPAD) envoyés au DMP.',
  },
  autre: {
    header: 'Autres documents',
    aliases: ['autres', 'autres types de documents', 'nb autres documents', 'autres documents'],
    required: false,
    description: 'Documents d’autres types envoyés au DMP.',
  },
}

/** The tracker's Oui / Non columns (seed 002), when the file gives them rather than counts. */
const FED_COLUMNS = {
  fedDischarge: [
    'dmp.alimente.sortie',
    'Documents de sortie DPI',
    ['documents de sorties dpi', 'alimentation documents de sortie'],
  ],
  fedBiology: ['dmp.alimente.biologie', 'CR Labo', ['alimentation cr labo', 'cr labo alimente']],
  fedImaging: ['dmp.alimente.imagerie', 'CR Radio', ['alimentation cr radio', 'cr radio alimente']],
} as const

export const CERTIFICATE_SYNONYMS: Readonly<Record<string, string>> = {
  'commande effectuee': 'commande',
  commandee: 'commande',
  'certificat commande': 'commande',
  oui: 'commande',
  'pas de commande': 'non-commande',
  'non commande': 'non-commande',
  'non commandee': 'non-commande',
  'commande non effectuee': 'non-commande',
  non: 'non-commande',
}

export const dmpSource: SourceDefinition = {
  code: 'dmp',
  label: 'Alimentation du DMP et certificats (CNAM / ANS)',
  producer: 'CNAM (Assurance Maladie) et ANS',
  fileNamePattern: 'DMP-alimentation-certificats-AAAAMM.xlsx',
  level: 'EG',
  columns: {
    finess: {
      header: 'FINESS',
      aliases: [
        'finess geographique',
        'finess eg',
        'finess et',
        'n finess',
        'numero finess',
        'finess structure',
      ],
      required: true,
      description: 'FINESS de la structure : géographique, sauf si la colonne « Niveau FINESS » dit EJ.',
    },
    niveau: {
      header: 'Niveau FINESS',
      aliases: ['niveau', 'type finess', 'niveau du finess'],
      required: false,
      description: 'EG ou EJ. Depuis 2023, les certificats DMP sont portés par l’EJ : ces lignes disent EJ.',
    },
    ...DOCUMENT_COLUMNS,
    total: {
      header: 'Total documents',
      aliases: [
        'nb documents',
        'nombre de documents',
        'documents envoyes',
        'total documents envoyes',
        'total',
      ],
      required: false,
      description: 'Documents envoyés au DMP, tous types ; calculé comme la somme des types s’il manque.',
    },
    fedDmp: {
      header: 'DMP alimentés',
      aliases: [
        'nb dmp alimentes',
        'nombre de dmp alimentes',
        'dmp alimentes',
        'patients dont le dmp est alimente',
      ],
      required: false,
      description: 'DMP (patients distincts) alimentés dans le mois.',
    },
    ...Object.fromEntries(
      Object.entries(FED_COLUMNS).map(([key, [, header, aliases]]) => [
        key,
        {
          header,
          aliases,
          required: false,
          description: `Oui / Non, comme le suivi national l’écrit (${header}).`,
        },
      ]),
    ),
    certificateOrder: {
      header: 'Certificat DMP',
      aliases: [
        'commande certificat',
        'commande du certificat dmp',
        'certificat dmp commande',
        'statut certificat',
      ],
      required: false,
      description: '« Commande effectuée » ou « Pas de commande » (ou Oui / Non).',
    },
    certificateInstalled: {
      header: 'Installation certificat DMP',
      aliases: ['certificat installe', 'installation du certificat', 'certificat dmp installe'],
      required: false,
      description: 'Oui / Non.',
    },
    convention: {
      header: 'Convention signée',
      aliases: ['convention dmp', 'convention dmp signee', 'convention', 'signature convention'],
      required: false,
      description: 'Convention DMP signée (EHPAD) : Oui / Non.',
    },
  },
  readRow(row) {
    const values: ObservationValue[] = []
    const counts: string[] = []
    for (const type of DMP_DOCUMENT_TYPES) {
      const count = row.count(type)
      if (count === null) continue
      counts.push(count)
      values.push({ indicator: `dmp.documents.${type}`, number: count })
    }
    const sum = counts.length > 0 ? sumDecimals(counts) : null
    const total = row.count('total')
    if (total !== null && sum !== null && compareDecimals(total, sum) !== 0)
      row.issue(
        'total',
        'total-differs',
        `total ${total} différent de la somme des types de documents (${sum}) : total du fichier conservé`,
        'warning',
      )
    const documents = total ?? sum
    if (documents !== null) values.push({ indicator: 'dmp.documents', number: documents })
    const fed = row.count('fedDmp')
    if (fed !== null) values.push({ indicator: 'dmp.dmp-alimentes', number: fed })
    if (fed !== null && documents !== null && compareDecimals(fed, documents) > 0)
      row.issue('fedDmp', 'inconsistent', `${fed} DMP alimentés pour ${documents} documents`, 'warning')

    for (const [key, [indicator]] of Object.entries(FED_COLUMNS)) {
      const value = row.boolean(key)
      if (value !== null) values.push({ indicator, text: value })
    }
    const order = row.status('certificateOrder', 'dmp.certificat.commande', CERTIFICATE_SYNONYMS)
    if (order !== null) values.push({ indicator: 'dmp.certificat.commande', text: order })
    const installed = row.boolean('certificateInstalled')
    if (installed !== null) values.push({ indicator: 'dmp.certificat.installe', text: installed })
    if (installed === 'oui' && order === 'non-commande')
      row.issue('certificateInstalled', 'inconsistent', 'certificat installé sans commande', 'warning')
    const convention = row.boolean('convention')
    if (convention !== null) values.push({ indicator: 'dmp.convention', text: convention })
    return values
  },
  example: [
    {
      finess: '240000372',
      niveau: 'EG',
      ldl: '1 250',
      ordonnance: '980',
      cro: '310',
      biologie: '4 120',
      imagerie: '860',
      consultation: '1 540',
      dlu: '0',
      autre: '75',
      total: '9 135',
      fedDmp: '3 820',
    },
    {
      finess: '160000253',
      niveau: 'EG',
      ldl: '2 010',
      ordonnance: '1 730',
      biologie: '6 480',
      fedDmp: '5 210',
    },
    { finess: '160006987', niveau: 'EG', dlu: '12', autre: '4', fedDmp: '14', convention: 'Oui' },
    {
      finess: '240000059',
      niveau: 'EJ',
      certificateOrder: 'Commande effectuée',
      certificateInstalled: 'Oui',
    },
    {
      finess: '160000451',
      niveau: 'EJ',
      certificateOrder: 'Commande effectuée',
      certificateInstalled: 'Non',
    },
  ],
}
