// The columns of the "Suivi Ségur ES" tracker (seed 002, RULES §3), as data: the headers each is known by,
// the theme whose month dates it, how its cells are read and the indicator it feeds.
import { headerKey } from '../monthly/interpret'
import {
  CERTIFICATE_VOCABULARY,
  INS_ORGANISATION_VOCABULARY,
  METEO_VOCABULARY,
  MSS_CONNECTION_VOCABULARY,
  ORDER_VOCABULARY,
  type Vocabulary,
} from './vocabulary'
import type { TrackerTheme } from './themes'

/**
 * Which month a value is dated with: the follow-up point (the region's fields and the identity), the month
 * of its theme's data, or, for DMP certificates, the second month of the DMP title ("(2) commande des
 * certificats DMP Août 2022").
 */
export type PeriodBasis = 'follow-up' | 'theme' | 'certificates'

export type CellKind =
  | { kind: 'boolean' }
  /** "ES Pilote MES" written in the cell, or Oui / Non. */
  | { kind: 'marker'; marker: string }
  | { kind: 'status'; vocabulary: Vocabulary }
  | { kind: 'text' }
  | { kind: 'count' }
  | { kind: 'rate' }

export type IdentityField = 'finessEg' | 'finessPmsi' | 'finessEj' | 'departement' | 'categorie' | 'raison'

export interface FieldSpec {
  key: string
  /** The header of seed 002. */
  header: string
  /** Folded keys (`headerKey`) that name the column exactly. */
  names: readonly string[]
  /** Folded prefixes for the long headers ("Taux d'identités qualifiées (à calculer…)"). */
  prefixes?: readonly string[]
  /** The theme whose month dates the value; also where the column is expected. */
  theme: TrackerTheme
  /** Identity columns read for reconciliation, not as indicators. */
  identity?: IdentityField
  indicator?: string
  cell?: CellKind
  period?: PeriodBasis
  /** MSSanté message counts are per EJ (seed 002): stored once on the row's FINESS juridique. */
  level?: 'EJ'
}

const names = (...headers: string[]): string[] => headers.map(headerKey)

const ORDER_HEADERS: Record<string, string[]> = {
  dpi: ['DPI'],
  pfi: ['PFI'],
  ri: ['RI'],
  loinc: ['LOINC'],
  sgl: ['SGL'],
  radio: ['RADIO', 'RIS', 'Radiologie'],
}

export const FIELDS: readonly FieldSpec[] = [
  {
    key: 'finessEg',
    header: 'FINESS Géographique',
    names: names('FINESS Géographique', 'FINESS géo', 'FINESS ET', 'FINESS EG', 'N° FINESS géographique'),
    theme: 'identite',
    identity: 'finessEg',
  },
  {
    key: 'finessPmsi',
    header: 'FINESS PMSI',
    names: names('FINESS PMSI'),
    theme: 'identite',
    identity: 'finessPmsi',
  },
  {
    key: 'finessEj',
    header: 'FINESS Juridique',
    names: names('FINESS Juridique', 'FINESS EJ', 'N° FINESS juridique'),
    theme: 'identite',
    identity: 'finessEj',
  },
  {
    key: 'departement',
    header: 'Département',
    names: names('Département', 'Dépt'),
    theme: 'identite',
    identity: 'departement',
  },
  {
    key: 'categorie',
    header: 'Catégorie d’établissements',
    names: names('Catégorie d’établissements', 'Catégorie d’établissement', 'Catégorie'),
    theme: 'identite',
    identity: 'categorie',
  },
  {
    key: 'raison',
    header: 'Raison sociale',
    names: names('Raison sociale'),
    theme: 'identite',
    identity: 'raison',
  },
  {
    key: 'piloteMes',
    header: 'ES Pilote MES',
    names: names('ES Pilote MES', 'Pilote MES', 'ES pilote Mon Espace Santé'),
    theme: 'identite',
    indicator: 'identite.es-pilote-mes',
    cell: { kind: 'marker', marker: 'ES Pilote MES' },
    period: 'follow-up',
  },
  {
    key: 'candidatSunEs',
    header: 'Candidat SUN-ES (Liste des domaines et bonus validés)',
    names: [],
    prefixes: names('Candidat SUN-ES'),
    theme: 'identite',
    indicator: 'identite.candidat-sun-es',
    cell: { kind: 'text' },
    period: 'follow-up',
  },
  ...Object.entries(ORDER_HEADERS).map(([kind, headers]): FieldSpec => ({
    key: `commande.${kind}`,
    header: headers[0] ?? kind,
    names: names(...headers),
    theme: 'segur',
    indicator: `segur.commande.${kind}`,
    cell: { kind: 'status', vocabulary: ORDER_VOCABULARY },
    period: 'theme',
  })),
  {
    key: 'meteo',
    header: 'Météo',
    names: names('Météo'),
    theme: 'segur',
    indicator: 'suivi.meteo',
    cell: { kind: 'status', vocabulary: METEO_VOCABULARY },
    period: 'follow-up',
  },
  {
    key: 'sih',
    header: 'SIH',
    names: names('SIH'),
    theme: 'sih',
    indicator: 'suivi.sih',
    cell: { kind: 'text' },
    period: 'follow-up',
  },
  {
    key: 'insiAppel',
    header: 'Appel de l’ES au TS INSi',
    names: names('Appel de l’ES au TS INSi', 'Appel au TS INSi', 'Appel TS INSi'),
    theme: 'insi',
    indicator: 'insi.appel-ts',
    cell: { kind: 'boolean' },
    period: 'theme',
  },
  {
    key: 'insiTaux',
    header: 'Taux d’identités qualifiées (à calculer sur les usagers pris en charge sur dernier mois)',
    names: [],
    prefixes: names('Taux d’identités qualifiées', 'Taux identités qualifiées', 'Taux d’INS qualifiées'),
    theme: 'insi',
    indicator: 'insi.taux-qualifiees',
    cell: { kind: 'rate' },
    period: 'theme',
  },
  {
    key: 'insiOrganisation',
    header: 'Organisation pour qualifier les identités en place',
    names: [],
    prefixes: names('Organisation pour qualifier les identités'),
    theme: 'insi',
    indicator: 'insi.organisation',
    cell: { kind: 'status', vocabulary: INS_ORGANISATION_VOCABULARY },
    period: 'theme',
  },
  {
    key: 'mssRaccorde',
    header: 'ES Raccordé',
    names: names('ES Raccordé', 'Raccordement MSSanté', 'Raccordé'),
    theme: 'mssante',
    indicator: 'mss.raccordement',
    cell: { kind: 'status', vocabulary: MSS_CONNECTION_VOCABULARY },
    period: 'theme',
  },
  {
    key: 'mssMessages',
    header: 'Nb de messages envoyés',
    names: names('Nb de messages envoyés', 'Nombre de messages envoyés', 'Messages envoyés'),
    theme: 'mssante',
    indicator: 'mss.messages-envoyes',
    cell: { kind: 'count' },
    period: 'theme',
    level: 'EJ',
  },
  {
    key: 'dmpSortie',
    header: 'Documents de sorties DPI',
    names: names('Documents de sorties DPI', 'Documents de sortie DPI', 'Documents de sortie'),
    theme: 'dmp',
    indicator: 'dmp.alimente.sortie',
    cell: { kind: 'boolean' },
    period: 'theme',
  },
  {
    key: 'dmpBiologie',
    header: 'CR Labo',
    names: names('CR Labo', 'CR de biologie', 'CR Biologie'),
    theme: 'dmp',
    indicator: 'dmp.alimente.biologie',
    cell: { kind: 'boolean' },
    period: 'theme',
  },
  {
    key: 'dmpImagerie',
    header: 'CR Radio',
    names: names('CR Radio', 'CR d’imagerie', 'CR Imagerie'),
    theme: 'dmp',
    indicator: 'dmp.alimente.imagerie',
    cell: { kind: 'boolean' },
    period: 'theme',
  },
  {
    key: 'dmpCertificat',
    header: 'Certificat DMP',
    names: names('Certificat DMP', 'Commande certificat DMP'),
    theme: 'dmp',
    indicator: 'dmp.certificat.commande',
    cell: { kind: 'status', vocabulary: CERTIFICATE_VOCABULARY },
    period: 'certificates',
  },
  {
    key: 'dmpCertificatInstalle',
    header: 'Installation certificat DMP',
    names: names('Installation certificat DMP', 'Certificat DMP installé'),
    theme: 'dmp',
    indicator: 'dmp.certificat.installe',
    cell: { kind: 'boolean' },
    period: 'certificates',
  },
]

/** "Commentaires" repeats under each theme: the theme it falls under says whose comment it is. */
export const COMMENT_NAMES: readonly string[] = names('Commentaires', 'Commentaire', 'Remarques')

export const COMMENT_INDICATORS: Readonly<Partial<Record<TrackerTheme, string>>> = {
  identite: 'identite.commentaire',
  segur: 'suivi.commentaire.segur',
  insi: 'suivi.commentaire.insi',
  mssante: 'suivi.commentaire.mssante',
  dmp: 'suivi.commentaire.dmp',
}

export function findField(header: string): FieldSpec | null {
  const key = headerKey(header)
  if (key === '') return null
  return (
    FIELDS.find((f) => f.names.includes(key)) ??
    FIELDS.find((f) => f.prefixes?.some((p) => key.startsWith(p))) ??
    null
  )
}
