// A forecast priced only (the national dashboard's totals) has the amount, id and label of the full one
// (the establishment page's, with its explanation), for SUN-ES and every HOPEN 2 objective, whatever the
// rates reported, the activity and the month.
import { describe, expect, it } from 'vitest'
import type { MonthValue, StructureHistory } from '../observations/derive-history'
import { HOPEN_SOURCES } from '../observations/derive-programmes'
import { programmeIndicatorCode } from '../observations/indicators'
import type { Period } from '../observations/period'
import { SUN_ES_VOLET1 } from '../programmes/data/registry'
import type { FundingForecast } from '../contract/structure-history'
import { hopen2Forecasts } from './hopen2'
import { sunEsForecast } from './sun-es'

const SUN_ES_SOURCES = Object.values(SUN_ES_VOLET1.indicators)
  .map((i) => i.code)
  .filter((code): code is string => code !== null)
  .map((code) => programmeIndicatorCode('sun-es', code))
const SOURCES = [...SUN_ES_SOURCES, ...HOPEN_SOURCES.flatMap((h) => h.sources)]
const MONTHS: Period[] = ['2023-06', '2024-03', '2024-11', '2025-06', '2026-02']

/** A repeatable mix of rates: percentages, counts, some sources absent, some unreadable. */
function history(seed: number): StructureHistory {
  let state = seed
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648
  const series = new Map<string, MonthValue[]>()
  for (const source of SOURCES) {
    if (next() < 0.3) continue
    const values = MONTHS.filter(() => next() < 0.7).map((period): MonthValue => {
      const kind = next()
      if (kind < 0.45)
        return { period, number: (next() * 100).toFixed(1), text: null, numerator: null, denominator: null }
      if (kind < 0.9) {
        const denominator = 1 + Math.floor(next() * 500)
        const numerator = Math.floor(next() * denominator)
        return {
          period,
          number: null,
          text: null,
          numerator: String(numerator),
          denominator: String(denominator),
        }
      }
      return { period, number: 'n/a', text: null, numerator: null, denominator: null }
    })
    if (values.length > 0) series.set(source, values)
  }
  return { isEhpad: false, series }
}

const shape = (f: FundingForecast) => ({
  id: f.id,
  label: f.label,
  amountLabel: f.amountLabel,
  amount: f.amount,
})

describe('a forecast priced only', () => {
  it('has the full forecast’s amount, for 300 structures at five months', () => {
    let priced = 0
    for (let seed = 1; seed <= 300; seed++) {
      const h = history(seed)
      const activity = seed % 4 === 0 ? null : 1_000 + seed * 137
      for (const asOf of MONTHS) {
        const full = [sunEsForecast(h, asOf, activity), ...hopen2Forecasts(h, asOf)].filter((f) => f !== null)
        const quick = [
          sunEsForecast(h, asOf, activity, 'priced'),
          ...hopen2Forecasts(h, asOf, 'priced'),
        ].filter((f) => f !== null)
        expect(quick.map(shape), `${seed} ${asOf}`).toEqual(full.map(shape))
        priced += quick.filter((f) => f.amount !== null).length
      }
    }
    expect(priced).toBeGreaterThan(100)
  })
})
