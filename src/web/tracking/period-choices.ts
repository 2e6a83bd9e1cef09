// The follow-up points the period selector offers, newest first: every month from the tracker's first to
// the latest with data, each said to have data of its own or not, and the point shown wherever it lies.
import type { GridPeriods } from '../../domain/contract/grid-periods'
import { FIRST_FOLLOW_UP } from '../../domain/contract/grid-periods'
import { periodRange } from '../../domain/observations/period'

export interface PeriodChoice {
  period: string
  /** Null while the months with data are not known. */
  hasData: boolean | null
}

/** `periods` undefined (not loaded, or failed): every month up to `now`, none marked. */
export function periodChoices(periods: GridPeriods | undefined, shown: string, now: string): PeriodChoice[] {
  const first = periods?.first ?? FIRST_FOLLOW_UP
  const last = periods ? (periods.latest ?? shown) : now
  const withData = new Set(periods?.withData ?? [])
  const months = new Set(periodRange(first, last < first ? first : last))
  months.add(shown)
  return [...months]
    .sort()
    .reverse()
    .map((period) => ({ period, hasData: periods ? withData.has(period) : null }))
}
