// How one tracker sheet is laid out: the header row, the theme titles on the row above it, which column is
// which field, and the month of each theme. Merged title cells keep their value on their first column only,
// so a title covers the columns from its own up to the next title's.
import { findPeriodIn, type Period } from '../../domain/observations/period'
import type { RowIssue } from '../source-error'
import type { TableRow } from '../tabular/table'
import { fold } from '../monthly/cell-values'
import { headerKey } from '../monthly/interpret'
import { COMMENT_INDICATORS, COMMENT_NAMES, FIELDS, findField, type FieldSpec } from './fields'
import {
  fileNameKey,
  periodsFromFileName,
  titlePeriods,
  type FileNamePeriods,
  type PeriodSource,
} from './periods'
import { columnLetter, themeOfTitle, TRACKER_THEME_LABELS, type TrackerTheme } from './themes'

export interface TrackerColumn {
  index: number
  /** "AF", as the user sees it in Excel. */
  letter: string
  /** The header as written. */
  header: string
  /** The theme the column falls under (from the titles); identity before the first title. */
  theme: TrackerTheme | null
  field: FieldSpec
  /** For a "Commentaires" column, the comment indicator of its theme; otherwise the field's. */
  indicator: string | null
}

export interface TrackerThemeSpan {
  theme: TrackerTheme | null
  title: string
  /** "J2" */
  cell: string
  /** "J–Y"; the last title runs to the end of the row ("AN–"). */
  columns: string
  from: number
  to: number | null
}

export interface ThemePeriod {
  theme: TrackerTheme
  title: string | null
  period: Period
  source: PeriodSource
  /** DMP only: the month of the certificate orders, "(2)" of its title. */
  certificates?: Period
}

export interface TrackerLayout {
  headerLine: number
  titleLine: number | null
  spans: TrackerThemeSpan[]
  columns: TrackerColumn[]
  finessEg: TrackerColumn
  finessPmsi: TrackerColumn | null
  finessEj: TrackerColumn | null
  departement: TrackerColumn | null
  /** Headers that are not a tracker column, "K « Date »". */
  ignored: string[]
  /** Tracker columns of seed 002 that this sheet does not have. */
  missing: string[]
}

const EG_FIELD = findField('FINESS Géographique')

/** The header row: the first row naming the FINESS géographique column. */
export function isHeaderRow(row: TableRow): boolean {
  return row.cells.some((cell) => EG_FIELD !== null && findField(cell) === EG_FIELD)
}

const nonEmpty = (row: TableRow): boolean => row.cells.some((c) => c.trim() !== '')

/**
 * The theme titles: the nearest non-blank of the two rows just above the headers, preferring one that names
 * a theme. Rows higher up hold sheet titles ("Suivi Ségur ES - Août 2022").
 */
export function findTitleRow(above: readonly TableRow[], headerLine: number): TableRow | null {
  const candidates = above
    .filter((row) => row.line >= headerLine - 2 && nonEmpty(row))
    .sort((a, b) => b.line - a.line)
  return candidates.find((row) => row.cells.some((c) => themeOfTitle(c) !== null)) ?? candidates[0] ?? null
}

function spansOf(titleRow: TableRow | null, egIndex: number): TrackerThemeSpan[] {
  if (titleRow === null) return []
  const starts = titleRow.cells.flatMap((cell, index) => (cell.trim() === '' ? [] : [index]))
  return starts.map((from, i) => {
    const next = starts[i + 1]
    const to = next === undefined ? null : next - 1
    const title = (titleRow.cells[from] ?? '').trim()
    const covers = from <= egIndex && (to === null || egIndex <= to)
    return {
      theme: covers ? 'identite' : themeOfTitle(title),
      title,
      cell: `${columnLetter(from)}${titleRow.line}`,
      columns: `${columnLetter(from)}–${to === null ? '' : columnLetter(to)}`,
      from,
      to,
    }
  })
}

function themeAt(spans: readonly TrackerThemeSpan[], index: number): TrackerTheme | null {
  const span = spans.find((s) => s.from <= index && (s.to === null || index <= s.to))
  if (span) return span.theme
  // Before the first title (or without titles): the identity block.
  const first = spans[0]
  return first === undefined || index < first.from ? 'identite' : null
}

export interface LayoutResult {
  layout: TrackerLayout
  /** Header-level problems (duplicate or unreadable columns), at the header line. */
  issues: RowIssue[]
}

export function buildLayout(header: TableRow, above: readonly TableRow[]): LayoutResult {
  const egIndex = header.cells.findIndex((cell) => findField(cell) === EG_FIELD)
  const titleRow = findTitleRow(above, header.line)
  const spans = spansOf(titleRow, egIndex)
  const columns: TrackerColumn[] = []
  const ignored: string[] = []
  const issues: RowIssue[] = []
  const headerIssue = (index: number, code: string, message: string): void => {
    const cell = header.cells[index] ?? ''
    issues.push({
      line: header.line,
      severity: 'warning',
      code,
      field: cell,
      finess: null,
      value: cell,
      message: `colonne ${columnLetter(index)} « ${cell} » : ${message}`,
    })
  }
  const taken = new Map<string, TrackerColumn>()
  header.cells.forEach((raw, index) => {
    const cell = raw.trim()
    if (cell === '') return
    const theme = themeAt(spans, index)
    const comment = COMMENT_NAMES.includes(headerKey(cell))
    const field = comment ? null : findField(cell)
    if (!comment && field === null) {
      ignored.push(`${columnLetter(index)} « ${cell} »`)
      return
    }
    const indicator = comment ? (theme === null ? undefined : COMMENT_INDICATORS[theme]) : field?.indicator
    if (comment && indicator === undefined) {
      headerIssue(index, 'column-unplaced', 'commentaires hors d’un thème connu : colonne ignorée')
      ignored.push(`${columnLetter(index)} « ${cell} »`)
      return
    }
    const key = comment ? `comment:${indicator}` : (field?.key ?? cell)
    const previous = taken.get(key)
    if (previous) {
      headerIssue(index, 'column-duplicate', `déjà lue colonne ${previous.letter} : colonne ignorée`)
      ignored.push(`${columnLetter(index)} « ${cell} »`)
      return
    }
    const spec: FieldSpec = field ?? {
      key,
      header: cell,
      names: [],
      theme: theme ?? 'identite',
      indicator: indicator ?? '',
      cell: { kind: 'text' },
      period: 'follow-up',
    }
    const column = {
      index,
      letter: columnLetter(index),
      header: cell,
      theme,
      field: spec,
      indicator: indicator ?? null,
    }
    taken.set(key, column)
    columns.push(column)
  })
  const byIdentity = (identity: string): TrackerColumn | null =>
    columns.find((c) => c.field.identity === identity) ?? null
  const finessEg = byIdentity('finessEg')
  if (finessEg === null) throw new Error('buildLayout needs a header row with the FINESS géographique')
  return {
    layout: {
      headerLine: header.line,
      titleLine: titleRow?.line ?? null,
      spans,
      columns,
      finessEg,
      finessPmsi: byIdentity('finessPmsi'),
      finessEj: byIdentity('finessEj'),
      departement: byIdentity('departement'),
      ignored,
      missing: missingColumns(columns),
    },
    issues,
  }
}

function missingColumns(columns: readonly TrackerColumn[]): string[] {
  const present = new Set(columns.map((c) => c.field.key))
  return FIELDS.filter((f) => !present.has(f.key)).map((f) => f.header)
}

/**
 * Each national theme's month: its title, else the archive's file name, else the follow-up point (said).
 * A title and a file name that disagree are not reported: a workbook holds several months' tabs under one
 * name, and the report gives where each month was read.
 */
export function themePeriods(
  layout: TrackerLayout,
  fileName: string,
  followUp: Period,
  warn: (message: string, code: string) => void,
): Map<TrackerTheme, ThemePeriod> {
  const fromFile: FileNamePeriods = periodsFromFileName(fileName)
  const used = new Set(
    layout.columns
      .filter((c) => c.field.period === 'theme' || c.field.period === 'certificates')
      .map((c) => c.field.theme),
  )
  const periods = new Map<TrackerTheme, ThemePeriod>()
  for (const theme of used) {
    const span = layout.spans.find((s) => s.theme === theme) ?? null
    const label = TRACKER_THEME_LABELS[theme]
    const written = span ? titlePeriods(span.title) : { data: null, certificates: null }
    const key = fileNameKey(theme)
    const named = key ? fromFile[key] : null
    const namedCertificates = theme === 'dmp' ? fromFile.certificates : null
    let period: ThemePeriod
    if (written.data) period = { theme, title: span?.title ?? null, period: written.data, source: 'title' }
    else if (named) period = { theme, title: span?.title ?? null, period: named, source: 'file-name' }
    else {
      warn(
        `aucun mois pour le thème ${label} (ni dans son titre${span ? ` « ${span.title} »` : ''}, ni dans le nom du fichier) : mois du point de suivi (${followUp}) retenu`,
        'theme-period-assumed',
      )
      period = { theme, title: span?.title ?? null, period: followUp, source: 'follow-up' }
    }
    if (theme === 'dmp')
      period.certificates = (written.data ? written.certificates : null) ?? namedCertificates ?? period.period
    periods.set(theme, period)
  }
  return periods
}

/**
 * A month written in a title above the headers that is not a theme's ("Suivi Ségur ES - Août 2022"); a
 * title that says "suivi" wins over another dated cell.
 */
export function titleFollowUp(
  above: readonly TableRow[],
): { period: Period; text: string; line: number } | null {
  const found = above.flatMap((row) =>
    row.cells.flatMap((cell) => {
      const period = cell.trim() === '' || themeOfTitle(cell) !== null ? null : findPeriodIn(cell)
      return period ? [{ period, text: cell.trim(), line: row.line }] : []
    }),
  )
  return found.find((f) => /suivi/.test(fold(f.text))) ?? found[0] ?? null
}
