// Exact rational arithmetic for money and rates (RULES §5–§9 amounts, docs/programmes.md "Rounding").
//
// Why not decimal.js here: a barème divides by the tranche width (e.g. 15 500), which has no finite decimal
// expansion, so decimal.js would round at its precision; and at ~0.3–1 µs per operation on this machine it
// cannot evaluate 100 000 establishments × all programmes in a second (measured: ~4 s). A fraction of two
// BigInts is exact, ~50× faster, and is rounded once, to the cent, half up, when an amount is final.
// decimal.js remains the independent oracle of the tests (exact.test.ts, rules/*.test.ts).

/** n / d with d > 0. Not reduced: the chains are short and only the final rounding reads it. */
export interface Exact {
  readonly n: bigint
  readonly d: bigint
}

export const ZERO: Exact = { n: 0n, d: 1n }
export const ONE: Exact = { n: 1n, d: 1n }
export const HUNDRED: Exact = { n: 100n, d: 1n }

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i
const POWERS = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]
const BIG_POWERS = POWERS.map(BigInt)

function pow10(digits: number): bigint {
  return BIG_POWERS[digits] ?? 10n ** BigInt(digits)
}

/**
 * The exact value of a decimal literal. A JS number is read through its shortest decimal form (`String`),
 * which is the literal the user typed: 0.1 is one tenth, not the nearest binary fraction.
 */
export function exact(value: number | string | bigint): Exact {
  if (typeof value === 'bigint') return { n: value, d: 1n }
  if (typeof value === 'number') {
    const fast = fromNumber(value)
    if (fast) return fast
  }
  const text = String(value).trim()
  const match = DECIMAL.exec(text)
  if (!match) throw new RangeError(`Not a finite decimal number: ${text}`)
  const [, sign = '', whole = '0', fraction = '', exponentText = '0'] = match
  let n = BigInt(`${sign}${whole}${fraction}`)
  let scale = fraction.length - Number(exponentText)
  if (scale < 0) {
    n *= pow10(-scale)
    scale = 0
  }
  return { n, d: pow10(scale) }
}

/**
 * Fast path for integers, rates and amounts with up to 6 decimals: `value` is the double nearest to
 * scaled / 10^k, and below 1e9 with k ≤ 6 no other k-decimal literal shares that double, so the first k
 * that fits gives the literal typed. Null: let the string path decide.
 */
function fromNumber(value: number): Exact | null {
  if (Number.isSafeInteger(value)) return { n: BigInt(value), d: 1n }
  if (!(Math.abs(value) < 1e9)) return null
  for (let k = 1; k < POWERS.length; k++) {
    const power = POWERS[k] ?? 1
    const scaled: number = value * power
    if (Number.isSafeInteger(scaled) && scaled / power === value) return { n: BigInt(scaled), d: pow10(k) }
  }
  return null
}

// Data values (targets, percentages, bounds) come back on every evaluation: read each one once.
const constants = new Map<number, Exact>()

/** `exact` for the numbers of the data files, memoised. */
export function constant(value: number): Exact {
  let found = constants.get(value)
  if (!found) {
    found = exact(value)
    constants.set(value, found)
  }
  return found
}

export function add(a: Exact, b: Exact): Exact {
  return a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d }
}

export function sub(a: Exact, b: Exact): Exact {
  return a.d === b.d ? { n: a.n - b.n, d: a.d } : { n: a.n * b.d - b.n * a.d, d: a.d * b.d }
}

export function mul(a: Exact, b: Exact): Exact {
  return { n: a.n * b.n, d: a.d * b.d }
}

export function div(a: Exact, b: Exact): Exact {
  if (b.n === 0n) throw new RangeError('Division by zero')
  return b.n > 0n ? { n: a.n * b.d, d: a.d * b.n } : { n: -a.n * b.d, d: a.d * -b.n }
}

/** -1, 0 or 1, like a comparator. */
export function cmp(a: Exact, b: Exact): -1 | 0 | 1 {
  const left = a.n * b.d
  const right = b.n * a.d
  return left < right ? -1 : left > right ? 1 : 0
}

export function isZero(a: Exact): boolean {
  return a.n === 0n
}

/** Rounds to `digits` decimals, half away from zero ("half up" on the positive amounts of the rules). */
export function roundScaled(a: Exact, digits: number): bigint {
  const scaled = a.n * pow10(digits)
  if (a.d === 1n) return scaled
  const negative = scaled < 0n
  const magnitude = negative ? -scaled : scaled
  const twice = a.d << 1n
  const rounded = ((magnitude << 1n) + a.d) / twice
  return negative ? -rounded : rounded
}

/**
 * Whole cents as a JS number: exact for every integer below 2^53, i.e. up to 90 000 billion euros, so final
 * amounts, sums and payment splits need no BigInt (and no allocation) once rounded.
 */
export type Cents = number

/** The single rounding of the engine: euros to a whole number of cents, half up. */
export function toCents(a: Exact): Cents {
  const cents = roundScaled(a, 2)
  if (cents > MAX_CENTS || cents < -MAX_CENTS) throw new RangeError(`Amount out of range: ${cents} cents`)
  return Number(cents)
}

const MAX_CENTS = BigInt(Number.MAX_SAFE_INTEGER)

/** An amount in euros as given (a number with at most two decimals, usually) to cents, rounded half up. */
export function centsOf(euros: number): Cents {
  // Fast path: `euros` is the double of a literal with at most two decimals exactly when this round-trips.
  const cents = Math.round(euros * 100)
  if (Number.isSafeInteger(cents) && cents / 100 === euros) return cents
  return toCents(exact(euros))
}

export function fromCents(cents: Cents): Exact {
  return { n: BigInt(cents), d: 100n }
}

/** `1033871` → `"10338.71"`: the JSON form of money (decimal string, euros, two decimals). */
export function formatCents(cents: Cents): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`)
  return formatScaled(BigInt(cents), 2)
}

/** A decimal string of `a` rounded half up to `digits` decimals, trailing zeros kept. */
export function toFixed(a: Exact, digits: number): string {
  return formatScaled(roundScaled(a, digits), digits)
}

/** A decimal string of `a` rounded to at most `digits` decimals, trailing zeros dropped. */
export function toPlain(a: Exact, digits = 6): string {
  const fixed = toFixed(a, digits)
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed
}

/** For display and JSON numbers (rates, activity): exact up to `digits` decimals. */
export function toNumber(a: Exact, digits = 6): number {
  return Number(toPlain(a, digits))
}

function formatScaled(value: bigint, digits: number): string {
  const negative = value < 0n
  const text = (negative ? -value : value).toString().padStart(digits + 1, '0')
  const cut = text.length - digits
  const body = digits === 0 ? text : `${text.slice(0, cut)}.${text.slice(cut)}`
  return negative ? `-${body}` : body
}
