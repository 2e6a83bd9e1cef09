// A realistic "Suivi Ségur ES" tracker (seed 002): title row 2 with merged theme titles carrying their
// month, headers on row 3, row 4 empty, one establishment per row from row 5, grey columns filled by the
// ANS and yellow ones by the region, hidden columns between the orders, two monthly tabs, a national-average
// tab and a methodology tab. The August tab holds the seed's rows (CH DE BERGERAC, CH D'ANGOULEME, CENTRE
// CLINICAL, then the fourth INSi/MSSanté row of the seed on CH DE FLEYRIAT) plus USLD EMILE PELICAND, a
// second site of Fleyriat's EJ that repeats its MSSanté count. Values the seed leaves blank (météo, SIH, a
// few comments) are filled here to exercise the reader. Options damage it the way real copies are damaged.
// The same model renders as an ExcelJS workbook or as in-memory sheets whose cells are text, as the
// tabular reader gives them.
import ExcelJS from 'exceljs'
import type { Resolution } from '../../src/sources/monthly/interpret'
import type { TableSheet } from '../../src/sources/tabular/table'

export interface TrackerDamage {
  /** FINESS cells stored as numbers: the Ain (01) numbers lose their leading zero. */
  finessAsNumbers?: boolean
  /** CH D'ANGOULEME's INSi comment (AF6) is `=HYPERLINK(…)`. */
  formulaComment?: boolean
  /** An extra row (CH DE SARLAT) whose FINESS géographique is blank. */
  blankFiness?: boolean
  /** An extra row whose FINESS (valid key) the referential does not know. */
  unknownFiness?: boolean
  /** CENTRE CLINICAL's météo (X7) misspelt "En cour de déploiment - alerte". */
  meteoTypo?: boolean
  /** USLD EMILE PELICAND reports 51 MSSanté messages (AL9) where the other site of its EJ reports 50. */
  messagesDisagree?: boolean
}

export const TRACKER_FILE_NAME =
  '2022_Suivi Ségur ES_REGION_V1_Logiciels-082022_INS-082022_MSS-072022_DMP-082022_Certificats-082022.xlsx'
export const AUGUST_SHEET = 'Suivi Ségur ES - 08-2022'
export const JULY_SHEET = 'Suivi Ségur ES - 07-2022'
export const NATIONAL_SHEET = 'Moyenne nationale'
export const METHODOLOGY_SHEET = 'Méthodologie'

/** Lines of the August tab: the sites, then the damage rows in the order blank, unknown. */
export const LINES = { bergerac: 5, angouleme: 6, clinical: 7, fleyriat: 8, usld: 9, firstExtra: 10 } as const
export const UNKNOWN_FINESS = '240099994'

export type Cell = string | number | null
/** One establishment's row, by column letter. */
export type SiteRow = Record<string, Cell>

/** Headers of row 3 by column letter; the letters in between are hidden, blank columns. */
export const HEADERS: readonly [letter: string, header: string, region?: 'region'][] = [
  ['A', 'FINESS Géographique'],
  ['B', 'FINESS PMSI'],
  ['C', 'FINESS Juridique'],
  ['D', 'Département'],
  ['E', "Catégorie d'établissements"],
  ['F', 'Raison sociale'],
  ['G', 'ES Pilote MES'],
  ['H', 'Candidat SUN-ES (Liste des domaines et bonus validés)'],
  ['I', 'Commentaires', 'region'],
  ['J', 'DPI'],
  ['L', 'PFI'],
  ['N', 'RI'],
  ['P', 'LOINC'],
  ['R', 'SGL'],
  ['T', 'RADIO'],
  ['X', 'Météo', 'region'],
  ['Y', 'Commentaires', 'region'],
  ['Z', 'SIH', 'region'],
  ['AC', "Appel de l'ES au TS INSi"],
  ['AD', "Taux d'identités qualifiées (à calculer sur les usagers pris en charge sur dernier mois)"],
  ['AE', 'Organisation pour qualifier les identités en place', 'region'],
  ['AF', 'Commentaires', 'region'],
  ['AK', 'ES Raccordé'],
  ['AL', 'Nb de messages envoyés'],
  ['AM', 'Commentaires', 'region'],
  ['AN', 'Documents de sorties DPI'],
  ['AO', 'CR Labo'],
  ['AP', 'CR Radio'],
  ['AS', 'Certificat DMP'],
  ['AT', 'Installation certificat DMP'],
]
const WIDTH = 46 // A–AT
const NUMERIC = new Set(['AD', 'AL'])

/** Blocks written as the seed shows them: the letters of a block, then one `|`-separated line per site. */
function sites(blocks: Record<string, readonly string[]>): SiteRow[] {
  const rows: SiteRow[] = []
  for (const [letters, lines] of Object.entries(blocks))
    lines.forEach((line, i) => {
      const row = (rows[i] ??= {})
      const values = line.split('|')
      letters.split(' ').forEach((letter, j) => {
        const value = values[j] ?? ''
        row[letter] = value === '' ? null : NUMERIC.has(letter) && /^\d+$/.test(value) ? Number(value) : value
      })
    })
  return rows
}

const SIGNED = 'Commande signée'
const UNSIGNED = 'Pas de commande signée'
const NA = 'Non concerné'
const ON_TRACK = "En cours - Pas d'alerte"

export const AUGUST_SITES: readonly SiteRow[] = sites({
  'A B C D E F G H I': [
    '240000372|240000059|240000059|24|CH|CH DE BERGERAC|ES Pilote MES|D4|',
    "160000253|160000451|160000451|16|CH|CH D'ANGOULEME|ES Pilote MES||",
    '160013207|160013207|160001632|16|Privé|CENTRE CLINICAL||D1 D4 Bonus CRO|',
    '010000024|010780054|010780054|01|CH|CH DE FLEYRIAT|||',
    '010009702|010780054|010780054|01|USLD|USLD EMILE PELICAND|||Site rattaché au CH de Fleyriat',
  ],
  'J L N P R T X Y Z': [
    `${SIGNED}|${SIGNED}|${UNSIGNED}|${SIGNED}|${NA}|${SIGNED}|En cours de déploiement - pas d'alerte||`,
    `${SIGNED}|${SIGNED}|${UNSIGNED}|${UNSIGNED}|${UNSIGNED}|${SIGNED}|Déployé / VA signée||`,
    `${SIGNED}|${SIGNED}|${SIGNED}|${NA}|${NA}|${NA}|En cours de déploiement - Alerte|RI commandé hors ASP, à vérifier|`,
    `${SIGNED}|${SIGNED}|${SIGNED}|${SIGNED}|${SIGNED}|${SIGNED}|Non démarré||DPI et RI du même éditeur`,
    `${SIGNED}|${UNSIGNED}|${UNSIGNED}|${NA}|${NA}|${NA}|Pas d'alerte||`,
  ],
  'AC AD AE AF AK AL AM': [
    `Oui|47|${ON_TRACK}|Difficulté avec Editeurs(vu avec CRIV/ANS)|ES Emetteur|1830|`,
    `Oui|60|${ON_TRACK}|Diffuse en interne pas encore en ext|ES Emetteur|10980|`,
    'Non||||ES Emetteur|2189|',
    `Oui|pas disponible|${ON_TRACK}|Organik pas de diffusion int/ext|ES Emetteur|50|`,
    'Non||||ES Emetteur|50|Messages comptés avec le CH de Fleyriat',
  ],
  'AN AO AP AS AT': [
    'Oui|Oui|Oui|Commande effectuée|Oui',
    'Oui|Oui|Oui|Commande effectuée|Oui',
    'Oui|Non|Non|Commande effectuée|Oui',
    'Oui|Non|Oui|Commande effectuée|Non',
    'Non|Non|Non||',
  ],
})

/** The July tab: the same sites a month earlier. */
export const JULY_SITES: readonly SiteRow[] = AUGUST_SITES.map((site, i) => ({
  ...site,
  ...[
    { AD: 41, AL: 1650, X: 'Non démarré' },
    { AD: 55, AL: 9870 },
    { AS: 'Pas de commande', AT: 'Non' },
    { AD: null, AL: 42, AF: null },
    { AL: 42 },
  ][i],
}))

const NATIONAL_AVERAGE_ROWS: Cell[][] = [
  ['Comparaison à la moyenne nationale - Août 2022 (valeurs d’exemple)', null, null],
  [],
  ['Indicateur', 'Région', 'Moyenne nationale'],
  ['ES ayant signé une commande DPI (%)', 92, 88],
  ['ES appelant le TS INSi (%)', 75, 71],
  ['ES émetteurs MSSanté (%)', 100, 93],
]

const METHODOLOGY_ROWS: Cell[][] = [
  [null, 'Méthodologie Onglet Suivi Ségur ES'],
  [],
  [null, 'Thèmes - Ligne 3', 'Détails', 'Reponsable de la complétude'],
  [
    null,
    'Prestations Ségur',
    'Le fichier sur lequel nous nous basons est le suivant : "ASP-MOIS-ANNEE-SEGU".',
    'ANS et Région',
  ],
  [null, 'SIH', 'La région complète avec les informations dont elle dispose.', 'Région'],
  [null, 'INSI', 'M1271_V02_TLSt_Publication donnees INSI', 'ANS'],
  [null, 'MSSanté', 'Rapport indicateurs MSSanté-general-mois-année', 'ANS'],
  [null, 'DMP', 'La Cnam et l’ANS renseignent les informations dans les colonnes dédiées.', 'Cnam / ANS'],
]

/** Theme titles on row 2, merged over their columns; only the first cell keeps the text. */
const titles = (month: string, mssMonth: string): [from: string, to: string, title: string][] => [
  ['J', 'Y', `Prestation Ségur (données issues de l'ASP et de la région) - ${month}`],
  ['Z', 'AB', 'SIH'],
  ['AC', 'AJ', `INSi - ${month}`],
  ['AK', 'AM', `MSSanté - ${mssMonth}`],
  ['AN', 'AT', `DMP - (1) données d'alimentation du DMP ${month}, (2) commande des certificats DMP ${month}`],
]

export interface SheetModel {
  name: string
  /** rows[0] is row 1. */
  rows: Cell[][]
  merges: string[]
  /** A follow-up tab, laid out and filled like the original. */
  tracker: boolean
}

export const columnIndex = (letter: string): number =>
  [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1

function trackerSheet(name: string, month: string, mssMonth: string, rows: readonly SiteRow[]): SheetModel {
  const line = (values: SiteRow): Cell[] => {
    const cells: Cell[] = Array.from({ length: WIDTH }, () => null)
    for (const [letter, value] of Object.entries(values)) cells[columnIndex(letter)] = value
    return cells
  }
  const titleRow: SiteRow = {}
  const merges: string[] = []
  for (const [from, to, title] of titles(month, mssMonth)) {
    titleRow[from] = title
    merges.push(`${from}2:${to}2`)
  }
  return {
    name,
    rows: [
      line({}),
      line(titleRow),
      line(Object.fromEntries(HEADERS.map(([letter, header]) => [letter, header]))),
      line({}),
      ...rows.map(line),
    ],
    merges,
    tracker: true,
  }
}

function damaged(damage: TrackerDamage): SiteRow[] {
  const rows = AUGUST_SITES.map((site) => ({ ...site }))
  const at = (name: string): SiteRow => {
    const row = rows.find((r) => r.F === name)
    if (!row) throw new Error(`no site ${name}`)
    return row
  }
  if (damage.formulaComment) at("CH D'ANGOULEME").AF = '=HYPERLINK("http://exemple.invalid","voir")'
  if (damage.meteoTypo) at('CENTRE CLINICAL').X = 'En cour de déploiment - alerte'
  if (damage.messagesDisagree) at('USLD EMILE PELICAND').AL = 51
  const extra = { ...at('CH DE BERGERAC'), G: null, H: null, AL: null }
  if (damage.blankFiness) rows.push({ ...extra, A: null, F: 'CH DE SARLAT' })
  if (damage.unknownFiness)
    rows.push({ ...extra, A: UNKNOWN_FINESS, B: UNKNOWN_FINESS, F: 'CLINIQUE DU PERIGORD' })
  if (damage.finessAsNumbers)
    for (const row of rows)
      for (const letter of ['A', 'B', 'C']) {
        const value = row[letter]
        if (typeof value === 'string') row[letter] = Number(value)
      }
  return rows
}

export function trackerModel(damage: TrackerDamage = {}): SheetModel[] {
  return [
    trackerSheet(AUGUST_SHEET, 'Août 2022', 'Juillet 2022', damaged(damage)),
    trackerSheet(JULY_SHEET, 'Juillet 2022', 'Juin 2022', JULY_SITES),
    { name: NATIONAL_SHEET, rows: NATIONAL_AVERAGE_ROWS, merges: ['A1:C1'], tracker: false },
    { name: METHODOLOGY_SHEET, rows: METHODOLOGY_ROWS, merges: [], tracker: false },
  ]
}

/** Cells as the tabular reader gives them: numbers in plain digits, blank rows left out. */
export function toTableSheet(model: SheetModel): TableSheet {
  const rows = model.rows
    .map((cells, i) => ({ line: i + 1, cells: cells.map((cell) => (cell === null ? '' : String(cell))) }))
    .filter((row) => row.cells.some((cell) => cell !== ''))
  return {
    name: model.name,
    rows: (async function* () {
      yield* rows
    })(),
  }
}

export const trackerTableSheets = (damage: TrackerDamage = {}): TableSheet[] =>
  trackerModel(damage).map(toTableSheet)

const GREY = 'FFD9D9D9'
const YELLOW = 'FFFFF2CC'
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } })

export function trackerWorkbook(damage: TrackerDamage = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
  const region = new Set(
    HEADERS.filter(([, , owner]) => owner === 'region').map(([letter]) => columnIndex(letter)),
  )
  const shown = new Set(HEADERS.map(([letter]) => columnIndex(letter)))
  for (const model of trackerModel(damage)) {
    const sheet = workbook.addWorksheet(model.name)
    model.rows.forEach((cells, r) =>
      cells.forEach((value, col) => {
        if (value !== null) sheet.getCell(r + 1, col + 1).value = value
      }),
    )
    for (const range of model.merges) sheet.mergeCells(range)
    if (!model.tracker) continue
    sheet.views = [{ state: 'frozen', xSplit: 6, ySplit: 3 }]
    sheet.getRow(2).font = { bold: true }
    sheet.getRow(3).font = { bold: true }
    for (let col = 0; col < WIDTH; col++) {
      const column = sheet.getColumn(col + 1)
      column.hidden = !shown.has(col)
      column.width = shown.has(col) ? 18 : 4
      if (!shown.has(col)) continue
      for (let r = 3; r <= model.rows.length; r++)
        if (r !== 4) sheet.getCell(r, col + 1).fill = fill(region.has(col) ? YELLOW : GREY)
    }
  }
  return workbook
}

export async function trackerWorkbookBytes(damage: TrackerDamage = {}): Promise<Uint8Array> {
  return new Uint8Array(await trackerWorkbook(damage).xlsx.writeBuffer())
}

/** The referential of these sites: each EG, EJ and PMSI number at its level; `closed` ones with a date. */
export function trackerResolver(closed: Readonly<Record<string, string>> = {}) {
  const levels = new Map<string, ('EG' | 'EJ')[]>()
  const add = (finess: string | number | null, level: 'EG' | 'EJ'): void => {
    if (typeof finess !== 'string') return
    levels.set(finess, [...new Set([...(levels.get(finess) ?? []), level])])
  }
  for (const site of AUGUST_SITES) {
    add(site.A ?? null, 'EG')
    add(site.C ?? null, 'EJ')
  }
  return (finess: string, declared: 'EG' | 'EJ' | 'PMSI'): Resolution => {
    const known = levels.get(finess)
    if (!known) return { status: 'unknown' }
    const level = known.find((l) => l === declared) ?? known[0] ?? 'EG'
    return { status: 'known', level, closedOn: closed[finess] ?? null }
  }
}
