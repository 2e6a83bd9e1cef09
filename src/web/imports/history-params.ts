// The import history's filters live in the URL query string (`/imports?source=insi&period=2024-03`), under
// the API's own parameter names, so that a filtered history can be bookmarked or sent by mail.
import { historyQueryString, type HistoryFilter } from './imports-api'

export const IMPORTS_PATH = '/imports'

export function readHistoryFilter(params: URLSearchParams): HistoryFilter {
  const filter: HistoryFilter = {}
  const source = params.get('source')?.trim()
  const period = params.get('period')?.trim()
  if (source) filter.source = source
  if (period) filter.period = period
  return filter
}

export function importsHref(filter: HistoryFilter): string {
  return `${IMPORTS_PATH}${historyQueryString(filter)}`
}
