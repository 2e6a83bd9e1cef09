// What each demo source generator gives: for one month, the rows of its file by column key (the keys of the
// source's definition, whose documented headers the writer takes), plus a few columns real files carry and
// Jalon ignores (the name of the structure).
import type { Period } from '../../../domain/observations/period'
import type { SourceCode } from '../../../sources/monthly/source-definition'
import type { Profile } from '../profiles'

export interface MonthContext {
  period: Period
  /** 0 for the first month of the window. */
  index: number
  months: number
}

export interface DemoRow {
  /** Cells by column key of the source definition; a key left out is an empty cell. */
  cells: Readonly<Record<string, string>>
  /** Extra columns by header, not part of the definition (e.g. "Raison sociale"). */
  extra?: Readonly<Record<string, string>>
}

export interface DemoTable {
  /** Lines above the header row. */
  preamble: readonly string[]
  rows: readonly DemoRow[]
}

export interface SourceGenerator {
  code: SourceCode
  /** Definition keys written, in this order; each must exist in the source's definition. */
  columns: readonly string[]
  /** Extra headers written after the FINESS column, in this order. */
  extraHeaders: readonly string[]
  /** The file's name for a month (the producer's usual name). */
  fileName(period: Period): string
  /** The rows of one month; no rows means no file that month. */
  table(profiles: readonly Profile[], month: MonthContext): DemoTable
}
