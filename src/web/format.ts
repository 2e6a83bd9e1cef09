// Display helpers: French dates, times, months and counts, and the "not given" mark.
import { isPeriod, periodLabel } from '../domain/observations/period'

export const NOT_GIVEN = '—'

const COUNT = new Intl.NumberFormat('fr-FR')
const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 10 })

/** "1 établissement", "12 345 établissements". */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${COUNT.format(count)} ${count > 1 ? plural : singular}`
}

/** An ISO date `YYYY-MM-DD` (or timestamp) as `JJ/MM/AAAA`, read as written, with no time-zone shift. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return NOT_GIVEN
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso
}

export function orNotGiven(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? NOT_GIVEN : String(value)
}

/** A code with its label: "355 – Centre Hospitalier (C.H.)". */
export function codeAndLabel(code: string | null, label: string | null): string {
  if (code && label) return `${code} – ${label}`
  return orNotGiven(code ?? label)
}

/** A value from the change history, whatever its JSON type. */
export function formatChangeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return NOT_GIVEN
  if (typeof value === 'boolean') return value ? 'oui' : 'non'
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value
  if (typeof value === 'number') return NUMBER.format(value)
  return JSON.stringify(value)
}

/** A French phone number in pairs: "04 74 45 46 47". */
export function formatPhone(phone: string | null): string {
  if (!phone) return NOT_GIVEN
  return /^\d{10}$/.test(phone) ? phone.replace(/(\d{2})(?=\d)/g, '$1 ') : phone
}

/** `2024-03` as "mars 2024"; anything else as written. */
export function formatPeriod(period: string): string {
  return isPeriod(period) ? periodLabel(period) : period
}

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
})

/**
 * A stored timestamp (`2024-03-14 10:22:33.123+00` from PostgreSQL, or ISO) as "14/03/2024 à 11:22",
 * in French time.
 */
export function formatDateTime(timestamp: string | null): string {
  if (!timestamp) return NOT_GIVEN
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
    timestamp.trim(),
  )
  if (!match) return timestamp
  const [, day, time, fraction = '', zone = 'Z'] = match
  const offset =
    zone === 'Z' ? 'Z' : /^[+-]\d{2}$/.test(zone) ? `${zone}:00` : zone.replace(/(\d{2})(\d{2})$/, '$1:$2')
  const date = new Date(`${day}T${time}${fraction.slice(0, 4)}${offset}`)
  return Number.isNaN(date.getTime()) ? timestamp : DATE_TIME.format(date).replace(' ', ' à ')
}
