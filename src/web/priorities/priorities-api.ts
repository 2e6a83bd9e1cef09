// What the priorities page reads and writes through the API: the saved lists (/api/priorities), a list's
// results at a follow-up point, and its export's address (a plain link: the browser downloads with the
// session cookie).
import type { z } from 'zod'
import type {
  PriorityList,
  PriorityListChanges,
  priorityListInput,
  PriorityLists,
  PriorityResults,
} from '../../domain/contract/priorities'
import { apiRequest } from '../api'
import { prioritiesParams, type PrioritiesView } from './priorities-params'

export const PRIORITY_LISTS_KEY = ['priority-lists'] as const

export type NewPriorityList = z.input<typeof priorityListInput>

const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Nom de la liste',
  region: 'Région',
  criteria: 'Critères',
  period: 'Point de suivi',
  departement: 'Département',
  list: 'Liste',
}
const labelled = { fieldLabels: FIELD_LABELS }
const listPath = (id: number) => `/api/priorities/${encodeURIComponent(String(id))}`

export function fetchPriorityLists(signal?: AbortSignal): Promise<PriorityLists> {
  return apiRequest<PriorityLists>('/api/priorities', { signal })
}

export function createPriorityList(list: NewPriorityList): Promise<PriorityList> {
  return apiRequest<PriorityList>('/api/priorities', { method: 'POST', body: list, ...labelled })
}

export function updatePriorityList(id: number, changes: PriorityListChanges): Promise<PriorityList> {
  return apiRequest<PriorityList>(listPath(id), { method: 'PUT', body: changes, ...labelled })
}

export function deletePriorityList(id: number): Promise<void> {
  return apiRequest<undefined>(listPath(id), { method: 'DELETE' })
}

export function fetchPriorityResults(
  view: PrioritiesView & { period: string },
  signal?: AbortSignal,
): Promise<PriorityResults> {
  return apiRequest<PriorityResults>(`/api/priorities/results?${prioritiesParams(view, { paged: true })}`, {
    signal,
    ...labelled,
  })
}

export function priorityExportHref(
  view: PrioritiesView & { period: string },
  format: 'xlsx' | 'csv',
): string {
  const params = prioritiesParams(view, { paged: false })
  params.set('format', format)
  return `/api/priorities/export?${params}`
}
