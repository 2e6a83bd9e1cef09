// The shape of a derived value and the options of a derivation, shared by the derive-* files.
import type { DeploymentThresholds } from '../programmes/data/deployment-thresholds'
import type { DmpFeedingInput, EhpadDmpInput, InsStartedInput } from '../programmes/schemas'

/** One derived value, with the fields of an Observation so that it is stored and shown like one. */
export interface DerivedResult {
  readonly indicator: string
  /** Counts and rates as exact decimal text (a rate rounded to 2 decimals, its fraction kept below). */
  readonly number: string | null
  /** Status code, or "oui" / "non"; null when undetermined (the explanation says why). */
  readonly text: string | null
  readonly numerator: string | null
  readonly denominator: string | null
  /** How it was obtained, in French: inputs, threshold, window, approximations, missing months. */
  readonly explanation: string
}

export interface DeriveOptions {
  /** Deployment thresholds over the seeds' defaults (RULES §4); one object for a whole batch. */
  readonly thresholds?: Partial<DeploymentThresholds>
  /**
   * SUN-ES: apply the "récupération INS" target. No source measures it (no published numerator), so a
   * derivation from observations leaves it off by default and says so; true makes every domain wait for it.
   */
  readonly sunEsInsRecoveryGate?: boolean
  /** False: values only, every explanation empty (a batch that explains on demand). Default true. */
  readonly explain?: boolean
}

/** The options read once per options object, in the shapes the evaluators take. */
export interface DeriveConfig {
  readonly ins: InsStartedInput['thresholds']
  readonly dmp: DmpFeedingInput['thresholds']
  readonly ehpad: EhpadDmpInput['thresholds']
  readonly insRecoveryGate: boolean
  readonly explain: boolean
}

export function derived(
  indicator: string,
  number: string | null,
  text: string | null,
  explanation: string,
  numerator: string | null = null,
  denominator: string | null = null,
): DerivedResult {
  return { indicator, number, text, numerator, denominator, explanation }
}

export const yesNoText = (value: boolean | null): string | null =>
  value === null ? null : value ? 'oui' : 'non'

const DEFAULT_CONFIG: DeriveConfig = configOf({})
const configs = new WeakMap<DeriveOptions, DeriveConfig>()

/** The config of an options object, built on first use: a batch passes the same object every time. */
export function deriveConfig(options: DeriveOptions | undefined): DeriveConfig {
  if (options === undefined) return DEFAULT_CONFIG
  let config = configs.get(options)
  if (!config) {
    config = configOf(options)
    configs.set(options, config)
  }
  return config
}

// Only the overrides given reach the evaluators: with none, they take their defaults without a copy.
function configOf(options: DeriveOptions): DeriveConfig {
  const t = options.thresholds ?? {}
  const nominal = t.insNominalMonthlyCalls ?? undefined
  const ins = t.insStarted !== undefined || nominal !== undefined
  const dmp = t.dmpFeeding !== undefined || t.dmpFeedingMonths !== undefined
  const ehpad =
    t.ehpadEquipped !== undefined || t.ehpadActive !== undefined || t.ehpadActiveMonths !== undefined
  return {
    ins: ins ? { insStarted: t.insStarted, insNominalMonthlyCalls: nominal } : undefined,
    dmp: dmp ? { dmpFeeding: t.dmpFeeding, dmpFeedingMonths: t.dmpFeedingMonths } : undefined,
    ehpad: ehpad
      ? { ehpadEquipped: t.ehpadEquipped, ehpadActive: t.ehpadActive, ehpadActiveMonths: t.ehpadActiveMonths }
      : undefined,
    insRecoveryGate: options.sunEsInsRecoveryGate ?? false,
    explain: options.explain ?? true,
  }
}
