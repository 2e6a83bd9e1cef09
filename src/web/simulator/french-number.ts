// Numbers as French users type and read them: "1 600 000", "12,5", "10 338,71 €". Amounts arrive from the
// API as decimal strings ("10338.71") and are formatted as text, never through a binary float.

/** U+202F, the thin no-break space French typography puts between groups of digits. */
const GROUP = '\u202f'
/** U+00A0 before the unit, so that "€" or "%" never starts a line. */
const UNIT = '\u00a0'

const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 })

/**
 * What the user typed, as the number it means: spaces between digit groups ignored, comma or point as
 * decimal mark, a trailing % or € allowed. Text that is not a number is returned as typed, so that the
 * engine refuses it with its own message naming the field; an empty field is `undefined`.
 */
export function parseFrenchNumber(text: string): number | string | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  const compact = trimmed
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/[%€]$/, '')
    .replace(/^[−–]/, '-')
    .replace(',', '.')
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(compact) ? Number(compact) : trimmed
}

/** The URL form of a typed number ("1 600 000" → "1600000", "12,5" → "12.5"); other text unchanged. */
export function numberToParam(text: string): string {
  const value = parseFrenchNumber(text)
  return value === undefined ? '' : String(value)
}

/** The field text for a URL value: "1600000" → "1 600 000", "12.5" → "12,5"; other text unchanged. */
export function paramToNumberText(param: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(param)) return param
  const [integer = '', fraction] = param.split('.')
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
  return fraction === undefined ? grouped : `${grouped},${fraction}`
}

/** An API amount ("10338.71", "-5.00") as "10 338,71 €". */
export function formatEuros(amount: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount)
  if (!match) return amount
  const [, sign = '', integer = '', fraction] = match
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP)
  return `${sign ? '−' : ''}${grouped}${fraction === undefined ? '' : `,${fraction}`}${UNIT}€`
}

/** A count or an activity, for reading: 15000 → "15 000". */
export function formatNumber(value: number): string {
  return NUMBER.format(value)
}

/** A rate or target 0–100: 62.5 → "62,5 %". */
export function formatPercent(value: number): string {
  return `${NUMBER.format(value)}${UNIT}%`
}
