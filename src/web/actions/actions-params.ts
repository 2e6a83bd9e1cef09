// The filters of `/actions` live in the URL (`/actions?region=…&status=…&owner=…&dueBefore=…&page=…`),
// under the API's own parameter names: the page, the API call and the CSV download carry the same query.
import { readUrlFilter, urlFilterQuery, withoutPage, type UrlFilter } from '../url-filter'

export const ACTIONS_PATH = '/actions'

export const ACTIONS_KEYS = [
  'region',
  'departement',
  'status',
  'owner',
  'dueBefore',
  'theme',
  'page',
] as const
export type ActionsKey = (typeof ACTIONS_KEYS)[number]
export type ActionsFilter = UrlFilter<ActionsKey>

export const readActionsFilter = (params: URLSearchParams): ActionsFilter =>
  readUrlFilter(params, ACTIONS_KEYS)

/** The query of the page and of its API call. */
export const actionsQueryString = (filter: ActionsFilter): string => urlFilterQuery(filter, ACTIONS_KEYS)

export const actionsHref = (filter: ActionsFilter): string => `${ACTIONS_PATH}${actionsQueryString(filter)}`

/** Every action matching the filters as CSV (all pages). */
export const actionsCsvHref = (filter: ActionsFilter): string =>
  `/api/actions/export.csv${urlFilterQuery(filter, withoutPage(ACTIONS_KEYS))}`
