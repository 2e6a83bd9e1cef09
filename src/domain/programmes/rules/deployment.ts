// Deployment statuses from monthly observations (RULES §4), thresholds as configuration with the seeds'
// values as defaults. `asOf` is the month of the status: the engine reads no clock.
import { DEPLOYMENT_THRESHOLDS, type DeploymentThresholds } from '../data/deployment-thresholds'
import type { Threshold } from '../data/types'
import { type Attainment } from '../mechanisms/joint'
import { type PeriodWindow, sumOverWindow, sumUpTo } from '../mechanisms/monthly-window'
import { meets } from '../mechanisms/threshold'
import type { DmpFeedingInput, EhpadDmpInput, InsStartedInput } from '../schemas'

const insiCalls = (o: { insiCalls: number }): number => o.insiCalls
const documents = (o: { documents: number }): number => o.documents
const dmpFed = (o: { dmpFed: number }): number => o.dmpFed

export interface WindowedCount extends PeriodWindow {
  readonly threshold: Threshold
  /** Reached if the known months already reach it; unknown if only missing months could make it. */
  readonly reached: Attainment
}

function windowed(window: PeriodWindow, threshold: Threshold): WindowedCount {
  const known = meets(window.sum, threshold)
  const { from, to, months, sum, missing } = window
  return {
    from,
    to,
    months,
    sum,
    missing,
    threshold,
    reached: known ? true : missing.length > 0 ? null : false,
  }
}

/** Configuration over the defaults; an override given as `undefined` keeps the default. */
function thresholdsOf(overrides: Partial<DeploymentThresholds> | undefined): DeploymentThresholds {
  if (overrides === undefined) return DEPLOYMENT_THRESHOLDS
  const given = Object.entries(overrides).filter(([, value]) => value !== undefined)
  return { ...DEPLOYMENT_THRESHOLDS, ...(Object.fromEntries(given) as Partial<DeploymentThresholds>) }
}

export interface InsStartedEvaluation {
  readonly thresholds: DeploymentThresholds
  readonly calls: number
  readonly started: boolean
  readonly lastMonthCalls: number | null
  /** Null when no nominal rhythm is configured (the seed gives none) or the last month is missing. */
  readonly nominal: boolean | null
}

export function evaluateInsStarted(input: InsStartedInput): InsStartedEvaluation {
  const thresholds = thresholdsOf(input.thresholds)
  // The observations are the whole history the caller gives.
  const calls = sumUpTo(input.observations, insiCalls, input.asOf)
  const lastMonthCalls = input.observations.find((o) => o.period === input.asOf)?.insiCalls ?? null
  const nominalAt = thresholds.insNominalMonthlyCalls
  const nominal = nominalAt === null || lastMonthCalls === null ? null : lastMonthCalls >= nominalAt
  return { thresholds, calls, started: meets(calls, thresholds.insStarted), lastMonthCalls, nominal }
}

export interface DmpFeedingEvaluation {
  readonly thresholds: DeploymentThresholds
  readonly window: WindowedCount
}

export function evaluateDmpFeeding(input: DmpFeedingInput): DmpFeedingEvaluation {
  const thresholds = thresholdsOf(input.thresholds)
  const window = sumOverWindow(input.observations, documents, input.asOf, thresholds.dmpFeedingMonths)
  return { thresholds, window: windowed(window, thresholds.dmpFeeding) }
}

export type EhpadDmpStatus = 'actif' | 'equipe' | 'convention-signee' | 'aucun'

export interface EhpadDmpEvaluation {
  readonly thresholds: DeploymentThresholds
  readonly conventionSigned: boolean | null
  readonly fedToDate: number
  readonly equipped: boolean
  readonly active: WindowedCount
  /** The highest status reached; null when missing months leave "actif" open and it is not yet reached. */
  readonly status: EhpadDmpStatus | null
}

export function evaluateEhpadDmp(input: EhpadDmpInput): EhpadDmpEvaluation {
  const thresholds = thresholdsOf(input.thresholds)
  const fedToDate = sumUpTo(input.observations, dmpFed, input.asOf)
  const equipped = meets(fedToDate, thresholds.ehpadEquipped)
  const window = sumOverWindow(input.observations, dmpFed, input.asOf, thresholds.ehpadActiveMonths)
  const active = windowed(window, thresholds.ehpadActive)
  const conventionSigned = input.conventionSigned ?? null
  let status: EhpadDmpStatus | null
  if (active.reached === true) status = 'actif'
  else if (active.reached === null) status = null
  else if (equipped) status = 'equipe'
  else status = conventionSigned === null ? null : conventionSigned ? 'convention-signee' : 'aucun'
  return { thresholds, conventionSigned, fedToDate, equipped, active, status }
}
