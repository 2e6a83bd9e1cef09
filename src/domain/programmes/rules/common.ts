// Helpers shared by the programme rules: activity on a scale, measured rates, missing inputs.
import type { BracketScale } from '../data/types'
import { type Cents, type Exact, exact } from '../exact'
import { type Position, locate } from '../mechanisms/brackets'
import { fractionReaches, percentOf } from '../mechanisms/threshold'
import type { MissingInput } from '../types'
import { inputError, type RateInput } from '../validation'

export interface LocatedActivity {
  readonly value: Exact
  readonly position: Position
}

// An establishment is priced on several barèmes of one scale in a row (SONS DPI, RI, PFI, the 3 functions,
// SUN-ES): the last location is remembered. The result is immutable and depends only on the arguments, so
// this changes nothing but the time.
let last: { activity: number; scale: BracketScale; located: LocatedActivity } | null = null

/** The activité combinée and its bracket; a value the scale refuses is an input error naming the field. */
export function locateActivity(activity: number, scale: BracketScale, field = 'activity'): LocatedActivity {
  if (last !== null && last.activity === activity && last.scale === scale) return last.located
  if (!Number.isFinite(activity))
    throw inputError(field, scaleRange(scale), `valeur ${String(activity)} refusée`)
  const value = exact(activity)
  const position = locate(scale, activity, value)
  if (!position) throw inputError(field, scaleRange(scale), `valeur ${activity} hors barème`)
  const located = { value, position }
  last = { activity, scale, located }
  return located
}

/** Spelled out only when an error needs it. */
function scaleRange(scale: BracketScale): string {
  const last = scale.brackets[scale.brackets.length - 1]
  return `une activité combinée de 0 à ${last?.to ?? '∞'}${scale.above === 'cap' ? ' (au-delà, plafonnée)' : ''}`
}

/** A measured rate as given: a percentage, or a numerator and a denominator kept as such (DESIGN.md). */
export type MeasuredRate = RateInput

/**
 * The rate of `input` checked (for callers that skipped the schema), or null when absent. The field name
 * is `prefix` + `key`, built only for an error: evaluation runs at 100 000 establishments a second.
 */
export function measuredRate(
  input: RateInput | undefined,
  prefix: string,
  key: string | number,
): MeasuredRate | null {
  if (input === undefined) return null
  if (typeof input === 'number') {
    if (!(input >= 0 && input <= 100)) {
      throw inputError(`${prefix}${key}`, 'un pourcentage de 0 à 100', `valeur ${input} refusée`)
    }
  } else if (!(input.denominator > 0)) {
    throw inputError(
      `${prefix}${key}.denominator`,
      'un entier strictement positif',
      `valeur ${input.denominator} refusée`,
    )
  } else if (!(input.numerator >= 0 && input.numerator <= input.denominator)) {
    const allowed = 'un entier de 0 au dénominateur (taux de 100 % au plus)'
    throw inputError(`${prefix}${key}.numerator`, allowed, `valeur ${input.numerator} refusée`)
  }
  return input
}

/** The rate reaches its target when it is at least the target (the seeds' "cible" is a floor). */
export function rateReaches(rate: MeasuredRate, target: number): boolean {
  return typeof rate === 'number' ? rate >= target : fractionReaches(rate.numerator, rate.denominator, target)
}

/** The rate as an exact percentage, for display. */
export function rateValue(rate: MeasuredRate): Exact {
  return typeof rate === 'number' ? exact(rate) : percentOf(exact(rate.numerator), exact(rate.denominator))
}

/** No missing input: one shared empty list. */
export const NONE: readonly MissingInput[] = Object.freeze([])

/** Appends to a list created on first use only: most evaluations of a batch miss nothing. */
export function withMissing(list: MissingInput[] | null, field: string, label: string): MissingInput[] {
  const result = list ?? []
  result.push({ field, label })
  return result
}

export function missing(field: string, label: string): MissingInput {
  return { field, label }
}

/** Paid amounts are rounded one by one; a total is the sum of what is paid. Null if any part is unknown. */
export function sum(parts: readonly (Cents | null)[]): Cents | null {
  let total = 0
  for (const part of parts) {
    if (part === null) return null
    total += part
  }
  return total
}
