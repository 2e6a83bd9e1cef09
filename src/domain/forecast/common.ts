// What every funding forecast shares: the engine's result turned into the page's shape, with the engine's
// own French explanation, and the months of a structure's series read as the engine's inputs.
import type { FundingForecast } from '../contract/structure-history'
import { latestAt, type MonthValue, type StructureHistory } from '../observations/derive-history'
import { type Period, periodLabel } from '../observations/period'
import { formatExplanation } from '../programmes/explain'
import type { Cents } from '../programmes/exact'
import { money } from '../programmes/present/common'
import type { MoneyString, ResultBase, SimulationKind } from '../programmes/types'

export interface ForecastHeading {
  id: string
  label: string
  amountLabel: string
}

export function forecastOf(
  heading: ForecastHeading,
  result: ResultBase<SimulationKind> & { amount: MoneyString | null; earnedAmount?: MoneyString | null },
  basis: string[],
): FundingForecast {
  return {
    ...heading,
    amount: result.amount,
    earnedAmount: result.earnedAmount ?? null,
    summary: result.summary,
    missing: result.missing.map((m) => ({ field: m.field, label: m.label })),
    basis,
    explanation: formatExplanation(result),
  }
}

/**
 * How far a forecast goes: `full`, the page's forecast with the engine's summary and explanation; `priced`,
 * the amount only (a national dashboard sums 26 000 forecasts and shows 100: writing every explanation
 * took most of its time).
 */
export type ForecastDetail = 'full' | 'priced'

/** A forecast reduced to its amount (`priced`). */
export function pricedForecast(heading: ForecastHeading, amountCents: Cents | null): FundingForecast {
  return {
    ...heading,
    amount: money(amountCents),
    earnedAmount: null,
    summary: '',
    missing: [],
    basis: [],
    explanation: '',
  }
}

/** The latest value of an indicator at or before `asOf`, with the words that say where it comes from. */
export function latestOf(
  history: StructureHistory,
  indicator: string,
  asOf: Period,
): { value: MonthValue; month: string } | null {
  const value = latestAt(history.series.get(indicator), asOf)
  return value ? { value, month: periodLabel(value.period) } : null
}
