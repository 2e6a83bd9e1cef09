// The dashboard's state lives in the URL under the API's own parameter names (period and the referential's
// filters), so a dashboard sent by mail opens on the same view; each count links to the grid filtered alike.
import type { ThresholdOperator } from '../../domain/contract/grid'
import { trackingHref } from '../tracking/tracking-params'

export const DASHBOARD_PATH = '/tableau-de-bord'

export const DASHBOARD_FILTERS = ['region', 'departement', 'sector', 'category'] as const
export type DashboardFilter = (typeof DASHBOARD_FILTERS)[number]

export interface DashboardView {
  /** Unset: the latest month with data. */
  period?: string
  filters: Partial<Record<DashboardFilter, string>>
}

export function readDashboardView(params: URLSearchParams): DashboardView {
  const view: DashboardView = { filters: {} }
  const period = params.get('period')?.trim()
  if (period && /^\d{4}-(0[1-9]|1[0-2])$/.test(period)) view.period = period
  for (const key of DASHBOARD_FILTERS) {
    const value = params.get(key)?.trim()
    if (value) view.filters[key] = value
  }
  return view
}

export function dashboardParams(view: DashboardView): URLSearchParams {
  const params = new URLSearchParams()
  if (view.period) params.set('period', view.period)
  for (const key of DASHBOARD_FILTERS) {
    const value = view.filters[key]?.trim()
    if (value) params.set(key, value)
  }
  return params
}

export function dashboardHref(view: DashboardView): string {
  const search = dashboardParams(view).toString()
  return search ? `${DASHBOARD_PATH}?${search}` : DASHBOARD_PATH
}

/** The tracking grid at the same point with the same filters, narrowed to one value of a column. */
export function gridHref(
  view: DashboardView,
  period: string,
  key: string,
  op: Extract<ThresholdOperator, 'eq' | 'empty' | 'filled'>,
  value: string | null = null,
): string {
  return trackingHref({
    period,
    place: { ...view.filters },
    where: [{ key, op, value: op === 'eq' ? value : null }],
    compare: false,
  })
}
