// Display helpers: French dates and counts, and the "not given" mark.

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
