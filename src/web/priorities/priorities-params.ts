// The priorities page's state lives in the URL under the API's parameter names (period, région,
// département, the saved list, the page), so that a list of sites to help sent by mail opens the same.
export const PRIORITIES_PATH = '/priorites'
export const PRIORITIES_PAGE_SIZE = 50

export interface PrioritiesView {
  /** Unset: the latest month with data. */
  period?: string
  region?: string
  departement?: string
  /** A saved list's id; unset: every criterion with its defaults. */
  list?: number
  /** From 1. */
  page: number
}

export function readPrioritiesView(params: URLSearchParams): PrioritiesView {
  const view: PrioritiesView = { page: 1 }
  const text = (key: string) => params.get(key)?.trim() || undefined
  const period = text('period')
  if (period && /^\d{4}-(0[1-9]|1[0-2])$/.test(period)) view.period = period
  const region = text('region')
  if (region) view.region = region
  const departement = text('departement')
  if (departement) view.departement = departement
  const list = Number(text('list'))
  if (Number.isInteger(list) && list > 0) view.list = list
  const page = Number(text('page'))
  if (Number.isInteger(page) && page > 1) view.page = page
  return view
}

/** The API's query for the view (the page as offset and limit only for the results). */
export function prioritiesParams(view: PrioritiesView, options: { paged: boolean }): URLSearchParams {
  const params = new URLSearchParams()
  if (view.period) params.set('period', view.period)
  if (view.region) params.set('region', view.region)
  if (view.departement) params.set('departement', view.departement)
  if (view.list) params.set('list', String(view.list))
  if (options.paged) {
    params.set('offset', String((view.page - 1) * PRIORITIES_PAGE_SIZE))
    params.set('limit', String(PRIORITIES_PAGE_SIZE))
  }
  return params
}

export function prioritiesHref(view: PrioritiesView): string {
  const params = prioritiesParams(view, { paged: false })
  if (view.page > 1) params.set('page', String(view.page))
  const search = params.toString()
  return search ? `${PRIORITIES_PATH}?${search}` : PRIORITIES_PATH
}
