// Dates of programme windows. Dates are ISO `YYYY-MM-DD` strings given by the caller: no clock here.
import type { DateRange } from '../data/types'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** Calendar-day arithmetic in UTC, so that no time zone or daylight saving shifts a date. */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000
  return new Date(time).toISOString().slice(0, 10)
}

/** Both bounds inclusive, as the seeds write them ("du 1er au 30 juin"). */
export function isWithin(date: string, range: DateRange): boolean {
  return date >= range.from && date <= range.to
}

export function findByDate<T>(items: readonly T[], date: string, range: (item: T) => DateRange): T | null {
  return items.find((item) => isWithin(date, range(item))) ?? null
}
