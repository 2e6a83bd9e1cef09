// GET /api/audit: one page of the journal of changes, filtered as the URL says.
import type { AuditPage } from '../../domain/contract/access'
import { apiRequest } from '../api'
import { journalQueryString, type JournalFilter } from './journal-params'

const FIELD_LABELS: Readonly<Record<string, string>> = {
  finess: 'FINESS',
  actor: 'Auteur',
  action: 'Action',
  field: 'Champ',
  from: 'Du',
  until: 'Au',
  page: 'Page',
}

export function fetchAuditPage(filter: JournalFilter, signal?: AbortSignal): Promise<AuditPage> {
  return apiRequest<AuditPage>(`/api/audit${journalQueryString(filter)}`, {
    signal,
    fieldLabels: FIELD_LABELS,
  })
}
