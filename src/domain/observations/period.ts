// Calendar months, the unit of every observation (`2024-03`). Pure: the current month is always an argument.

/** A calendar month written `YYYY-MM`. */
export type Period = string

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/

export const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const

export function isPeriod(value: string): value is Period {
  const match = PERIOD_PATTERN.exec(value)
  return match !== null && Number(match[1]) >= 1990 && Number(match[1]) <= 2100
}

/** Months since year 0, to compare and count. */
function ordinal(period: Period): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1
}

function fromOrdinal(n: number): Period {
  return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`
}

export function addMonths(period: Period, months: number): Period {
  return fromOrdinal(ordinal(period) + months)
}

export function previousPeriod(period: Period): Period {
  return addMonths(period, -1)
}

/** Months from `from` to `to`: 0 when equal, negative when `to` is earlier. */
export function monthsBetween(from: Period, to: Period): number {
  return ordinal(to) - ordinal(from)
}

/** Every month from `from` to `to`, both included. */
export function periodRange(from: Period, to: Period): Period[] {
  const out: Period[] = []
  for (let n = ordinal(from); n <= ordinal(to); n++) out.push(fromOrdinal(n))
  return out
}

/** "août 2022" */
export function periodLabel(period: Period): string {
  return `${FRENCH_MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`
}

/** The first day of the month, as stored (`date` column). */
export function periodStart(period: Period): string {
  return `${period}-01`
}

/** Back from a stored date (`2024-03-01`) to its month. */
export function periodOfDate(isoDate: string): Period {
  return isoDate.slice(0, 7)
}

const MONTH_WORDS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  sept: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  decembre: 12,
  dec: 12,
}

const unaccent = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()

/**
 * Reads the month a person or a file wrote: `2024-03`, `03/2024`, `2024/03`, `mars 2024`, `Mars-2024`,
 * `202403`. Null when it is not a month.
 */
export function parsePeriod(text: string): Period | null {
  const value = unaccent(text.trim())
  let match = /^(\d{4})[-/.]?(\d{1,2})$/.exec(value)
  if (match) return checked(Number(match[1]), Number(match[2]))
  match = /^(\d{1,2})[-/.](\d{4})$/.exec(value)
  if (match) return checked(Number(match[2]), Number(match[1]))
  match = /^([a-z]+)\.?[\s\-_]*(\d{4})$/.exec(value)
  if (match) {
    const month = MONTH_WORDS[match[1] ?? '']
    return month === undefined ? null : checked(Number(match[2]), month)
  }
  return null
}

/** Finds a month written inside a longer text, e.g. a tracker's theme title "INSi - Août 2022". */
export function findPeriodIn(text: string): Period | null {
  const value = unaccent(text)
  const words =
    /(janvier|janv|fevrier|fevr|fev|mars|avril|avr|mai|juin|juillet|juil|aout|septembre|sept|octobre|oct|novembre|nov|decembre|dec)\.?[\s\-_]*(\d{4})/.exec(
      value,
    )
  if (words) return checked(Number(words[2]), MONTH_WORDS[words[1] ?? ''] ?? 0)
  const numeric = /(\d{1,2})[/-](\d{4})|(\d{4})-(\d{2})(?!\d)/.exec(value)
  if (numeric)
    return numeric[1]
      ? checked(Number(numeric[2]), Number(numeric[1]))
      : checked(Number(numeric[3]), Number(numeric[4]))
  return null
}

function checked(year: number, month: number): Period | null {
  if (month < 1 || month > 12) return null
  const period = fromOrdinal(year * 12 + month - 1)
  return isPeriod(period) ? period : null
}
