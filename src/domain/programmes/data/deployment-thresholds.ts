// Thresholds of the deployment statuses, with the seed's value as default. RULES §4, seeds 000 and 001.
import type { Reference, Threshold } from './types'
import { SEED_ESMS, SEED_SUN_ES_WINDOW_1 } from './seeds'

export interface DeploymentThresholds {
  /** INSi calls to date above which a site "has started INS". */
  readonly insStarted: Threshold
  /** Monthly INSi calls of a "nominal rhythm": the seed names it without a number, so no default. */
  readonly insNominalMonthlyCalls: number | null
  /** Documents sent to the DMP over the window below. */
  readonly dmpFeeding: Threshold
  /**
   * The seed's window is 12 weeks; observations are monthly, so the window is counted in months (3 by
   * default, the months that best cover 12 weeks). Configurable.
   */
  readonly dmpFeedingMonths: number
  /** DMP fed by an EHPAD, ever, to count as équipé. */
  readonly ehpadEquipped: Threshold
  /** DMP fed over the last `ehpadActiveMonths` months to count as actif ("plus de 35" also appears). */
  readonly ehpadActive: Threshold
  readonly ehpadActiveMonths: number
}

export const DEPLOYMENT_THRESHOLDS: DeploymentThresholds = {
  insStarted: { value: 100, comparison: 'gt' },
  insNominalMonthlyCalls: null,
  dmpFeeding: { value: 10, comparison: 'gte' },
  dmpFeedingMonths: 3,
  ehpadEquipped: { value: 1, comparison: 'gte' },
  ehpadActive: { value: 35, comparison: 'gte' },
  ehpadActiveMonths: 12,
}

export const DEPLOYMENT_REFERENCES: Readonly<Record<'ins' | 'dmp' | 'ehpad', Reference>> = {
  ins: { rules: 'RULES.md §4', seed: SEED_SUN_ES_WINDOW_1 },
  dmp: { rules: 'RULES.md §4', seed: SEED_SUN_ES_WINDOW_1 },
  ehpad: { rules: 'RULES.md §4', seed: SEED_ESMS },
}
