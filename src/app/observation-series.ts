// A site's observations turned into the rules engine's series: one series per indicator, oldest first, and,
// for the funding forecast, one value per indicator and month taken from the nearest reporting level.
import type { MonthValue } from '../domain/observations/derive'
import type { Period } from '../domain/observations/period'
import type { ShownObservation } from '../store/observation-queries'

/** For the forecast, one value per indicator and month: the site's, then its FINESS PMSI's, then its EJ's. */
const FORECAST_LEVELS: Readonly<Record<string, number>> = { EG: 0, PMSI: 1, EJ: 2 }

/** Rows (oldest first) grouped into series by indicator. */
export function seriesOf(rows: readonly ShownObservation[]): Map<string, MonthValue[]> {
  const series = new Map<string, MonthValue[]>()
  for (const row of rows) {
    const value: MonthValue = { ...row, period: row.period as Period }
    const list = series.get(row.indicator)
    if (list) list.push(value)
    else series.set(row.indicator, [value])
  }
  return series
}

/** One row per indicator and month, from the nearest level reporting it (the forecast's input). */
export function merged(rows: readonly ShownObservation[]): ShownObservation[] {
  const kept = new Map<string, ShownObservation>()
  for (const row of rows) {
    const key = `${row.indicator}|${row.period}`
    const held = kept.get(key)
    if (!held || (FORECAST_LEVELS[row.level] ?? 9) < (FORECAST_LEVELS[held.level] ?? 9)) kept.set(key, row)
  }
  return [...kept.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
}
