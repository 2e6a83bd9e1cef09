// The follow-up actions API as the web app calls it: an establishment's log, a page of the actions of the
// user's scope, and the writes (add, change, delete). Refusals name the field in French.
import { ACTION_FIELD_LABELS } from '../../domain/actions/kinds'
import type { ActionPage, FollowUpAction, StructureActions } from '../../domain/contract/actions'
import { apiRequest } from '../api'
import { actionsQueryString, type ActionsFilter } from './actions-params'

const FIELD_LABELS: Readonly<Record<string, string>> = {
  ...ACTION_FIELD_LABELS,
  region: 'Région',
  departement: 'Département',
  owner: 'Responsable',
  dueBefore: 'Échéance avant le',
  page: 'Page',
}

/** What the form sends: the API's fields, empty ones as null. */
export interface ActionDraft {
  kind: string
  subject: string
  notes: string | null
  nextStep: string | null
  dueOn: string | null
  theme: string | null
  ownerId: number | null
  status?: string
}

export const structureActionsKey = (finess: string) => ['structure-actions', finess] as const

const structurePath = (finess: string) => `/api/structures/${encodeURIComponent(finess)}/actions`

export function fetchStructureActions(finess: string, signal?: AbortSignal): Promise<StructureActions> {
  return apiRequest<StructureActions>(structurePath(finess), { signal, fieldLabels: FIELD_LABELS })
}

export function createAction(finess: string, draft: ActionDraft): Promise<FollowUpAction> {
  return apiRequest<FollowUpAction>(structurePath(finess), {
    method: 'POST',
    body: draft,
    fieldLabels: FIELD_LABELS,
  })
}

export function changeAction(id: number, changes: Partial<ActionDraft>): Promise<FollowUpAction> {
  return apiRequest<FollowUpAction>(`/api/actions/${id}`, {
    method: 'PUT',
    body: changes,
    fieldLabels: FIELD_LABELS,
  })
}

export function deleteAction(id: number): Promise<void> {
  return apiRequest<undefined>(`/api/actions/${id}`, { method: 'DELETE', fieldLabels: FIELD_LABELS })
}

export function fetchActionPage(filter: ActionsFilter, signal?: AbortSignal): Promise<ActionPage> {
  return apiRequest<ActionPage>(`/api/actions${actionsQueryString(filter)}`, {
    signal,
    fieldLabels: FIELD_LABELS,
  })
}
