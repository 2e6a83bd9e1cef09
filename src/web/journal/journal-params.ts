// The journal's filters live in the URL (`/journal?finess=…&actor=…&action=…&from=…&until=…&page=…`),
// under the API's own parameter names: the page, the API call and the CSV download carry the same query.

export const JOURNAL_PATH = '/journal'

export const JOURNAL_KEYS = ['finess', 'actor', 'action', 'field', 'from', 'until', 'page'] as const
export type JournalKey = (typeof JOURNAL_KEYS)[number]
export type JournalFilter = Partial<Record<JournalKey, string>>

export function readJournalFilter(params: URLSearchParams): JournalFilter {
  const filter: JournalFilter = {}
  for (const key of JOURNAL_KEYS) {
    const value = params.get(key)?.trim()
    if (value) filter[key] = value
  }
  return filter
}

/** `?key=value…` in a stable order, without empty values nor page 1; '' when nothing is left. */
export function journalQueryString(
  filter: JournalFilter,
  keys: readonly JournalKey[] = JOURNAL_KEYS,
): string {
  const params = new URLSearchParams()
  for (const key of keys) {
    const value = filter[key]?.trim()
    if (value && !(key === 'page' && value === '1')) params.set(key, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

export function journalHref(filter: JournalFilter): string {
  return `${JOURNAL_PATH}${journalQueryString(filter)}`
}

/** The whole filtered journal as CSV, every page. */
export function journalCsvHref(filter: JournalFilter): string {
  return `/api/audit.csv${journalQueryString(
    filter,
    JOURNAL_KEYS.filter((k) => k !== 'page'),
  )}`
}

export function currentJournalPage(filter: JournalFilter): number {
  const page = Number(filter.page ?? '1')
  return Number.isInteger(page) && page >= 1 ? page : 1
}
