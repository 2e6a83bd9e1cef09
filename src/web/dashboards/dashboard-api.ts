// What the dashboard page reads from the API: the dashboard at a follow-up point for the URL's filters, and
// its programme views (a request of their own: the engine's forecasts take longer).
import type { Dashboard } from '../../domain/contract/dashboard'
import type { ProgrammeViews } from '../../domain/contract/dashboard-programmes'
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

export function fetchProgrammeViews(view: DashboardView & { period: string }, signal?: AbortSignal) {
  return apiRequest<ProgrammeViews>(`/api/dashboard/programmes?${dashboardParams(view)}`, {
    signal,
    fieldLabels: FIELD_LABELS,
  })
}
