// What the dashboard page reads from the API: the dashboard at a follow-up point for the URL's filters.
import type { Dashboard } from '../../domain/contract/dashboard'
import { apiRequest } from '../api'
import { dashboardParams, type DashboardView } from './dashboard-params'

const FIELD_LABELS: Readonly<Record<string, string>> = {
  period: 'Point de suivi',
  region: 'Région',
  departement: 'Département',
  sector: 'Secteur',
  category: 'Catégorie',
}

export function fetchDashboard(view: DashboardView & { period: string }, signal?: AbortSignal) {
  return apiRequest<Dashboard>(`/api/dashboard?${dashboardParams(view)}`, {
    signal,
    fieldLabels: FIELD_LABELS,
  })
}
