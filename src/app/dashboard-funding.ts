// The dashboard's funding forecast: for every structure in view that reported a SUN-ES or HOPEN 2 rate (a
// FINESS PMSI, the level the programmes pay), the rules engine's forecasts as the establishment page
// computes them (same engine, same explanation), from the values the grid shows at the follow-up point
// (each source's latest month; for SUN-ES, the latest results inside each measurement window), summed per
// programme in exact decimals. An amount the engine cannot price is counted as undetermined, never guessed.
import Decimal from 'decimal.js'
import {
  FORECAST_ROWS,
  type ProgrammeViews,
  type SiteForecast,
} from '../domain/contract/dashboard-programmes'
import { activityOf } from '../domain/forecast/activity'
import { hopen2Forecasts } from '../domain/forecast/hopen2'
import { sunEsForecast } from '../domain/forecast/sun-es'
import {
  ACTIVITY_TERMS,
  PROGRAMME_INDICATORS,
  programmeIndicatorCode,
} from '../domain/observations/indicators'
import type { Period } from '../domain/observations/period'
import { SUN_ES_VOLET1 } from '../domain/programmes/data/registry'
import type { Store } from '../store/database'
import { forecastInputs, type ForecastMonths } from '../store/forecast-inputs'
import type { SiteFilters } from '../store/sites'
import { merged, seriesOf } from './observation-series'

const RATES = PROGRAMME_INDICATORS.filter((p) => p.programme !== 'ifaq').map((p) =>
  programmeIndicatorCode(p.programme, p.code),
)
const INPUTS = [...RATES, ...ACTIVITY_TERMS.map((t) => t.code), 'activite.annee']

const PROGRAMMES = [
  { programme: 'sun-es', label: 'SUN-ES volet 1 (montant en jeu)' },
  { programme: 'hopen2', label: 'HOPEN 2 phase 1 (forfaits des objectifs)' },
] as const

/** The months read: as the grid's programmes theme, and the measurement windows started by the point. */
function forecastMonths(period: string): ForecastMonths {
  return {
    period,
    programmes: 'programmes',
    activity: 'activite',
    windows: SUN_ES_VOLET1.windows
      .map((w) => ({ from: w.measurement.from.slice(0, 7), to: w.measurement.to.slice(0, 7) }))
      .filter((w) => w.from <= period),
  }
}

const programmeOfForecast = (id: string) => (id.startsWith('hopen2') ? 'hopen2' : 'sun-es')

/** Highest amount first; unpriced forecasts after, each group by FINESS. */
function byAmount(a: SiteForecast, b: SiteForecast): number {
  if (a.amount !== null && b.amount !== null) {
    const diff = new Decimal(b.amount).cmp(a.amount)
    if (diff !== 0) return diff
  } else if (a.amount !== b.amount) return a.amount === null ? 1 : -1
  return a.finess < b.finess ? -1 : a.finess > b.finess ? 1 : a.id < b.id ? -1 : 1
}

export async function fundingForecasts(
  store: Store,
  filters: SiteFilters,
  period: string,
): Promise<ProgrammeViews['funding']['forecast']> {
  const asOf = period as Period
  const inputs = await forecastInputs(store.db, filters, forecastMonths(period), RATES, INPUTS)
  const all: SiteForecast[] = []
  for (const unit of inputs.units) {
    const rows = inputs.rows.get(`${unit.level}|${unit.finess}`) ?? []
    const history = { isEhpad: false, series: seriesOf(merged(rows)) }
    const activity = activityOf(history, asOf)?.value ?? null
    const sunEs = sunEsForecast(history, asOf, activity)
    for (const f of [...(sunEs ? [sunEs] : []), ...hopen2Forecasts(history, asOf)])
      all.push({
        level: unit.level,
        finess: unit.finess,
        site: unit.site,
        name: unit.name,
        departement: unit.departement,
        id: f.id,
        label: f.label,
        amount: f.amount,
        amountLabel: f.amountLabel,
        summary: f.summary,
        missing: f.missing.map((m) => m.label),
        explanation: f.explanation,
      })
  }
  const totals = PROGRAMMES.map(({ programme, label }) => {
    const mine = all.filter((f) => programmeOfForecast(f.id) === programme)
    const priced = mine.filter((f) => f.amount !== null)
    return {
      programme,
      label,
      structures: new Set(mine.map((f) => `${f.level}|${f.finess}`)).size,
      amount: priced.reduce((sum, f) => sum.plus(f.amount as string), new Decimal(0)).toFixed(2),
      undetermined: mine.length - priced.length,
    }
  })
  return { totals, rows: all.sort(byAmount).slice(0, FORECAST_ROWS), count: all.length }
}
