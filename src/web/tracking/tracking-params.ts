// The tracking view's state lives in the URL under the API's own parameter names (period, filters, `where`
// thresholds, columns, sort, compare), so a view sent by mail opens on the same rows, columns and order.
import { THRESHOLD_OPERATORS, type ThresholdOperator } from '../../domain/contract/grid'
import { thisMonth } from '../structure/field-value'

export const TRACKING_PATH = '/suivi'

/** The structure filters of the panel, in its order. */
export const PLACE_KEYS = ['q', 'region', 'departement', 'sector', 'category', 'ej', 'ght'] as const
export type PlaceKey = (typeof PLACE_KEYS)[number]

export const METEO_KEY = 'suivi.meteo'

export interface Threshold {
  key: string
  op: ThresholdOperator
  /** Null for `empty`, `filled`, `new` and `worse`. */
  value: string | null
}

export interface TrackingQuery {
  /** Unset: the current month. */
  period?: string
  place: Partial<Record<PlaceKey, string>>
  where: Threshold[]
  /** Unset: the default columns. */
  columns?: string[]
  sort?: string
  order?: 'asc' | 'desc'
  compare: boolean
}

const VALUELESS: readonly ThresholdOperator[] = ['empty', 'filled', 'new', 'worse']

export const needsValue = (op: ThresholdOperator) => !VALUELESS.includes(op)

function parseThreshold(text: string): Threshold | null {
  const [key = '', op = '', ...rest] = text.split(':')
  const value = rest.join(':')
  if (!key || !(THRESHOLD_OPERATORS as readonly string[]).includes(op)) return null
  const operator = op as ThresholdOperator
  if (needsValue(operator) === (value === '')) return null
  return { key, op: operator, value: needsValue(operator) ? value : null }
}

export const thresholdText = (t: Threshold) =>
  t.value === null ? `${t.key}:${t.op}` : `${t.key}:${t.op}:${t.value}`

export function readTrackingQuery(params: URLSearchParams): TrackingQuery {
  const query: TrackingQuery = { place: {}, where: [], compare: params.get('compare') === 'true' }
  const period = params.get('period')?.trim()
  if (period && /^\d{4}-(0[1-9]|1[0-2])$/.test(period)) query.period = period
  for (const key of PLACE_KEYS) {
    const value = params.get(key)?.trim()
    if (value) query.place[key] = value
  }
  query.where = params
    .getAll('where')
    .map(parseThreshold)
    .filter((t): t is Threshold => t !== null)
  const columns = params
    .get('columns')
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean)
  if (columns?.length) query.columns = columns
  const sort = params.get('sort')?.trim()
  if (sort) query.sort = sort
  const order = params.get('order')
  if (order === 'asc' || order === 'desc') query.order = order
  return query
}

/** The URL parameters of a view, in a stable order, leaving out what is unset. */
export function trackingParams(query: TrackingQuery): URLSearchParams {
  const params = new URLSearchParams()
  if (query.period) params.set('period', query.period)
  for (const key of PLACE_KEYS) {
    const value = query.place[key]?.trim()
    if (value) params.set(key, value)
  }
  for (const threshold of query.where) params.append('where', thresholdText(threshold))
  if (query.columns?.length) params.set('columns', query.columns.join(','))
  if (query.sort) {
    params.set('sort', query.sort)
    params.set('order', query.order ?? 'asc')
  }
  if (query.compare) params.set('compare', 'true')
  return params
}

export function trackingHref(query: TrackingQuery): string {
  const search = trackingParams(query).toString()
  return search ? `${TRACKING_PATH}?${search}` : TRACKING_PATH
}

/** The follow-up point shown: the one asked for, or the current month. */
export function shownPeriod(query: TrackingQuery, now: Date = new Date()): string {
  return query.period ?? thisMonth(now)
}

/** The météo filter is a threshold on its column; the panel shows it apart from the others. */
export function splitMeteo(where: readonly Threshold[]): { meteo: string; thresholds: Threshold[] } {
  const index = where.findIndex((t) => t.key === METEO_KEY && t.op === 'eq')
  if (index < 0) return { meteo: '', thresholds: [...where] }
  return { meteo: where[index]?.value ?? '', thresholds: where.filter((_, i) => i !== index) }
}

export function joinMeteo(meteo: string, thresholds: readonly Threshold[]): Threshold[] {
  return meteo ? [{ key: METEO_KEY, op: 'eq', value: meteo }, ...thresholds] : [...thresholds]
}
