// Barème "par tranche selon un modèle affine par morceaux" (RULES §6, §7): inside a bracket the amount rises
// linearly from its min (at the lower bound) to its max (at the upper bound).
import type { AffineRange } from '../data/types'
import { type Cents, type Exact, add, exact, mul, toCents } from '../exact'
import { applyPercentage, divideHalfUp } from './degressivity'
import type { Position } from './brackets'

interface Compiled {
  readonly min: Exact
  readonly span: Exact
  readonly whole: boolean
}

const compiled = new WeakMap<AffineRange, Compiled>()

function compile(range: AffineRange): Compiled {
  let c = compiled.get(range)
  if (!c) {
    const min = exact(range.min)
    const span = exact(range.max - range.min)
    c = { min, span, whole: min.d === 1n && span.d === 1n }
    compiled.set(range, c)
  }
  return c
}

/** min + (max − min) × fraction, exactly. */
export function affineAmount(range: AffineRange, position: Position): Exact {
  const c = compile(range)
  const { n, d } = position.fraction
  // The seeds' amounts are whole euros: one common denominator, two products.
  if (c.whole) return { n: c.min.n * d + c.span.n * n, d }
  return add(c.min, mul(c.span, position.fraction))
}

/**
 * `affineAmount × percent %` rounded once to the cent, half up: in cents that is
 * (min × den + span × num) × percent / den. With the seeds' whole euros and percentages every term is a safe
 * integer, so plain arithmetic is exact (and allocates nothing); otherwise the exact fraction decides.
 */
export function affineCents(range: AffineRange, position: Position, percent = 100): Cents {
  const { num, den } = position
  const whole =
    Number.isSafeInteger(range.min) && Number.isSafeInteger(range.max) && Number.isInteger(percent)
  if (whole && den > 0) {
    const top = range.min * den + (range.max - range.min) * num
    const scaled = top * percent
    if (Number.isSafeInteger(top) && Number.isSafeInteger(scaled) && scaled >= 0)
      return divideHalfUp(scaled, den)
  }
  return toCents(applyPercentage(affineAmount(range, position), percent))
}
