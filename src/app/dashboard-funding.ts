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
import type { FundingForecast } from '../domain/contract/structure-history'
import { activityOf } from '../domain/forecast/activity'
import type { ForecastDetail } from '../domain/forecast/common'
import { hopen2Forecasts } from '../domain/forecast/hopen2'
import { sunEsForecast } from '../domain/forecast/sun-es'
import {
  ACTIVITY_TERMS,
  PROGRAMME_INDICATORS,
  programmeIndicatorCode,
} from '../domain/observations/indicators'
import type { StructureHistory } from '../domain/observations/derive-history'
import type { Period } from '../domain/observations/period'
import { SUN_ES_VOLET1 } from '../domain/programmes/data/registry'
import type { Store } from '../store/database'
import {
  forecastInputs,
  forecastUnitLabels,
  type ForecastMonths,
  type ForecastUnit,
} from '../store/forecast-inputs'
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

/** A forecast to sum and rank, its amount read once. */
interface Priced {
  unit: ForecastUnit
  forecast: FundingForecast
  amount: Decimal | null
}

/** Highest amount first; unpriced forecasts after, each group by FINESS. */
function byAmount(a: Priced, b: Priced): number {
  if (a.amount !== null && b.amount !== null) {
    const diff = b.amount.cmp(a.amount)
    if (diff !== 0) return diff
  } else if (a.amount !== b.amount) return a.amount === null ? 1 : -1
  const [x, y] = [a.unit.finess, b.unit.finess]
  return x < y ? -1 : x > y ? 1 : a.forecast.id < b.forecast.id ? -1 : 1
}

/** A unit's forecasts, priced only or with the engine's summary and explanation. */
function forecastsOf(history: StructureHistory, asOf: Period, detail: ForecastDetail): FundingForecast[] {
  const activity = activityOf(history, asOf)?.value ?? null
  const sunEs = sunEsForecast(history, asOf, activity, detail)
  return [...(sunEs ? [sunEs] : []), ...hopen2Forecasts(history, asOf, detail)]
}

export async function fundingForecasts(
  store: Store,
  filters: SiteFilters,
  period: string,
): Promise<ProgrammeViews['funding']['forecast']> {
  const asOf = period as Period
  const inputs = await forecastInputs(store.db, filters, forecastMonths(period), RATES, INPUTS)
  const histories = new Map<string, StructureHistory>()
  // Every forecast is priced for the totals; only those shown are presented and explained (below).
  const all: Priced[] = []
  for (const unit of inputs.units) {
    const key = `${unit.level}|${unit.finess}`
    const history = { isEhpad: false, series: seriesOf(merged(inputs.rows.get(key) ?? [])) }
    histories.set(key, history)
    for (const forecast of forecastsOf(history, asOf, 'priced'))
      all.push({ unit, forecast, amount: forecast.amount === null ? null : new Decimal(forecast.amount) })
  }
  const totals = PROGRAMMES.map(({ programme, label }) => {
    const mine = all.filter(({ forecast }) => programmeOfForecast(forecast.id) === programme)
    const priced = mine.filter(({ amount }) => amount !== null)
    return {
      programme,
      label,
      structures: new Set(mine.map(({ unit }) => `${unit.level}|${unit.finess}`)).size,
      amount: priced.reduce((sum, { amount }) => sum.plus(amount as Decimal), new Decimal(0)).toFixed(2),
      undetermined: mine.length - priced.length,
    }
  })
  const shown = all.sort(byAmount).slice(0, FORECAST_ROWS)
  const labels = new Map(
    (
      await forecastUnitLabels(
        store.db,
        shown.map(({ unit }) => unit),
      )
    ).map((l) => [`${l.level}|${l.finess}`, l]),
  )
  const rows: SiteForecast[] = shown.map(({ unit, forecast }) => {
    const key = `${unit.level}|${unit.finess}`
    const full = forecastsOf(histories.get(key) as StructureHistory, asOf, 'full').find(
      (f) => f.id === forecast.id,
    ) as FundingForecast
    const label = labels.get(key)
    return {
      level: unit.level,
      finess: unit.finess,
      site: label?.site ?? null,
      name: label?.name ?? null,
      departement: label?.departement ?? null,
      id: forecast.id,
      label: forecast.label,
      amount: forecast.amount,
      amountLabel: forecast.amountLabel,
      summary: full.summary,
      missing: full.missing.map((m) => m.label),
      explanation: full.explanation,
    }
  })
  return { totals, rows, count: all.length }
}
