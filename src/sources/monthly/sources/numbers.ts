// Exact arithmetic on the decimal texts that cell readers return ("1830", "47.5", "8400.25"): sums, checks
// of a file's totals and rates. Scaled BigInts rather than floats, so that a total never differs from the sum
// of its parts by a rounding error, and rather than decimal.js, so that a national file stays fast.

function fractionDigits(value: string): number {
  const point = value.indexOf('.')
  return point < 0 ? 0 : value.length - point - 1
}

/** value × 10^scale, exactly; `scale` is at least the value's number of decimals. */
function scaled(value: string, scale: number): bigint {
  const negative = value.startsWith('-')
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.')
  const digits = BigInt(`${whole}${fraction.padEnd(scale, '0')}`)
  return negative ? -digits : digits
}

function unscaled(value: bigint, scale: number): string {
  const negative = value < 0n
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0')
  const whole = digits.slice(0, digits.length - scale)
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '')
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`
}

/** The exact sum of decimal texts, written like the cell readers write a number. */
export function sumDecimals(values: readonly string[]): string {
  const scale = Math.max(0, ...values.map(fractionDigits))
  return unscaled(
    values.reduce((sum, v) => sum + scaled(v, scale), 0n),
    scale,
  )
}

/** Negative, zero or positive as a < b, a = b, a > b. */
export function compareDecimals(a: string, b: string): number {
  const scale = Math.max(fractionDigits(a), fractionDigits(b))
  const diff = scaled(a, scale) - scaled(b, scale)
  return diff < 0n ? -1 : diff > 0n ? 1 : 0
}

/** numerator / denominator in percent, exact to 4 decimals (rounded half up); 0 when nobody was seen. */
export function ratePercent(numerator: string, denominator: string): string {
  const n = BigInt(numerator)
  const d = BigInt(denominator)
  if (d === 0n) return '0'
  const percent = (n * 1_000_000n * 2n + d) / (2n * d) // percent × 10 000, half up
  return unscaled(percent, 4)
}

/**
 * Whether a rate as the file writes it agrees with its numerator and denominator: within half a unit of its
 * last written decimal, since the producer rounded it (47 stands for 46.5 to 47.5; 47.25 for 47.245 to 47.255).
 */
export function rateAgrees(rate: string, numerator: string, denominator: string): boolean {
  const den = BigInt(denominator)
  if (den === 0n) return false
  const digits = fractionDigits(rate) + 1
  // |rate − 100·n/d| ≤ 5·10^-digits, multiplied through by d·10^digits to stay in integers.
  const gap = scaled(rate, digits) * den - 100n * BigInt(numerator) * 10n ** BigInt(digits)
  return (gap < 0n ? -gap : gap) <= 5n * den
}
