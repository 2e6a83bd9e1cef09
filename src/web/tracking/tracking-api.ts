// A block of rows of a tracking view: the URL's query at the shown point, with the grid's offset and limit.
import type { GridPage } from '../../domain/contract/grid'
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
