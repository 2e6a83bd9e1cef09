// One sheet of a "Suivi Ségur ES" tracker: tell a follow-up tab from the methodology and national-average
// tabs, find its headers and themes, date it, then stream its rows into observations.
import type { Observation } from '../../domain/observations/observation'
import { findPeriodIn, type Period } from '../../domain/observations/period'
import type { FinessResolver } from '../monthly/interpret'
import { SourceFileError, type RowIssue } from '../source-error'
import type { TableRow, TableSheet } from '../tabular/table'
import {
  buildLayout,
  isHeaderRow,
  themePeriods,
  titleFollowUp,
  type ThemePeriod,
  type TrackerLayout,
} from './layout'
import { ObservationLedger } from './ledger'
import { skippedSheetKind, type PeriodSource } from './periods'
import { readTrackerRow, type RowContext } from './read-row'

export interface TrackerOptions {
  /** Named in messages; its archive form also gives each theme's month (RULES §3). */
  fileName: string
  resolve: FinessResolver
  /** The follow-up month when neither the tab's name nor a title above the headers gives one. */
  period?: Period
  /** How many rows to look through for the header row; 20 by default. */
  headerSearchRows?: number
  /** Shared by the sheets of one workbook so that a value read twice is kept once. */
  ledger?: ObservationLedger
}

export type SkipKind = 'methodology' | 'national-average' | 'not-a-tracker'

export interface FollowUp {
  period: Period
  source: PeriodSource
  /** What the month was read from: the tab's name, the title, or the caller's period. */
  text: string
}

export interface TrackerSheetReport {
  sheet: string
  status: 'read' | 'skipped'
  skipped: { kind: SkipKind; reason: string } | null
  followUp: FollowUp | null
  /** The month of each national theme present, with where it was read. */
  themes: ThemePeriod[]
  layout: TrackerLayout | null
  /** Non-blank rows below the headers. */
  rowsRead: number
  rowsRejected: number
  observations: number
  /** Distinct FINESS géographiques read. */
  sites: number
  /** Distinct EJs given a value at EJ level (MSSanté messages). */
  legalEntities: number
  issues: RowIssue[]
}

export interface TrackerSheetReading {
  /** Complete for a skipped sheet; counts and row issues complete once `observations()` has ended. */
  report: TrackerSheetReport
  /** The rows below the headers, read once. */
  observations(): AsyncGenerator<Observation>
}

const SKIP_REASONS = {
  methodology: 'onglet de méthodologie : pas de données d’établissement',
  'national-average': 'onglet de comparaison à la moyenne nationale : pas de données d’établissement',
} as const

function emptyReport(sheet: string): TrackerSheetReport {
  return {
    sheet,
    status: 'read',
    skipped: null,
    followUp: null,
    themes: [],
    layout: null,
    rowsRead: 0,
    rowsRejected: 0,
    observations: 0,
    sites: 0,
    legalEntities: 0,
    issues: [],
  }
}

const skipped = (sheet: string, kind: SkipKind, reason: string): TrackerSheetReading => ({
  report: { ...emptyReport(sheet), status: 'skipped', skipped: { kind, reason } },
  async *observations() {},
})

/**
 * Reads a sheet up to its header row and dates it. A methodology or national-average tab (by name), or a
 * sheet without a "FINESS Géographique" header, comes back skipped with its reason; a follow-up tab whose
 * month cannot be found throws a SourceFileError.
 */
export async function openTrackerSheet(
  sheet: TableSheet,
  options: TrackerOptions,
): Promise<TrackerSheetReading> {
  const kind = skippedSheetKind(sheet.name)
  if (kind) return skipped(sheet.name, kind, SKIP_REASONS[kind])
  const searchRows = options.headerSearchRows ?? 20
  const rows = sheet.rows[Symbol.asyncIterator]()
  const above: TableRow[] = []
  let header: TableRow | null = null
  while (header === null && above.length < searchRows) {
    const next = await rows.next()
    if (next.done) break
    if (isHeaderRow(next.value)) header = next.value
    else above.push(next.value)
  }
  if (header === null)
    return skipped(
      sheet.name,
      'not-a-tracker',
      `aucune ligne d’en-têtes avec « FINESS Géographique » dans les ${searchRows} premières lignes`,
    )

  const report = emptyReport(sheet.name)
  const { layout, issues } = buildLayout(header, above)
  report.layout = layout
  report.issues.push(...issues)
  const headerLine = header.line
  const warn = (line: number) => (message: string, code: string) =>
    report.issues.push({ line, severity: 'warning', code, field: null, finess: null, value: null, message })
  const followUp = findFollowUp(sheet.name, above, options, headerLine, warn(layout.titleLine ?? headerLine))
  report.followUp = followUp
  const themes = themePeriods(layout, options.fileName, followUp.period, warn(layout.titleLine ?? headerLine))
  report.themes = [...themes.values()]

  const ctx: RowContext = {
    sheet: sheet.name,
    layout,
    followUp: followUp.period,
    themes,
    resolve: options.resolve,
    ledger: options.ledger ?? new ObservationLedger(),
    issues: report.issues,
    sites: new Map(),
  }
  let started = false
  return {
    report,
    async *observations() {
      if (started) throw new Error(`the rows of sheet ${sheet.name} were already read`)
      started = true
      const legalEntities = new Set<string>()
      try {
        for (let next = await rows.next(); !next.done; next = await rows.next()) {
          const outcome = readTrackerRow(next.value, ctx)
          if (outcome.status === 'blank') continue
          report.rowsRead++
          if (outcome.status === 'rejected') {
            report.rowsRejected++
            continue
          }
          for (const observation of outcome.observations) {
            if (observation.level === 'EJ') legalEntities.add(observation.finess)
            report.observations++
            yield observation
          }
        }
      } finally {
        report.sites = ctx.sites.size
        report.legalEntities = legalEntities.size
      }
    },
  }
}

/** The tab's name first (one tab per follow-up point), then a title above the headers, then the caller. */
function findFollowUp(
  name: string,
  above: readonly TableRow[],
  options: TrackerOptions,
  headerLine: number,
  warn: (message: string, code: string) => void,
): FollowUp {
  const fromName = findPeriodIn(name)
  const fromTitle = titleFollowUp(above)
  let found: FollowUp | null = null
  if (fromName) {
    found = { period: fromName, source: 'sheet-name', text: name }
    if (fromTitle && fromTitle.period !== fromName)
      warn(
        `le titre « ${fromTitle.text} » (ligne ${fromTitle.line}) porte sur ${fromTitle.period}, l’onglet « ${name} » sur ${fromName} : mois de l’onglet retenu`,
        'period-differs',
      )
  } else if (fromTitle) found = { period: fromTitle.period, source: 'title', text: fromTitle.text }
  if (found === null) {
    if (options.period) return { period: options.period, source: 'caller', text: options.period }
    throw new SourceFileError(
      options.fileName,
      `onglet « ${name} » : impossible de dater le point de suivi (aucun mois dans le nom de l’onglet ni dans un titre au-dessus des en-têtes) ; indiquez la période`,
      headerLine,
    )
  }
  if (options.period && options.period !== found.period)
    warn(
      `la période demandée (${options.period}) diffère de celle de l’onglet « ${name} » (${found.period}) : mois de l’onglet retenu`,
      'period-differs',
    )
  return found
}

/** One sheet's observations; the generator's return value is its report. */
export async function* readTrackerSheet(
  sheet: TableSheet,
  options: TrackerOptions,
): AsyncGenerator<Observation, TrackerSheetReport> {
  const reading = await openTrackerSheet(sheet, options)
  yield* reading.observations()
  return reading.report
}
