// Threshold and target checks (RULES §4, §7–§9): rates are percentages 0–100, compared exactly.
import type { Threshold } from '../data/types'
import { type Exact, HUNDRED, cmp, constant, div, exact, mul } from '../exact'

/**
 * Two doubles compare as the decimals they print as (the shortest round-trip form is monotone and
 * one-to-one), which is how `exact` reads a number: comparing numbers directly is exact and needs no BigInt.
 */
export function meets(value: Exact | number, threshold: Threshold): boolean {
  if (typeof value === 'number') {
    return threshold.comparison === 'gt' ? value > threshold.value : value >= threshold.value
  }
  const order = cmp(value, constant(threshold.value))
  return threshold.comparison === 'gt' ? order > 0 : order >= 0
}

/** numerator / denominator as a percentage; the caller has checked denominator > 0. */
export function percentOf(numerator: Exact, denominator: Exact): Exact {
  return div(mul(numerator, HUNDRED), denominator)
}

/**
 * numerator / denominator ≥ target %, i.e. numerator × 100 ≥ target × denominator: in integers when they are
 * safe (counts and whole targets), through exact fractions otherwise.
 */
export function fractionReaches(numerator: number, denominator: number, target: number): boolean {
  const left = numerator * 100
  const right = target * denominator
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left >= right
  return cmp(percentOf(exact(numerator), exact(denominator)), constant(target)) >= 0
}
