// The report's numbers and dates written the French way, for the PDF (the workbook keeps numbers as numbers
// and lets Excel format them). Built on the programmes' French formatting (domain/programmes/format-fr.ts,
// hand-written so every Node build writes the same) so that the report reads like the engine's explanations;
// exact decimal text is read as such, never through binary floating point.
import { eurosExact, num, percent } from '../programmes/format-fr'
import { cmp, exact, sub } from '../programmes/exact'
import { periodLabel } from '../observations/period'

/** What an empty cell shows. */
export const NOT_GIVEN = '—'

/** "12 345", "1 234,5"; `null` as the "not given" mark. */
export function frenchNumber(value: number | string | null): string {
  return value === null ? NOT_GIVEN : num(exact(value))
}

/** "1 établissement", "12 345 établissements". */
export function frenchCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${frenchNumber(count)} ${count > 1 ? plural : singular}`
}

/** A share 0–100 as "12,34 %". */
export function frenchShare(share: number | null): string {
  return share === null ? NOT_GIVEN : percent(share)
}

/** Exact euros as "1 234 567,89 €". */
export function frenchEuros(amount: string | null): string {
  return amount === null ? NOT_GIVEN : eurosExact(exact(amount))
}

/** A signed change: "+3", "−1,5" (the minus sign, as the engine writes it), "=". */
function change(now: number, before: number, unit: (size: number) => string): string {
  const difference = sub(exact(now), exact(before))
  const sign = cmp(difference, exact(0))
  if (sign === 0) return '='
  return `${sign > 0 ? '+' : ''}${num(difference)}${unit(Math.abs(now - before))}`
}

/** The change of a share in percentage points: "+1,5 pts", "−0,2 pt", "=". */
export function frenchPointChange(now: number, before: number | null): string {
  return before === null ? NOT_GIVEN : change(now, before, (size) => (size >= 2 ? ' pts' : ' pt'))
}

/** The change of a count: "+3", "−1", "=". */
export function frenchCountChange(now: number, before: number | null): string {
  return before === null ? NOT_GIVEN : change(now, before, () => '')
}

/** "septembre 2022"; `null` as the "not given" mark. */
export function frenchMonth(period: string | null): string {
  return period === null ? NOT_GIVEN : periodLabel(period)
}

/** An ISO date `2026-12-02` as "2 décembre 2026" (read as written, no time zone). */
export function frenchDate(isoDate: string): string {
  const day = Number(isoDate.slice(8, 10))
  return `${day === 1 ? '1er' : day} ${periodLabel(isoDate.slice(0, 7))}`
}
