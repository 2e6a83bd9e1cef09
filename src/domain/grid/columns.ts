// The columns of the tracking grid, as data: the themes of seed 002's "Suivi Ségur ES" in its order, each
// with the source whose month dates it, then the quantitative indicators the regions asked for on the same
// row (seed 002, Bretagne: "toutes les informations qualitatives et quantitatives sur une même ligne"),
// the programmes and ESMS numérique. Labels, kinds and vocabularies come from the indicator catalogue;
// owners from the ownership table, so that the grid, its export and the permissions never disagree.
import { fieldOwnership, type FieldEntry, type FieldOwner } from '../access/field-ownership'
import { ALL_INDICATORS } from '../observations/catalogue'
import { DERIVED, evolutionCode, PROGRAMME_ATTAINMENTS } from '../observations/derived-indicators'
import {
  PROGRAMME_INDICATORS,
  programmeIndicatorCode,
  SEGUR_KINDS,
  type StatusValue,
  type ValueKind,
} from '../observations/indicators'

export const GRID_THEMES = [
  'identite',
  'segur',
  'sih',
  'insi',
  'mssante',
  'dmp',
  'programmes',
  'esms',
  'etablissement',
] as const
export type GridTheme = (typeof GRID_THEMES)[number]

export interface GridThemeInfo {
  label: string
  /**
   * The national source whose latest month at or before the follow-up point dates the theme's imported
   * values; null where the values are typed at the follow-up point itself.
   */
  source: string | null
}

export const GRID_THEME_INFO: Readonly<Record<GridTheme, GridThemeInfo>> = {
  identite: { label: 'Identité', source: null },
  segur: { label: 'Prestations Ségur', source: 'segur-asp' },
  sih: { label: 'SIH', source: null },
  insi: { label: 'INSi', source: 'insi' },
  mssante: { label: 'MSSanté', source: 'mssante' },
  dmp: { label: 'DMP', source: 'dmp' },
  programmes: { label: 'Programmes (SUN-ES, HOPEN 2, IFAQ)', source: 'programmes' },
  esms: { label: 'ESMS numérique', source: 'esms-numerique' },
  etablissement: { label: 'Déclaré par l’établissement', source: null },
}

export interface GridColumn {
  /** The indicator code. */
  key: string
  theme: GridTheme
  label: string
  kind: ValueKind
  unit: string | null
  statuses: readonly StatusValue[] | null
  owner: FieldOwner
  entry: FieldEntry
  responsible: string
  /** Counts, rates and amounts: averaged in the footer, compared with a threshold in filters. */
  quantitative: boolean
  /** Shown before the user chooses columns: seed 002's columns and the main counts. */
  shownByDefault: boolean
}

const THEME_COLUMNS: Readonly<Record<GridTheme, readonly (string | [code: string, hidden: 'hidden'])[]>> = {
  identite: [
    'identite.es-pilote-mes',
    'identite.candidat-sun-es',
    'identite.commentaire',
    ['suivi.contact', 'hidden'],
  ],
  segur: [
    ...SEGUR_KINDS.map((kind) => `segur.commande.${kind}`),
    ...SEGUR_KINDS.map((kind): [string, 'hidden'] => [`segur.va.${kind}`, 'hidden']),
    DERIVED.segurSigned,
    DERIVED.segurCompleteness,
    'suivi.meteo',
    'suivi.commentaire.segur',
  ],
  sih: ['suivi.sih'],
  insi: [
    'insi.appel-ts',
    'insi.taux-qualifiees',
    'insi.organisation',
    'suivi.commentaire.insi',
    'insi.appels',
    DERIVED.insStarted,
    [evolutionCode('insi.appels'), 'hidden'],
  ],
  mssante: [
    'mss.raccordement',
    'mss.messages-envoyes',
    'suivi.commentaire.mssante',
    ['mss.bal', 'hidden'],
    [evolutionCode('mss.messages-envoyes'), 'hidden'],
  ],
  dmp: [
    'dmp.alimente.sortie',
    'dmp.alimente.biologie',
    'dmp.alimente.imagerie',
    'dmp.certificat.commande',
    'dmp.certificat.installe',
    'suivi.commentaire.dmp',
    'dmp.documents',
    DERIVED.dmpFeeding,
    [DERIVED.ehpadDmp, 'hidden'],
    ['dmp.dmp-alimentes', 'hidden'],
    [evolutionCode('dmp.documents'), 'hidden'],
  ],
  programmes: [
    ...PROGRAMME_INDICATORS.map((p): [string, 'hidden'] => [
      programmeIndicatorCode(p.programme, p.code),
      'hidden',
    ]),
    // The engine's attainment at the theme's month, so that the dashboard's programme counts are grid filters.
    ...PROGRAMME_ATTAINMENTS.map((a): [string, 'hidden'] => [a.code, 'hidden']),
  ],
  esms: [
    'esms.finance',
    'esms.dui',
    ['esms.grappe', 'hidden'],
    ['esms.editeur', 'hidden'],
    ['esms.niveau-contractualisation', 'hidden'],
    ['esms.montant', 'hidden'],
  ],
  etablissement: [
    ['etablissement.referent', 'hidden'],
    ['etablissement.commentaire', 'hidden'],
  ],
}

const BY_CODE = new Map(ALL_INDICATORS.map((i) => [i.code, i]))

function column(theme: GridTheme, entry: string | [string, 'hidden']): GridColumn {
  const code = typeof entry === 'string' ? entry : entry[0]
  const indicator = BY_CODE.get(code)
  const ownership = fieldOwnership(code)
  if (!indicator || !ownership)
    throw new Error(`colonne de grille sans indicateur ou sans propriétaire : ${code}`)
  return {
    key: code,
    theme,
    label: indicator.label,
    kind: indicator.kind,
    unit: indicator.unit,
    statuses: indicator.statuses ?? null,
    owner: ownership.owner,
    entry: ownership.entry,
    responsible: ownership.responsible,
    quantitative: indicator.kind === 'count' || indicator.kind === 'rate' || indicator.kind === 'amount',
    shownByDefault: typeof entry === 'string',
  }
}

export const GRID_COLUMNS: readonly GridColumn[] = GRID_THEMES.flatMap((theme) =>
  THEME_COLUMNS[theme].map((entry) => column(theme, entry)),
)

const COLUMN_BY_KEY = new Map(GRID_COLUMNS.map((c) => [c.key, c]))

export function findGridColumn(key: string): GridColumn | undefined {
  return COLUMN_BY_KEY.get(key)
}
