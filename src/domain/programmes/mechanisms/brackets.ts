// Category lookup on a scale of brackets (RULES §5 boundary convention), shared by every barème by tranche.
import type { Bracket, BracketScale } from '../data/types'
import { type Exact, ONE, cmp, div, exact, sub } from '../exact'

export interface Position {
  readonly bracket: Bracket
  readonly index: number
  /** How far the value is from the bracket's lower bound to its upper bound: 0 at `from`, 1 at `to`. */
  readonly fraction: Exact
  /** The value was above the last bound and was capped to it (`above: 'cap'`). */
  readonly capped: boolean
  /** `fraction` as two safe integers, for arithmetic without BigInt; NaN when they would not be exact. */
  readonly num: number
  readonly den: number
}

function position(bracket: Bracket, index: number, fraction: Exact, capped: boolean): Position {
  const num = Number(fraction.n)
  const den = Number(fraction.d)
  const safe = Number.isSafeInteger(num) && Number.isSafeInteger(den)
  return { bracket, index, fraction, capped, num: safe ? num : NaN, den: safe ? den : NaN }
}

interface CompiledBracket {
  readonly bracket: Bracket
  readonly from: Exact
  readonly to: Exact
  readonly width: Exact
}

// Data files hold plain numbers; their exact form is built once per scale, not once per evaluation.
const compiledScales = new WeakMap<BracketScale, readonly CompiledBracket[]>()

function compile(scale: BracketScale): readonly CompiledBracket[] {
  let compiled = compiledScales.get(scale)
  if (!compiled) {
    compiled = scale.brackets.map((bracket) => ({
      bracket,
      from: exact(bracket.from),
      to: exact(bracket.to),
      width: exact(bracket.to - bracket.from),
    }))
    compiledScales.set(scale, compiled)
  }
  return compiled
}

/**
 * The bracket holding `value`: lower bound inclusive, upper bound exclusive, the last bracket including its
 * upper bound. Null below the first bound, or above the last when the scale says `reject`.
 */
export function locate(scale: BracketScale, value: Exact | number, exactValue?: Exact): Position | null {
  const brackets = compile(scale)
  const first = brackets[0]
  const last = brackets[brackets.length - 1]
  if (!first || !last || compareTo(value, first.bracket.from, first.from) < 0) return null
  for (let index = 0; index < brackets.length; index++) {
    const b = brackets[index] as CompiledBracket
    const order = compareTo(value, b.bracket.to, b.to)
    if (order < 0 || (order === 0 && index === brackets.length - 1)) {
      const x = exactValue ?? (typeof value === 'number' ? exact(value) : value)
      // Whole bounds (the seeds'): (x − from) / width over one denominator, without intermediate fractions.
      const fraction =
        b.from.d === 1n && b.width.d === 1n
          ? { n: x.n - b.from.n * x.d, d: x.d * b.width.n }
          : div(sub(x, b.from), b.width)
      return position(b.bracket, index, fraction, false)
    }
  }
  if (scale.above === 'reject') return null
  return position(last.bracket, brackets.length - 1, ONE, true)
}

/** A number is compared as a number: exact, since the bounds are numbers too (see threshold.ts). */
function compareTo(value: Exact | number, bound: number, exactBound: Exact): number {
  return typeof value === 'number' ? value - bound : cmp(value, exactBound)
}
