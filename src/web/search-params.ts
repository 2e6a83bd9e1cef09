// The search view's state lives in the URL query string, under the API's own parameter names: the page's
// URL and the API call carry the same query, so a view sent by mail shows the same results.
import type { StructureListQuery } from '../domain/contract/structures'

export type QueryKey = keyof StructureListQuery

/** The filters of the search form, in the form's order. */
export const FILTER_KEYS = [
  'q',
  'region',
  'departement',
  'sector',
  'category',
  'ej',
  'status',
] as const satisfies readonly QueryKey[]

export const QUERY_KEYS = [
  ...FILTER_KEYS,
  'sort',
  'order',
  'page',
  'pageSize',
] as const satisfies readonly QueryKey[]

export type SearchQuery = Partial<Record<QueryKey, string>>

export type SortKey = StructureListQuery['sort']
export type SortOrder = StructureListQuery['order']

/** The API's defaults, which the URL leaves out. */
export const DEFAULTS = { status: 'open', sort: 'finessEg', order: 'asc', page: '1', pageSize: '50' } as const

export function readQuery(params: URLSearchParams): SearchQuery {
  const query: SearchQuery = {}
  for (const key of QUERY_KEYS) {
    const value = params.get(key)?.trim()
    if (value) query[key] = value
  }
  return query
}

/** `?key=value…` in a stable order, without empty values nor defaults; '' when nothing is left. */
export function toQueryString(query: SearchQuery): string {
  const params = new URLSearchParams()
  for (const key of QUERY_KEYS) {
    const value = query[key]?.trim()
    const fallback = (DEFAULTS as Partial<Record<QueryKey, string>>)[key]
    if (value && value !== fallback) params.set(key, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

export function searchHref(query: SearchQuery): string {
  return `/${toQueryString(query)}`
}

export function currentPage(query: SearchQuery): number {
  const page = Number(query.page ?? DEFAULTS.page)
  return Number.isInteger(page) && page >= 1 ? page : 1
}

/** Clicking a sorted column reverses its order; another column starts ascending. Back to page 1. */
export function sortedBy(query: SearchQuery, sort: SortKey): SearchQuery {
  const active = (query.sort ?? DEFAULTS.sort) === sort
  const order: SortOrder = active && (query.order ?? DEFAULTS.order) === 'asc' ? 'desc' : 'asc'
  return { ...query, sort, order, page: undefined }
}
