// Degressivity (RULES §7: forfait × percentage of the window) and payment splits (RULES §6, §8: 30 % / 70 %).
import { type Cents, type Exact, constant, fromCents, toCents } from '../exact'

export function applyPercentage(amount: Exact, percent: number): Exact {
  const p = constant(percent)
  return { n: amount.n * p.n, d: amount.d * p.d * 100n }
}

/**
 * Splits a paid amount into an advance of `advancePercent` (rounded to the cent, half up) and the balance,
 * computed as the rest so that the two payments always add up to the amount to the cent.
 */
export function splitPayment(total: Cents, advancePercent: number): { advance: Cents; balance: Cents } {
  const advance = advancePart(total, advancePercent)
  return { advance, balance: total - advance }
}

/** The advance of `splitPayment` alone (the balance is `total − advance`), without an object per call. */
export function advancePart(total: Cents, advancePercent: number): Cents {
  const scaled = total * advancePercent
  // A whole percentage of a safe, non-negative amount is a safe integer: plain arithmetic is exact.
  if (total >= 0 && Number.isSafeInteger(scaled)) return divideHalfUp(scaled, 100)
  return toCents(applyPercentage(fromCents(total), advancePercent))
}

/** n / d rounded half up, for safe integers n ≥ 0 and d > 0; the quotient is corrected, not trusted. */
export function divideHalfUp(n: number, d: number): number {
  let q = Math.floor(n / d)
  let r = n - q * d
  if (r < 0) {
    q -= 1
    r += d
  } else if (r >= d) {
    q += 1
    r -= d
  }
  return 2 * r >= d ? q + 1 : q
}
