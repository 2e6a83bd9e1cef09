// The filters of `/actions` live in the URL (`/actions?region=…&status=…&owner=…&dueBefore=…&page=…`),
// under the API's own parameter names: the page, the API call and the CSV download carry the same query.

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
export type ActionsFilter = Partial<Record<ActionsKey, string>>

export function readActionsFilter(params: URLSearchParams): ActionsFilter {
  const filter: ActionsFilter = {}
  for (const key of ACTIONS_KEYS) {
    const value = params.get(key)?.trim()
    if (value) filter[key] = value
  }
  return filter
}

/** `?key=value…` in a stable order, without empty values nor page 1; '' when nothing is left. */
export function actionsQueryString(
  filter: ActionsFilter,
  keys: readonly ActionsKey[] = ACTIONS_KEYS,
): string {
  const params = new URLSearchParams()
  for (const key of keys) {
    const value = filter[key]?.trim()
    if (value && !(key === 'page' && value === '1')) params.set(key, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

export function actionsHref(filter: ActionsFilter): string {
  return `${ACTIONS_PATH}${actionsQueryString(filter)}`
}

/** Every action matching the filters as CSV (all pages). */
export function actionsCsvHref(filter: ActionsFilter): string {
  return `/api/actions/export.csv${actionsQueryString(
    filter,
    ACTIONS_KEYS.filter((k) => k !== 'page'),
  )}`
}

export function currentActionsPage(filter: ActionsFilter): number {
  const page = Number(filter.page ?? '1')
  return Number.isInteger(page) && page >= 1 ? page : 1
}
