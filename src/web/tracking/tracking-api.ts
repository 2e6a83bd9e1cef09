// What the tracking page reads from the API: a block of rows of a view (the URL's query at the shown point,
// with the grid's offset and limit), the averages of its quantitative columns, and the follow-up points.
import type { GridAverages, GridPage } from '../../domain/contract/grid'
import type { GridPeriods } from '../../domain/contract/grid-periods'
import { apiRequest } from '../api'
import { shownPeriod, trackingParams, type TrackingQuery } from './tracking-params'

const FIELD_LABELS: Readonly<Record<string, string>> = {
  period: 'Point de suivi',
  region: 'Région',
  departement: 'Département',
  sector: 'Secteur',
  category: 'Catégorie',
  ej: 'FINESS EJ',
  ght: 'GHT',
  q: 'Recherche',
  where: 'Seuil',
  columns: 'Colonnes',
  sort: 'Tri',
}

export function fetchGridBlock(
  query: TrackingQuery,
  block: { offset: number; limit: number },
  signal?: AbortSignal,
): Promise<GridPage> {
  const params = trackingParams({ ...query, period: shownPeriod(query) })
  params.set('offset', String(block.offset))
  params.set('limit', String(block.limit))
  return apiRequest<GridPage>(`/api/grid?${params}`, { signal, fieldLabels: FIELD_LABELS })
}

/** The nation's and a région's averages (the one asked for, else the user's only région) at a point. */
export function fetchGridAverages(
  view: { period: string; region: string | undefined; columns: readonly string[] },
  signal?: AbortSignal,
): Promise<GridAverages> {
  const params = new URLSearchParams({ period: view.period, columns: view.columns.join(',') })
  if (view.region) params.set('region', view.region)
  return apiRequest<GridAverages>(`/api/grid/averages?${params}`, { signal, fieldLabels: FIELD_LABELS })
}

export function fetchGridPeriods(signal?: AbortSignal): Promise<GridPeriods> {
  return apiRequest<GridPeriods>('/api/grid/periods', { signal })
}
