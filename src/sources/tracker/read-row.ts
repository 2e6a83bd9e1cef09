// One data row of a tracker sheet into observations: the FINESS numbers reconciled with the referential,
// then each column read and dated (the theme's month for national data, the follow-up point for the
// region's fields). MSSanté message counts go to the row's EJ, once per EJ (seed 002).
import { departementFromFiness } from '../../domain/finess'
import type { FinessLevel, Observation } from '../../domain/observations/observation'
import type { Period } from '../../domain/observations/period'
import { finessKeyWarning, readFiness } from '../field-repairs'
import { isMissing } from '../monthly/cell-values'
import { headerKey, type FinessResolver } from '../monthly/interpret'
import type { IssueSeverity, RowIssue } from '../source-error'
import type { TableRow } from '../tabular/table'
import { TRACKER_THEME_LABELS, type TrackerTheme } from './themes'
import type { ThemePeriod, TrackerColumn, TrackerLayout } from './layout'
import { shownValue, type ObservationLedger } from './ledger'
import { readTrackerCell } from './read-cell'

export interface RowContext {
  sheet: string
  layout: TrackerLayout
  followUp: Period
  themes: ReadonlyMap<TrackerTheme, ThemePeriod>
  resolve: FinessResolver
  ledger: ObservationLedger
  issues: RowIssue[]
  /** FINESS géographique → first line, to refuse a site listed twice in one sheet. */
  sites: Map<string, number>
}

export type RowOutcome =
  { status: 'blank' } | { status: 'rejected' } | { status: 'read'; observations: Observation[] }

/** "colonne AF « Commentaires » (INSi)": the theme only when the header repeats. */
export function describeColumn(layout: TrackerLayout, column: TrackerColumn): string {
  const repeated = layout.columns.filter((c) => headerKey(c.header) === headerKey(column.header)).length > 1
  const theme = repeated && column.theme ? ` (${TRACKER_THEME_LABELS[column.theme]})` : ''
  return `colonne ${column.letter} « ${column.header} »${theme}`
}

const LEVEL_NAMES: Record<FinessLevel, string> = { EG: 'géographique', EJ: 'juridique', PMSI: 'PMSI' }

export function readTrackerRow(row: TableRow, ctx: RowContext): RowOutcome {
  if (row.cells.every((c) => c.trim() === '')) return { status: 'blank' }
  const { layout } = ctx
  const cell = (column: TrackerColumn): string => (row.cells[column.index] ?? '').trim()
  let finess: string | null = null
  const issue = (
    column: TrackerColumn | null,
    code: string,
    message: string,
    severity: IssueSeverity = 'warning',
    value: string | null = column ? cell(column) : null,
  ): void => {
    ctx.issues.push({
      line: row.line,
      severity,
      code,
      field: column?.header ?? null,
      finess,
      value,
      message: column ? `${describeColumn(layout, column)} : ${message}` : message,
    })
  }

  /** A FINESS column read with its repairs; null (and said) when it cannot be read. */
  const readNumber = (column: TrackerColumn, severity: IssueSeverity): string | null => {
    const raw = cell(column)
    const reading = readFiness(raw)
    if (reading.ok && column === layout.finessEg) finess = reading.value
    if (!reading.ok) {
      issue(
        column,
        'finess-invalid',
        severity === 'rejected' ? `${reading.reason}, ligne ignorée` : reading.reason,
        severity,
      )
      return null
    }
    if (reading.repaired) issue(column, 'finess-repaired', reading.repaired)
    const key = finessKeyWarning(reading.value)
    if (key) issue(column, 'finess-key', key)
    return reading.value
  }

  const eg = layout.finessEg
  if (cell(eg) === '') {
    issue(eg, 'finess-missing', 'numéro FINESS absent, ligne ignorée', 'rejected')
    return { status: 'rejected' }
  }
  finess = readNumber(eg, 'rejected')
  if (finess === null) return { status: 'rejected' }
  const site = ctx.resolve(finess, 'EG')
  if (site.status === 'unknown') {
    issue(eg, 'finess-unknown', `FINESS ${finess} inconnu du référentiel, ligne ignorée`, 'rejected')
    return { status: 'rejected' }
  }
  const earlier = ctx.sites.get(finess)
  if (earlier !== undefined) {
    issue(eg, 'duplicate-row', `FINESS ${finess} déjà présent ligne ${earlier}, ligne ignorée`, 'rejected')
    return { status: 'rejected' }
  }
  ctx.sites.set(finess, row.line)
  if (site.level !== 'EG')
    issue(
      eg,
      'level-differs',
      `FINESS ${finess} connu comme FINESS ${LEVEL_NAMES[site.level]} : rattaché à ce niveau`,
    )
  if (site.closedOn)
    issue(eg, 'finess-closed', `FINESS ${finess} fermé le ${site.closedOn} : données conservées`)

  const messages = layout.columns.find((c) => c.field.level === 'EJ')
  const hasMessages = messages !== undefined && !isMissing(cell(messages))
  const notCounted = hasMessages ? ' ; le nombre de messages MSSanté, donné par EJ, n’est pas retenu' : ''
  let ej: string | null = null
  if (layout.finessEj && cell(layout.finessEj) !== '') {
    const number = readNumber(layout.finessEj, 'warning')
    const known = number === null ? null : ctx.resolve(number, 'EJ')
    if (number !== null && known?.status === 'unknown')
      issue(
        layout.finessEj,
        'finess-ej-unknown',
        `FINESS juridique ${number} inconnu du référentiel : ligne conservée${notCounted}`,
      )
    else if (known?.status === 'known' && known.level !== 'EJ')
      issue(
        layout.finessEj,
        'level-differs',
        `FINESS ${number} connu comme FINESS ${LEVEL_NAMES[known.level]}${notCounted}`,
      )
    else ej = number
  } else if (hasMessages)
    issue(layout.finessEj, 'finess-ej-missing', `FINESS juridique absent${notCounted}`, 'warning', null)

  if (layout.finessPmsi && cell(layout.finessPmsi) !== '') {
    const number = readNumber(layout.finessPmsi, 'warning')
    if (number !== null && ctx.resolve(number, 'PMSI').status === 'unknown')
      issue(
        layout.finessPmsi,
        'finess-pmsi-unknown',
        `FINESS PMSI ${number} inconnu du référentiel : ligne conservée`,
      )
  }
  checkDepartement(layout.departement, finess, cell, issue)

  const observations: Observation[] = []
  for (const column of layout.columns) {
    const { field } = column
    if (column.indicator === null || field.cell === undefined) continue
    const raw = cell(column)
    if (isMissing(raw)) continue
    const reading = readTrackerCell(raw, field.cell)
    if (!reading.ok) {
      issue(column, reading.code, reading.reason, 'rejected')
      continue
    }
    const target = field.level === 'EJ' ? ej : finess
    if (target === null) continue
    const observation: Observation = {
      finess: target,
      level: field.level ?? site.level,
      indicator: column.indicator,
      period: periodOf(column, ctx),
      number: reading.value.number,
      text: reading.value.text,
      numerator: null,
      denominator: null,
      line: row.line,
    }
    // The same value read again (an EJ's count on its next site, a month repeated by another tab) is
    // dropped quietly; a different one is said.
    const previous = ctx.ledger.claim(observation, ctx.sheet)
    if (previous === null) observations.push(observation)
    else if (previous.shown !== shownValue(observation))
      issue(
        column,
        field.level === 'EJ' ? 'ej-value-differs' : 'duplicate-conflict',
        field.level === 'EJ'
          ? `l’EJ ${target} a déjà ${previous.shown} ligne ${previous.line}${previous.sheet === ctx.sheet ? '' : ` de l’onglet « ${previous.sheet} »`} (valeur donnée par EJ, répétée sur chacun de ses établissements) : ${shownValue(observation)} ignoré, première valeur conservée`
          : `valeur de ${observation.period} déjà lue ligne ${previous.line} de l’onglet « ${previous.sheet} » (« ${previous.shown} ») : « ${shownValue(observation)} » ignoré`,
      )
  }
  return { status: 'read', observations }
}

function periodOf(column: TrackerColumn, ctx: RowContext): Period {
  const basis = column.field.period ?? 'follow-up'
  if (basis === 'follow-up') return ctx.followUp
  const theme = ctx.themes.get(column.field.theme)
  if (!theme) return ctx.followUp
  return basis === 'certificates' ? (theme.certificates ?? theme.period) : theme.period
}

/** The département column is the referential's business: a disagreement is said, never stored. */
function checkDepartement(
  column: TrackerColumn | null,
  finess: string,
  cell: (column: TrackerColumn) => string,
  issue: (column: TrackerColumn, code: string, message: string) => void,
): void {
  if (column === null) return
  const written = cell(column).toUpperCase()
  const expected = departementFromFiness(finess)
  if (written === '' || expected === null) return
  const normalized = /^[0-9]$/.test(written) ? `0${written}` : written
  if (normalized !== expected)
    issue(
      column,
      'departement-differs',
      `« ${written} » alors que le FINESS ${finess} est du département ${expected} : valeur non utilisée, le référentiel fait foi`,
    )
}
