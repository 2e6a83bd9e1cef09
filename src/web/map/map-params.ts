// The map's state lives in the URL under the API's own parameter names (period, indicator, status, level and
// the referential's filters), so that a map sent by mail opens on the same view; each area links to the
// tracking grid at the same point, filtered alike and on that area.
import type { MapLevel } from '../../domain/contract/map'
import { MAP_LEVELS } from '../../domain/contract/map'
import type { GridColumn } from '../../domain/grid/columns'
import { readUrlFilter, urlFilterQuery } from '../url-filter'
import { trackingHref } from '../tracking/tracking-params'

export const MAP_PATH = '/carte'

/** Shown first: the Ségur orders of the DPI, the grid's first status column. */
export const DEFAULT_INDICATOR = 'segur.commande.dpi'

export const MAP_KEYS = ['period', 'indicator', 'status', 'level', 'region', 'sector', 'category'] as const
export type MapKey = (typeof MAP_KEYS)[number]
export const MAP_FILTERS = ['region', 'sector', 'category'] as const
export type MapFilter = (typeof MAP_FILTERS)[number]

export interface MapView {
  /** Unset: the latest month with data. */
  period?: string
  indicator: string
  /** Unset: the column's default status (the API says which). */
  status?: string
  level: MapLevel
  filters: Partial<Record<MapFilter, string>>
}

export function readMapView(params: URLSearchParams): MapView {
  const url = readUrlFilter(params, MAP_KEYS)
  const level = MAP_LEVELS.find((l) => l === url.level) ?? 'departement'
  const view: MapView = { indicator: url.indicator ?? DEFAULT_INDICATOR, level, filters: {} }
  if (url.period && /^\d{4}-(0[1-9]|1[0-2])$/.test(url.period)) view.period = url.period
  if (url.status) view.status = url.status
  for (const key of MAP_FILTERS) if (url[key]) view.filters[key] = url[key]
  return view
}

/** The API's query string (without `?`) and the page's, the same names. */
export function mapQueryString(view: MapView): string {
  const { filters, ...rest } = view
  return urlFilterQuery({ ...rest, ...filters }, MAP_KEYS).replace(/^\?/, '')
}

export function mapHref(view: MapView): string {
  const search = mapQueryString(view)
  return search ? `${MAP_PATH}?${search}` : MAP_PATH
}

/**
 * The grid on one area at the map's point and filters: for a status, the sites that have it; for a number,
 * every site with the column shown (added to the default ones when it is not among them) and sorted,
 * highest first.
 */
export function areaGridHref(
  view: MapView & { period: string },
  area: { level: MapLevel; code: string },
  figure: { column: GridColumn; status: string | null; defaultColumns: readonly string[] },
): string {
  const place = { ...view.filters, [area.level]: area.code }
  const { column, status } = figure
  if (status !== null)
    return trackingHref({
      period: view.period,
      place,
      where: [{ key: column.key, op: 'eq', value: status }],
      compare: false,
    })
  const shown = figure.defaultColumns.includes(column.key)
    ? undefined
    : [...figure.defaultColumns, column.key]
  return trackingHref({
    period: view.period,
    place,
    where: [],
    ...(shown ? { columns: shown } : {}),
    sort: column.key,
    order: 'desc',
    compare: false,
  })
}
