// The contract of a monthly source (RULES §3): its columns with the header names they are known by, the
// FINESS level it reports at, and how one row becomes observations. Each source is one file under
// `sources/`, declared as data plus one small `readRow`; docs/sources/ documents each for national teams.
import type { FinessLevel } from '../../domain/observations/observation'

export const SOURCE_CODES = [
  'segur-asp',
  'insi',
  'mssante',
  'dmp',
  'programmes',
  'activite',
  'esms-numerique',
  'suivi-segur',
] as const
export type SourceCode = (typeof SOURCE_CODES)[number]

export const isSourceCode = (value: string): value is SourceCode =>
  (SOURCE_CODES as readonly string[]).includes(value)

export interface ColumnSpec {
  /** The header written in the template and the documentation. */
  header: string
  /** Other headers the column is known by; compared folded (case, accents, spaces, punctuation). */
  aliases: readonly string[]
  required: boolean
  /** French, for docs/sources/ and the template. */
  description: string
}

/** One value a row gives, before the engine adds the structure, level, period and line. */
export interface ObservationValue {
  indicator: string
  number?: string | null
  text?: string | null
  numerator?: string | null
  denominator?: string | null
}

/** One row of a source file, seen through its columns, with readers that report bad cells. */
export interface SourceRow {
  line: number
  /** The cell of a column, trimmed; null when the column is absent or the cell means "no value". */
  raw(column: string): string | null
  count(column: string): string | null
  amount(column: string): string | null
  rate(column: string, scale?: 'percent' | 'fraction'): string | null
  boolean(column: string): 'oui' | 'non' | null
  status(column: string, indicator: string, synonyms?: Readonly<Record<string, string>>): string | null
  text(column: string): string | null
  /** Reports a problem on a column of this row; `rejected` drops the value, `warning` keeps it. */
  issue(column: string | null, code: string, message: string, severity?: 'rejected' | 'warning'): void
}

export interface SourceDefinition {
  code: SourceCode
  /** French name, e.g. "Commandes Ségur (ASP)". */
  label: string
  /** Who produces the file, e.g. "GIE SESAM-Vitale". */
  producer: string
  /** The usual file name, to recognise it and to document it. */
  fileNamePattern: string
  /** The level its FINESS numbers are reported at when the file does not say (column `niveau`). */
  level: FinessLevel
  /** Columns by field key; `finess` is required in every source. */
  columns: Readonly<Record<string, ColumnSpec>>
  /** Turns one row into values; bad cells are reported through `row.issue` or the typed readers. */
  readRow(row: SourceRow): ObservationValue[]
  /**
   * Fills values that the absence of a row means (the ASP file: no line for a software kind means
   * "Pas de commande signée"), once the whole file is read, for every structure the file names.
   */
  completeStructure?(present: ReadonlySet<string>): ObservationValue[]
  /** A few plausible rows for the template file and the documentation, by column key. */
  example: readonly Readonly<Record<string, string>>[]
}
