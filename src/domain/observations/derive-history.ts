// What `deriveForStructure` reads: the months of one structure, by indicator, and how to read one value.
// The shape is what a caller grouping stored observations has at hand: an Observation is a MonthValue, so
// grouping needs no copy.
import type { RateInput } from '../programmes/validation'
import type { Observation } from './observation'
import type { Period } from './period'

/** One month of one indicator: the fields of an Observation the derivations read. */
export interface MonthValue {
  readonly period: Period
  readonly number: string | null
  readonly text: string | null
  readonly numerator: string | null
  readonly denominator: string | null
}

/** The months of one indicator, oldest first, at most one per month. Months after `asOf` are ignored. */
export type Series = readonly MonthValue[]

export interface StructureHistory {
  /** FINESS category 500: the EHPAD DMP status applies (seed 001). */
  readonly isEhpad: boolean
  /** Indicator code → its months. Indicators no derivation reads are ignored; absent ones count as such. */
  readonly series: ReadonlyMap<string, Series>
  /**
   * HOPEN 2: whether the SUN-ES domain equivalent to an objective was reached, by objective id (`P1.O2`),
   * when the caller knows it. Unknown: the "otherwise" target applies, and the explanation says so.
   */
  readonly sunEsReached?: Readonly<Record<string, boolean>>
}

/** Groups one structure's observations (any order) into a history; for callers that hold Observations. */
export function historyOf(
  observations: readonly Observation[],
  isEhpad: boolean,
  sunEsReached?: Readonly<Record<string, boolean>>,
): StructureHistory {
  const series = new Map<string, Observation[]>()
  for (const o of observations) {
    const list = series.get(o.indicator)
    if (list) list.push(o)
    else series.set(o.indicator, [o])
  }
  for (const list of series.values())
    list.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
  return sunEsReached ? { isEhpad, series, sunEsReached } : { isEhpad, series }
}

/** The value of `period`, scanning back from the most recent month (usually the one asked for). */
export function valueAt(series: Series | undefined, period: Period): MonthValue | null {
  if (series === undefined) return null
  for (let i = series.length - 1; i >= 0; i--) {
    const value = series[i] as MonthValue
    if (value.period === period) return value
    if (value.period < period) return null
  }
  return null
}

/** The most recent value at or before `period`. */
export function latestAt(series: Series | undefined, period: Period): MonthValue | null {
  if (series === undefined) return null
  for (let i = series.length - 1; i >= 0; i--) {
    const value = series[i] as MonthValue
    if (value.period <= period) return value
  }
  return null
}

/** Whether the series has a month at or before `period`. */
export function hasAny(series: Series | undefined, period: Period): boolean {
  return series !== undefined && series.length > 0 && (series[0] as MonthValue).period <= period
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/

/**
 * A count as the rules take it: a whole number ≥ 0 (up to 15 digits, exact in a double); null when the
 * text is not one, so the month counts as not known. Digit by digit: it runs on every month of every series.
 */
export function countOf(text: string | null): number | null {
  if (text === null || text.length === 0 || text.length > 15) return null
  let value = 0
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return null
    value = value * 10 + digit
  }
  return value
}

/** Exact decimal text, as observations store numbers. */
export function isDecimal(text: string | null): text is string {
  return text !== null && DECIMAL.test(text)
}

/**
 * A measured rate as the engine takes it: the numerator and the denominator when both are counts that make
 * a rate of at most 100 % (compared exactly), else the percentage; null when neither reads.
 */
export function rateOf(value: MonthValue | null): RateInput | null {
  if (value === null) return null
  const numerator = countOf(value.numerator)
  const denominator = countOf(value.denominator)
  if (numerator !== null && denominator !== null && denominator > 0 && numerator <= denominator) {
    return { numerator, denominator }
  }
  if (!isDecimal(value.number)) return null
  const percent = Number(value.number)
  return percent >= 0 && percent <= 100 ? percent : null
}

/**
 * The engine's monthly observations of one count: every readable month up to `asOf`. A month whose value
 * does not read is left out, so the engine reports it missing instead of counting it as zero.
 */
export function monthlyCounts<T>(
  series: Series | undefined,
  asOf: Period,
  make: (period: Period, count: number) => T,
): T[] {
  const out: T[] = []
  if (series === undefined) return out
  for (const value of series) {
    if (value.period > asOf) break
    const count = countOf(value.number)
    if (count !== null) out.push(make(value.period, count))
  }
  return out
}
