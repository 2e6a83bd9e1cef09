// Sums of monthly observations over the last N months (RULES §4). A month without an observation is
// reported missing, never counted as zero.

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/

export function isPeriod(value: string): boolean {
  return PERIOD.test(value)
}

const DIGITS = [0, 1, 2, 3, 5, 6]

/** Months since year 0, read digit by digit (it runs on every evaluation); refuses anything not `YYYY-MM`. */
function monthIndex(period: string): number {
  let year = 0
  let valid = period.length === 7 && period.charCodeAt(4) === 45
  for (const i of DIGITS) {
    const digit = period.charCodeAt(i) - 48
    if (!(digit >= 0 && digit <= 9)) valid = false
    if (i < 4) year = year * 10 + digit
  }
  const month = (period.charCodeAt(5) - 48) * 10 + period.charCodeAt(6) - 48
  if (!valid || month < 1 || month > 12) throw new RangeError(`Not a period: ${period}`)
  return year * 12 + month - 1
}

function periodOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The `count` months ending with `asOf` (included), oldest first. */
export function lastPeriods(asOf: string, count: number): string[] {
  const last = monthIndex(asOf)
  const periods: string[] = []
  for (let index = last - count + 1; index <= last; index++) periods.push(periodOf(index))
  return periods
}

export interface PeriodWindow {
  /** First month of the window, `YYYY-MM`. */
  readonly from: string
  readonly to: string
  readonly months: number
  readonly sum: number
  /** Months of the window without an observation, oldest first. */
  readonly missing: readonly string[]
}

/**
 * Sums `value(o)` over the observations of the `months` months ending with `asOf`. Periods are unique (the
 * input schema refuses duplicates) and `YYYY-MM` strings sort as months do, so one pass with string bounds
 * does. `value` is a getter rather than a key so that each caller's property read stays monomorphic.
 */
export function sumOverWindow<T extends { readonly period: string }>(
  observations: readonly T[],
  value: (observation: T) => number,
  asOf: string,
  months: number,
): PeriodWindow {
  const from = periodOf(monthIndex(asOf) - months + 1)
  let sum = 0
  let seen = 0
  for (const o of observations) {
    if (o.period >= from && o.period <= asOf) {
      sum += value(o)
      seen++
    }
  }
  let missing: string[] = []
  if (seen < months) {
    const present = new Set(observations.map((o) => o.period))
    missing = lastPeriods(asOf, months).filter((p) => !present.has(p))
  }
  return { from, to: asOf, months, sum, missing }
}

/** Sums `value(o)` over every observation up to `asOf` included. */
export function sumUpTo<T extends { readonly period: string }>(
  observations: readonly T[],
  value: (observation: T) => number,
  asOf: string,
): number {
  let sum = 0
  for (const o of observations) if (o.period <= asOf) sum += value(o)
  return sum
}
