// An establishment's follow-up over time, from the API: each theme month by month, the averages beside the
// site's value at a month, programme attainment and funding forecast, and the history of typed fields.
import type {
  StructureAverages,
  StructureComments,
  StructureHistory,
  StructureProgrammes,
} from '../../domain/contract/structure-history'
import { apiRequest } from '../api'

const FIELD_LABELS: Readonly<Record<string, string>> = { period: 'Mois de référence' }
const base = (finess: string) => `/api/structures/${encodeURIComponent(finess)}`
const at = (period: string) => `?${new URLSearchParams({ period })}`

export const historyKey = (finess: string) => ['structure-history', finess] as const
export const averagesKey = (finess: string, period: string) => ['structure-averages', finess, period] as const
export const programmesKey = (finess: string, period: string) =>
  ['structure-programmes', finess, period] as const
export const commentsKey = (finess: string) => ['structure-comments', finess] as const

export function fetchHistory(finess: string, signal?: AbortSignal): Promise<StructureHistory> {
  return apiRequest<StructureHistory>(`${base(finess)}/history`, { signal })
}

export function fetchAverages(finess: string, period: string, signal?: AbortSignal) {
  return apiRequest<StructureAverages>(`${base(finess)}/averages${at(period)}`, {
    signal,
    fieldLabels: FIELD_LABELS,
  })
}

export function fetchProgrammes(finess: string, period: string, signal?: AbortSignal) {
  return apiRequest<StructureProgrammes>(`${base(finess)}/programmes${at(period)}`, {
    signal,
    fieldLabels: FIELD_LABELS,
  })
}

export function fetchComments(finess: string, signal?: AbortSignal): Promise<StructureComments> {
  return apiRequest<StructureComments>(`${base(finess)}/comments`, { signal })
}
