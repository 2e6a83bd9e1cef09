// A worksheet cell as the text a person reads in it, so that an XLSX row looks like the same row saved as
// CSV: plain decimal numbers, percentages with their sign, ISO dates, "Oui"/"Non". Nothing is repaired here (a FINESS number stored as a
// number and stripped of its leading zero stays so); the consumers judge the text.

/** "1.5e-7" → "0.00000015", "1e+21" → "1000000000000000000000" (Intl stops at 20 fraction digits). */
function withoutExponent(text: string): string {
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (!match) return text
  const [, sign = '', first = '', rest = '', exponent = '0'] = match
  const digits = first + rest
  const point = 1 + Number(exponent)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

/**
 * "240000372", "47.5", "0.3" for 0.1 + 0.2: Excel keeps 15 significant digits, so rounding to 15 drops the
 * binary noise without losing anything the user typed. Integers are exact and left alone; exponents
 * (1e21, 1e-7) are written out in full.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const clean = Number.isInteger(value) ? value : Number(value.toPrecision(15))
  if (clean === 0) return '0'
  return withoutExponent(String(clean))
}

export interface CellContext {
  /** The cell's number format: for percentages, and for a formula whose cached result is a date serial. */
  numFmt?: string
  date1904?: boolean
}

const pad = (n: number): string => String(n).padStart(2, '0')

/**
 * ISO date; ExcelJS builds dates in UTC from the serial number, so UTC is read back. A time alone (serial
 * below 1, day 0 of 1900) reads as "HH:MM" or "HH:MM:SS" rather than as a date in 1899.
 */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return ''
  if (date.getUTCFullYear() >= 1900) return date.toISOString().slice(0, 10)
  const seconds = date.getUTCSeconds()
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${seconds ? `:${pad(seconds)}` : ''}`
}

/** A number format without its literal text ("…", \x) and its [colour], [condition] or [$locale] parts. */
const formatCodes = (format: string): string =>
  format
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')

/** As ExcelJS tells a date cell: a date format has date or time letters outside its literal text. */
export function isDateFormat(format: string | undefined): boolean {
  return format ? /[ymdhMsb]/.test(formatCodes(format)) : false
}

/**
 * A cell formatted as a percentage reads as Excel shows it and as a CSV saved by Excel writes it, "47.5%"
 * for 0.475: given as "0.475", a rate read in percent would be a hundred times too small, silently.
 */
export function isPercentFormat(format: string | undefined): boolean {
  return format ? formatCodes(format).includes('%') : false
}

function numberCellText(value: number, context: CellContext): string {
  return isPercentFormat(context.numFmt) ? `${numberText(value * 100)}%` : numberText(value)
}

function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000))
}

type Shape = Record<string, unknown>

const isShape = (value: unknown): value is Shape => typeof value === 'object' && value !== null

function richText(runs: unknown[]): string {
  return runs.map((run) => (isShape(run) && typeof run.text === 'string' ? run.text : '')).join('')
}

/**
 * A formula reads as its cached result. Without one (a workbook written by a program that does not
 * compute), or with an error result (which ExcelJS's streaming reader turns into NaN), it reads as the
 * formula itself after "=", which the consumers refuse as a formula.
 */
function formulaText(value: Shape, context: CellContext): string {
  const { result } = value
  const formula = typeof value.formula === 'string' && value.formula ? value.formula : value.sharedFormula
  const asFormula = `=${typeof formula === 'string' ? formula : ''}`
  if (result === undefined || result === null || (typeof result === 'number' && Number.isNaN(result)))
    return asFormula
  if (typeof result === 'number' && isDateFormat(context.numFmt))
    return dateText(serialDate(result, context.date1904 === true))
  return cellText(result, context)
}

/** The text of a cell value as ExcelJS gives it; '' for an empty cell. */
export function cellText(value: unknown, context: CellContext = {}): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return numberCellText(value, context)
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non'
  if (value instanceof Date) return dateText(value)
  if (!isShape(value)) return String(value)
  if ('formula' in value || 'sharedFormula' in value) return formulaText(value, context)
  if (typeof value.error === 'string') return value.error
  if (Array.isArray(value.richText)) return richText(value.richText)
  // A hyperlink cell shows its text, which may itself be rich text.
  if ('hyperlink' in value) return cellText(value.text, context)
  return ''
}
