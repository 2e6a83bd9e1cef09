// The journal's filters live in the URL (`/journal?finess=…&actor=…&action=…&from=…&until=…&page=…`),
// under the API's own parameter names: the page, the API call and the CSV download carry the same query.
import { readUrlFilter, urlFilterQuery, withoutPage, type UrlFilter } from '../url-filter'

export const JOURNAL_PATH = '/journal'

export const JOURNAL_KEYS = ['finess', 'actor', 'action', 'field', 'from', 'until', 'page'] as const
export type JournalKey = (typeof JOURNAL_KEYS)[number]
export type JournalFilter = UrlFilter<JournalKey>

export const readJournalFilter = (params: URLSearchParams): JournalFilter =>
  readUrlFilter(params, JOURNAL_KEYS)

/** The query of the page and of its API call. */
export const journalQueryString = (filter: JournalFilter): string => urlFilterQuery(filter, JOURNAL_KEYS)

export const journalHref = (filter: JournalFilter): string => `${JOURNAL_PATH}${journalQueryString(filter)}`

/** The whole filtered journal as CSV, every page. */
export const journalCsvHref = (filter: JournalFilter): string =>
  `/api/audit.csv${urlFilterQuery(filter, withoutPage(JOURNAL_KEYS))}`
