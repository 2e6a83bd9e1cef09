// The funding forecast of one structure at a month, from what Jalon holds for it: its activité combinée,
// the SONS ceilings of its Ségur software, SUN-ES and HOPEN 2 from the rates it reported. Each forecast is
// the engine's result with its explanation; an input Jalon does not hold is named, never guessed.
import type { ActivityBasis, FundingForecast } from '../contract/structure-history'
import type { StructureHistory } from '../observations/derive-history'
import type { Period } from '../observations/period'
import { activityOf } from './activity'
import { hopen2Forecasts } from './hopen2'
import { hasSegurOrders, sonsForecasts } from './sons'
import { sunEsForecast } from './sun-es'

export interface StructureForecast {
  activity: ActivityBasis | null
  forecasts: FundingForecast[]
}

export function fundingForecast(history: StructureHistory, asOf: Period): StructureForecast {
  const activity = activityOf(history, asOf)
  const value = activity?.value ?? null
  const forecasts: FundingForecast[] = []
  if (activity !== null || hasSegurOrders(history, asOf))
    forecasts.push(...sonsForecasts(history, asOf, value))
  const sunEs = sunEsForecast(history, asOf, value)
  if (sunEs) forecasts.push(sunEs)
  forecasts.push(...hopen2Forecasts(history, asOf))
  return { activity: activity?.basis ?? null, forecasts }
}
