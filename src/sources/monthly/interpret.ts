// The generic part of every monthly import: find the header row, map headers to the source's columns,
// read each row's FINESS (repairing only what the key confirms), reconcile it with the referential through
// the caller's resolver, check the period, let the source read its values, and report duplicates. Yields
// observations one by one so that a national file streams into the database.
import { type FinessLevel, FINESS_LEVELS, type Observation } from '../../domain/observations/observation'
import { indicator as indicatorDefinition } from '../../domain/observations/indicators'
import { parsePeriod, periodOfDate, type Period } from '../../domain/observations/period'
import { finessKeyWarning, readDate, readFiness } from '../field-repairs'
import { SourceFileError, type RowIssue } from '../source-error'
import type { TableRow } from '../tabular/table'
import {
  fold,
  isMissing,
  readAmount,
  readBoolean,
  readCount,
  readRate,
  readStatus,
  readText,
  type CellReading,
} from './cell-values'
import type { ObservationValue, SourceDefinition, SourceRow } from './source-definition'

/** What the referential knows of a FINESS number, as the app's resolver answers. */
export type Resolution =
  { status: 'known'; level: FinessLevel; closedOn: string | null } | { status: 'unknown' }

/** Looks a number up at the declared level first, then at the others. */
export type FinessResolver = (finess: string, declared: FinessLevel) => Resolution

export interface InterpretOptions {
  fileName: string
  source: SourceDefinition
  period: Period
  resolve: FinessResolver
  /** A saved mapping: column key → the header this file uses for it. */
  headers?: Readonly<Record<string, string>>
  /** How many rows to look through for the header row. */
  headerSearchRows?: number
}

export interface InterpretStats {
  headerLine: number
  rowsRead: number
  rowsRejected: number
  structures: number
  /** Columns found, by key, with the header as written. */
  columns: Record<string, string>
}

/** Columns that every source may carry besides its own. */
const COMMON_COLUMNS = {
  niveau: { header: 'Niveau FINESS', aliases: ['niveau', 'type finess', 'niveau de contractualisation'] },
  periode: { header: 'Période', aliases: ['periode', 'mois', 'mois de donnees', 'period'] },
} as const

/** Headers compared without case, accents, punctuation or spacing. */
export const headerKey = (text: string): string => fold(text).replace(/[^a-z0-9]+/g, '')

const LEVEL_WORDS: Record<string, FinessLevel> = {
  eg: 'EG',
  et: 'EG',
  geographique: 'EG',
  finessgeographique: 'EG',
  ej: 'EJ',
  juridique: 'EJ',
  finessjuridique: 'EJ',
  pmsi: 'PMSI',
  finesspmsi: 'PMSI',
  // The contracting level of ESMS numérique is written as the catalogue labels it.
  finesseg: 'EG',
  finesset: 'EG',
  etablissement: 'EG',
  etablissementgeographique: 'EG',
  finessej: 'EJ',
  entitejuridique: 'EJ',
}

/**
 * The month of a `periode` cell: a month as people write it, or a date (a spreadsheet stores "août-22" as
 * the 1st of the month, and a measurement end as its day), read as its month.
 */
function monthOf(text: string): Period | null {
  const month = parsePeriod(text)
  if (month !== null) return month
  const date = readDate(text)
  return date.ok ? periodOfDate(date.value) : null
}

function matchColumns(
  cells: readonly string[],
  source: SourceDefinition,
  overrides: Readonly<Record<string, string>>,
): Map<string, number> {
  const byHeader = new Map<string, number>()
  cells.forEach((cell, index) => {
    const key = headerKey(cell)
    if (key && !byHeader.has(key)) byHeader.set(key, index)
  })
  const found = new Map<string, number>()
  const specs = { ...COMMON_COLUMNS, ...source.columns }
  for (const [column, spec] of Object.entries(specs)) {
    const names = overrides[column] ? [overrides[column]] : [spec.header, ...spec.aliases]
    for (const name of names) {
      const index = byHeader.get(headerKey(name))
      if (index !== undefined) {
        found.set(column, index)
        break
      }
    }
  }
  return found
}

interface RowContext {
  issues: RowIssue[]
  fileName: string
  source: SourceDefinition
}

function makeRow(
  row: TableRow,
  columns: Map<string, number>,
  headers: readonly string[],
  ctx: RowContext,
  finess: string,
): SourceRow {
  const headerOf = (column: string): string => headers[columns.get(column) ?? -1] ?? column
  const issue: SourceRow['issue'] = (column, code, message, severity = 'rejected') => {
    const value = column === null ? null : (row.cells[columns.get(column) ?? -1] ?? null)
    ctx.issues.push({
      line: row.line,
      severity,
      code,
      field: column === null ? null : headerOf(column),
      finess,
      value,
      message: column === null ? message : `colonne « ${headerOf(column)} » : ${message}`,
    })
  }
  const raw = (column: string): string | null => {
    const index = columns.get(column)
    if (index === undefined) return null
    const cell = (row.cells[index] ?? '').trim()
    return isMissing(cell) ? null : cell
  }
  const typed =
    <T>(read: (value: string) => CellReading<T>) =>
    (column: string): T | null => {
      const value = raw(column)
      if (value === null) return null
      const reading = read(value)
      if (reading.ok) return reading.value
      issue(column, 'invalid-value', reading.reason)
      return null
    }
  return {
    line: row.line,
    raw,
    count: typed(readCount),
    amount: typed(readAmount),
    rate: (column, scale = 'percent') => typed((v) => readRate(v, scale))(column),
    boolean: typed(readBoolean),
    status: (column, indicator, synonyms) =>
      typed((v) => readStatus(v, indicatorDefinition(indicator).statuses ?? [], synonyms))(column),
    text: typed(readText),
    issue,
  }
}

function valueKey(v: ObservationValue): string {
  return [v.number ?? '', v.text ?? '', v.numerator ?? '', v.denominator ?? ''].join('\u0001')
}

/**
 * Reads the rows of one sheet into observations. Issues (with line, column as written, value and reason)
 * are pushed to `issues` as they are found; a file that cannot be read at all throws a SourceFileError.
 */
export async function* interpretRows(
  rows: AsyncIterable<TableRow>,
  options: InterpretOptions,
  issues: RowIssue[],
  stats: InterpretStats,
): AsyncGenerator<Observation> {
  const { fileName, source, period } = options
  const searchRows = options.headerSearchRows ?? 30
  const overrides = options.headers ?? {}
  let columns: Map<string, number> | null = null
  let headers: readonly string[] = []
  const seen = new Map<string, { line: number; key: string }>()
  const structures = new Map<string, { level: FinessLevel; indicators: Set<string>; line: number }>()
  // FINESS numbers with a row the source could not fully read: the absence of a value proves nothing there.
  const incomplete = new Map<string, number>()
  const ctx: RowContext = { issues, fileName, source }
  let wrongPeriod: { line: number; value: string } | null = null
  let inPeriod = 0
  let scanned = 0

  for await (const row of rows) {
    if (columns === null) {
      scanned++
      const found = matchColumns(row.cells, source, overrides)
      if (found.has('finess')) {
        columns = found
        headers = row.cells
        stats.headerLine = row.line
        stats.columns = Object.fromEntries([...found].map(([k, i]) => [k, row.cells[i] ?? k]))
        const missing = Object.entries(source.columns).filter(([k, spec]) => spec.required && !found.has(k))
        if (missing.length > 0)
          throw new SourceFileError(
            fileName,
            `colonne(s) obligatoire(s) absente(s) : ${missing.map(([, s]) => `« ${s.header} »`).join(', ')} (en-têtes lus : ${row.cells
              .filter((c) => c.trim())
              .map((c) => `« ${c} »`)
              .join(', ')})`,
            row.line,
          )
      } else if (scanned >= searchRows) {
        throw new SourceFileError(
          fileName,
          `aucune ligne d'en-têtes avec une colonne FINESS (« ${source.columns.finess?.header ?? 'FINESS'} ») dans les ${searchRows} premières lignes : est-ce bien un fichier « ${source.label} » ?`,
        )
      }
      continue
    }
    if (row.cells.every((c) => c.trim() === '')) continue
    stats.rowsRead++
    const finessIndex = columns.get('finess') ?? 0
    const rawFiness = (row.cells[finessIndex] ?? '').trim()
    const reject = (
      code: string,
      message: string,
      field: string | null,
      value: string | null,
      finess: string | null = null,
    ) => {
      stats.rowsRejected++
      issues.push({ line: row.line, severity: 'rejected', code, field, finess, value, message })
    }
    const finessHeader = headers[finessIndex] ?? 'FINESS'
    if (rawFiness === '') {
      reject(
        'finess-missing',
        `colonne « ${finessHeader} » : numéro FINESS absent, ligne ignorée`,
        finessHeader,
        null,
      )
      continue
    }
    const reading = readFiness(rawFiness)
    if (!reading.ok) {
      reject('finess-invalid', `colonne « ${finessHeader} » : ${reading.reason}`, finessHeader, rawFiness)
      continue
    }
    const finess = reading.value
    if (reading.repaired)
      issues.push({
        line: row.line,
        severity: 'warning',
        code: 'finess-repaired',
        field: finessHeader,
        finess,
        value: rawFiness,
        message: `colonne « ${finessHeader} » : ${reading.repaired}`,
      })
    const keyWarning = finessKeyWarning(finess)
    if (keyWarning)
      issues.push({
        line: row.line,
        severity: 'warning',
        code: 'finess-key',
        field: finessHeader,
        finess,
        value: rawFiness,
        message: keyWarning,
      })

    const sourceRow = makeRow(row, columns, headers, ctx, finess)
    const rowPeriodText = sourceRow.raw('periode')
    if (rowPeriodText !== null) {
      const rowPeriod = monthOf(rowPeriodText)
      if (rowPeriod === null) {
        sourceRow.issue(
          'periode',
          'invalid-period',
          `« ${rowPeriodText} » n'est pas un mois (AAAA-MM) ni une date`,
        )
        stats.rowsRejected++
        incomplete.set(finess, row.line)
        continue
      }
      if (rowPeriod !== period) {
        wrongPeriod ??= { line: row.line, value: rowPeriodText }
        sourceRow.issue(
          'periode',
          'wrong-period',
          `ligne du mois ${rowPeriod}, l'import porte sur ${period} : ligne ignorée`,
        )
        stats.rowsRejected++
        continue
      }
    }
    inPeriod++

    let declared = source.level
    const levelText = sourceRow.raw('niveau')
    if (levelText !== null) {
      const level =
        LEVEL_WORDS[headerKey(levelText)] ??
        (FINESS_LEVELS as readonly string[]).find((l) => l === levelText.toUpperCase())
      if (level) declared = level as FinessLevel
      else
        sourceRow.issue(
          'niveau',
          'invalid-level',
          `« ${levelText} » n'est pas un niveau FINESS (EG, EJ ou PMSI) ; niveau ${source.level} retenu`,
          'warning',
        )
    }
    const resolution = options.resolve(finess, declared)
    if (resolution.status === 'unknown') {
      reject(
        'finess-unknown',
        `colonne « ${finessHeader} » : FINESS ${finess} inconnu du référentiel (cherché au niveau ${declared} puis aux autres) : ligne ignorée`,
        finessHeader,
        rawFiness,
        finess,
      )
      continue
    }
    const level = resolution.level
    if (level !== declared)
      sourceRow.issue(
        null,
        'level-differs',
        `FINESS ${finess} déclaré ${declared} mais connu comme ${level} : rattaché au niveau ${level}`,
        'warning',
      )
    if (resolution.closedOn)
      sourceRow.issue(
        null,
        'finess-closed',
        `FINESS ${finess} fermé le ${resolution.closedOn} : données conservées`,
        'warning',
      )

    const structureKey = `${level}:${finess}`
    const structure = structures.get(structureKey) ?? { level, indicators: new Set<string>(), line: row.line }
    structures.set(structureKey, structure)
    const issuesBefore = issues.length
    const values = source.readRow(sourceRow)
    if (issues.slice(issuesBefore).some((i) => i.severity === 'rejected')) {
      incomplete.set(finess, row.line)
      if (values.length === 0) stats.rowsRejected++
    }
    for (const value of values) {
      const key = `${structureKey}:${value.indicator}`
      const previous = seen.get(key)
      const current = valueKey(value)
      if (previous) {
        const what = `« ${indicatorDefinition(value.indicator).label} » (FINESS ${finess})`
        if (previous.key === current)
          sourceRow.issue(
            null,
            'duplicate',
            `${what} déjà donné ligne ${previous.line} avec la même valeur : doublon ignoré`,
            'warning',
          )
        else
          sourceRow.issue(
            null,
            'duplicate-conflict',
            `${what} déjà donné ligne ${previous.line} avec une autre valeur : cette ligne est ignorée pour cet indicateur`,
          )
        continue
      }
      seen.set(key, { line: row.line, key: current })
      structure.indicators.add(value.indicator)
      yield observation(finess, level, period, row.line, value)
    }
  }
  if (columns === null)
    throw new SourceFileError(
      fileName,
      stats.rowsRead === 0 && scanned === 0
        ? 'le fichier ne contient aucune ligne.'
        : `aucune ligne d'en-têtes avec une colonne FINESS : est-ce bien un fichier « ${source.label} » ?`,
    )
  if (wrongPeriod && inPeriod === 0)
    throw new SourceFileError(
      fileName,
      `le fichier porte sur un autre mois (« ${wrongPeriod.value} ») que celui de l'import (${period}) : vérifiez le fichier ou la période`,
      wrongPeriod.line,
    )
  stats.structures = structures.size
  if (source.completeStructure)
    for (const [key, structure] of structures) {
      const finess = key.slice(key.indexOf(':') + 1)
      const unread = incomplete.get(finess)
      if (unread !== undefined) {
        issues.push({
          line: structure.line,
          severity: 'warning',
          code: 'not-completed',
          field: null,
          finess,
          value: null,
          message: `FINESS ${finess} : la ligne ${unread} a une valeur refusée, les valeurs absentes ne sont donc pas déduites (corriger la ligne puis réimporter)`,
        })
        continue
      }
      for (const value of source.completeStructure(structure.indicators))
        yield observation(finess, structure.level, period, structure.line, value)
    }
}

function observation(
  finess: string,
  level: FinessLevel,
  period: Period,
  line: number,
  v: ObservationValue,
): Observation {
  return {
    finess,
    level,
    indicator: v.indicator,
    period,
    number: v.number ?? null,
    text: v.text ?? null,
    numerator: v.numerator ?? null,
    denominator: v.denominator ?? null,
    line,
  }
}
