// What the map page reads from the API: one indicator per area at a follow-up point.
import type { MapAnswer } from '../../domain/contract/map'
import { apiRequest } from '../api'
import { mapQueryString, type MapView } from './map-params'

const FIELD_LABELS: Readonly<Record<string, string>> = {
  period: 'Point de suivi',
  indicator: 'Indicateur',
  status: 'Statut',
  level: 'Échelle',
  region: 'Région',
  sector: 'Secteur',
  category: 'Catégorie',
}

export function fetchMap(view: MapView & { period: string }, signal?: AbortSignal) {
  return apiRequest<MapAnswer>(`/api/map?${mapQueryString(view)}`, { signal, fieldLabels: FIELD_LABELS })
}
