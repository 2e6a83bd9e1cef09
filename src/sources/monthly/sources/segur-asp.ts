// Ségur orders: the ASP file "ASP-MOIS-ANNEE-SEGUR" (seed 002), in long format: one row per establishment
// and software kind, with the order status, the vendor and solution, the VA and the payments. The tracker
// writes "Pas de commande signée" for every kind the file does not mention (seed 002), hence
// `completeStructure`. The real layout is not public: the headers below are a declared mapping.
import { SEGUR_KINDS, type SegurKind } from '../../../domain/observations/indicators'
import { readDate } from '../../field-repairs'
import { readBoolean } from '../cell-values'
import type { ObservationValue, SourceDefinition, SourceRow } from '../source-definition'
import { compareDecimals, sumDecimals } from './numbers'
import { readSegurKind } from './segur-kinds'

/**
 * Besides the tracker's three labels (read from the catalogue), what an ASP extract may say of a file. A financing request needs a signed
 * order (RULES §6: order, then request to the ASP), so every state of a request means "Commande signée".
 */
export const ASP_ORDER_SYNONYMS: Readonly<Record<string, string>> = Object.fromEntries([
  ...[
    'signée',
    'signé',
    'commande signée',
    'commandé',
    'commande passée',
    'commande validée',
    'devis signé',
    'bon de commande signé',
    'oui',
    'demande déposée',
    'demande de financement déposée',
    "en cours d'instruction",
    'demande validée',
    'avance versée',
    'avance payée',
    'solde demandé',
    'solde versé',
    'solde payé',
    'dossier soldé',
  ].map((s) => [s, 'signee']),
  ...[
    'pas de commande',
    'non signée',
    'commande non signée',
    'aucune commande',
    'devis non signé',
    'en attente de signature',
    'non',
  ].map((s) => [s, 'non-signee']),
  ...['non concernée', 'sans objet', 'hors périmètre', 'non applicable'].map((s) => [s, 'non-concerne']),
])

const STATUS_INDICATOR = (kind: SegurKind) => `segur.commande.${kind}`

/** The VA cell: Oui / Non, or the date it was signed ("15/03/2023", "VA signée le 15/03/2023"). */
function readVa(row: SourceRow, kind: SegurKind, values: ObservationValue[]): 'oui' | 'non' | null {
  const raw = row.raw('va')
  if (raw === null) return null
  const yesNo = readBoolean(raw)
  if (yesNo.ok) {
    values.push({ indicator: `segur.va.${kind}`, text: yesNo.value })
    return yesNo.value
  }
  const written = /\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}/.exec(raw)?.[0]
  const date = written === undefined ? null : readDate(written)
  if (date?.ok) {
    values.push({ indicator: `segur.va.${kind}`, text: 'oui' })
    values.push({ indicator: `segur.va-date.${kind}`, text: date.value })
    return 'oui'
  }
  row.issue('va', 'invalid-value', `« ${raw} » n'est ni Oui, ni Non, ni une date (JJ/MM/AAAA)`)
  return null
}

function readPayments(row: SourceRow, kind: SegurKind, values: ObservationValue[]): string | null {
  const advance = row.amount('avance')
  const balance = row.amount('solde')
  const total = row.amount('total')
  if (advance !== null) values.push({ indicator: `segur.avance.${kind}`, number: advance })
  if (balance !== null) values.push({ indicator: `segur.solde.${kind}`, number: balance })
  const parts = [advance, balance].filter((v) => v !== null)
  const sum = parts.length > 0 ? sumDecimals(parts) : null
  if (total !== null && sum !== null && compareDecimals(total, sum) !== 0)
    row.issue(
      'total',
      'total-differs',
      `total ${total} € différent de avance + solde (${sum} €) : total du fichier conservé`,
      'warning',
    )
  const paid = total ?? sum
  if (paid !== null) values.push({ indicator: `segur.paiement.${kind}`, number: paid })
  return balance
}

export const segurAspSource: SourceDefinition = {
  code: 'segur-asp',
  label: 'Commandes Ségur (ASP)',
  producer: 'ASP (Agence de services et de paiement), transmis par l’ANS',
  fileNamePattern: 'ASP-MOIS-ANNEE-SEGUR.xlsx',
  level: 'EG',
  columns: {
    finess: {
      header: 'FINESS',
      aliases: [
        'finess geographique',
        'finess et',
        'finess eg',
        'n finess',
        'numero finess',
        'finess etablissement',
        'finess beneficiaire',
      ],
      required: true,
      description: 'FINESS géographique de l’établissement qui a commandé.',
    },
    kind: {
      header: 'Type de logiciel',
      aliases: [
        'logiciel',
        'type logiciel',
        'type de solution',
        'couloir',
        'dsr',
        'fonctionnalite',
        'type de prestation',
        'prestation',
      ],
      required: true,
      description:
        'DPI, PFI, RI, LOINC, SGL ou RADIO (RIS), ou en toutes lettres (« DPI - Dossier patient informatisé », « Radiologie »…). Une ligne par logiciel.',
    },
    status: {
      header: 'Statut de la commande',
      aliases: [
        'statut commande',
        'commande',
        'statut',
        'etat de la commande',
        'statut du dossier',
        'etat du dossier',
        'statut de la demande',
      ],
      required: false,
      description:
        '« Commande signée », « Pas de commande signée » ou « Non concerné » (ou « Signée », « Devis signé », un état de demande de financement…). Vide : la ligne vaut « Commande signée ».',
    },
    editeur: {
      header: 'Éditeur',
      aliases: ['editeur', 'nom de l editeur', 'raison sociale editeur', 'fournisseur', 'industriel'],
      required: false,
      description: 'Éditeur de la solution référencée.',
    },
    solution: {
      header: 'Solution',
      aliases: [
        'solution referencee',
        'nom de la solution',
        'nom du logiciel',
        'produit',
        'libelle solution',
      ],
      required: false,
      description: 'Nom (et version) de la solution référencée.',
    },
    va: {
      header: 'VA signée',
      aliases: [
        'va',
        'verification d aptitude',
        'verification d aptitude signee',
        'date va',
        'date de la va',
        'date de signature de la va',
        'date signature va',
      ],
      required: false,
      description: 'Vérification d’aptitude signée : Oui / Non, ou sa date (la date est conservée).',
    },
    avance: {
      header: 'Avance versée',
      aliases: ['avance', 'montant avance', 'montant de l avance', 'montant avance versee'],
      required: false,
      description: 'Avance versée à l’éditeur, en euros.',
    },
    solde: {
      header: 'Solde versé',
      aliases: ['solde', 'montant solde', 'montant du solde', 'montant solde verse'],
      required: false,
      description: 'Solde versé après la VA, en euros.',
    },
    total: {
      header: 'Montant total versé',
      aliases: ['montant verse', 'total verse', 'montant total', 'montant paye', 'montant total paye'],
      required: false,
      description: 'Total versé ; calculé comme avance + solde s’il manque.',
    },
  },
  readRow(row) {
    const kindText = row.text('kind')
    if (kindText === null) {
      if (row.raw('kind') === null)
        row.issue('kind', 'kind-missing', 'type de logiciel absent : ligne ignorée')
      return []
    }
    const kind = readSegurKind(kindText)
    if (!kind.ok) {
      row.issue('kind', 'invalid-value', kind.reason)
      return []
    }
    const values: ObservationValue[] = []
    const statusText = row.raw('status')
    const status =
      statusText === null ? 'signee' : row.status('status', STATUS_INDICATOR(kind.value), ASP_ORDER_SYNONYMS)
    if (status !== null) values.push({ indicator: STATUS_INDICATOR(kind.value), text: status })
    const editeur = row.text('editeur')
    if (editeur !== null) values.push({ indicator: `segur.editeur.${kind.value}`, text: editeur })
    const solution = row.text('solution')
    if (solution !== null) values.push({ indicator: `segur.solution.${kind.value}`, text: solution })
    const va = readVa(row, kind.value, values)
    const balance = readPayments(row, kind.value, values)
    if (va === 'non' && balance !== null && compareDecimals(balance, '0') > 0)
      row.issue('solde', 'balance-without-va', 'solde versé alors que la VA n’est pas signée', 'warning')
    if (
      status !== null &&
      status !== 'signee' &&
      values.some((v) => v.indicator.startsWith('segur.paiement'))
    )
      row.issue('status', 'payment-without-order', 'versement enregistré sans commande signée', 'warning')
    return values
  },
  completeStructure(present) {
    return SEGUR_KINDS.filter((kind) => !present.has(STATUS_INDICATOR(kind))).map((kind) => ({
      indicator: STATUS_INDICATOR(kind),
      text: 'non-signee',
    }))
  },
  // Seed 002's August 2022 rows: Bergerac has no RI line, so its RI is "Pas de commande signée".
  example: [
    {
      finess: '240000372',
      kind: 'DPI',
      status: 'Commande signée',
      editeur: 'Éditeur A',
      solution: 'Solution A 5.2',
      va: '15/03/2023',
      avance: '8400,00',
      solde: '19600,00',
    },
    { finess: '240000372', kind: 'PFI', status: 'Devis signé', editeur: 'Éditeur B', va: 'Non' },
    { finess: '240000372', kind: 'LOINC', status: 'Commande signée', editeur: 'Éditeur C' },
    { finess: '240000372', kind: 'SGL', status: 'Non concerné' },
    { finess: '240000372', kind: 'Radiologie', status: 'Signée', editeur: 'Éditeur D', avance: '3786,00' },
    {
      finess: '160013207',
      kind: 'DPI - Dossier patient informatisé',
      status: 'Commande signée',
      editeur: 'Éditeur E',
      solution: 'Solution E',
      va: 'Oui',
      total: '9800,00',
    },
    { finess: '160013207', kind: 'PFI', status: 'Commande signée', editeur: 'Éditeur B' },
    { finess: '160013207', kind: 'RI', status: 'Commande signée', editeur: 'Éditeur E' },
    { finess: '160013207', kind: 'LOINC', status: 'Non concerné' },
    { finess: '160013207', kind: 'SGL', status: 'Non concerné' },
    { finess: '160013207', kind: 'RIS', status: 'Non concerné' },
  ],
}
