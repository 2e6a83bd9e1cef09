// What a follow-up action is made of, as data: its kinds, statuses and themes (short French codes stored and
// exchanged with CRMs, French labels shown), and the bounds of its texts. The migration
// 0006_actions.sql repeats these lists in its checks.

export const ACTION_KINDS = ['contact', 'reunion', 'relance', 'visite', 'autre'] as const
export type ActionKind = (typeof ACTION_KINDS)[number]

export const ACTION_KIND_LABELS: Readonly<Record<ActionKind, string>> = {
  contact: 'Contact',
  reunion: 'Réunion',
  relance: 'Relance',
  visite: 'Visite',
  autre: 'Autre',
}

export const ACTION_STATUSES = ['a_faire', 'fait', 'abandonne'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]

export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  a_faire: 'À faire',
  fait: 'Fait',
  abandonne: 'Abandonné',
}

/** The themes of the tracking grid an action may be about (none: the establishment as a whole). */
export const ACTION_THEMES = ['segur', 'sih', 'insi', 'dmp', 'mssante', 'programmes', 'esms'] as const
export type ActionTheme = (typeof ACTION_THEMES)[number]

export const ACTION_THEME_LABELS: Readonly<Record<ActionTheme, string>> = {
  segur: 'Prestations Ségur',
  sih: 'SIH',
  insi: 'INSi',
  dmp: 'DMP',
  mssante: 'MSSanté',
  programmes: 'Programmes (SUN-ES, HOPEN 2, IFAQ)',
  esms: 'ESMS numérique',
}

/** The French name of each field, used in every refusal so that a CRM's developer knows which one. */
export const ACTION_FIELD_LABELS = {
  finess: 'FINESS',
  kind: 'Type',
  subject: 'Objet',
  notes: 'Notes',
  nextStep: 'Prochaine étape',
  dueOn: 'Échéance',
  status: 'Statut',
  theme: 'Thème',
  ownerId: 'Responsable',
  source: 'Source externe',
  externalId: 'Identifiant externe',
} as const
export type ActionField = keyof typeof ACTION_FIELD_LABELS

export const ACTION_LIMITS = {
  subject: 200,
  notes: 4000,
  nextStep: 500,
  externalId: 120,
} as const

/** Follow-up in Jalon starts with the Ségur programme: an earlier date is a typing error. */
export const DUE_ON_MIN = '2020-01-01'
export const DUE_ON_MAX = '2100-12-31'

/** A CRM's name for itself: letters, digits, `.`, `_`, `-` (it appears in URLs and in the journal). */
export const EXTERNAL_SOURCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/

export const isActionKind = (v: string): v is ActionKind => (ACTION_KINDS as readonly string[]).includes(v)
export const isActionStatus = (v: string): v is ActionStatus =>
  (ACTION_STATUSES as readonly string[]).includes(v)
export const isActionTheme = (v: string): v is ActionTheme => (ACTION_THEMES as readonly string[]).includes(v)
