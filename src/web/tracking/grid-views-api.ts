// The saved views of the tracking grid: listed, saved, renamed and deleted through /api/grid/views; a view
// opens as /suivi with its saved query.
import type { z } from 'zod'
import type { GridView, GridViewChanges, GridViewList, gridViewInput } from '../../domain/contract/grid-views'
import { apiRequest } from '../api'
import { REGIONS } from '../regions'
import { TRACKING_PATH } from './tracking-params'

export const GRID_VIEWS_KEY = ['grid-views'] as const

export type NewGridView = z.input<typeof gridViewInput>

const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Nom de la vue',
  query: 'Filtres de la vue',
  region: 'Région',
}
const labelled = { fieldLabels: FIELD_LABELS }
const viewPath = (id: number) => `/api/grid/views/${encodeURIComponent(String(id))}`

export function fetchGridViews(signal?: AbortSignal): Promise<GridViewList> {
  return apiRequest<GridViewList>('/api/grid/views', { signal })
}

export function createGridView(view: NewGridView): Promise<GridView> {
  return apiRequest<GridView>('/api/grid/views', { method: 'POST', body: view, ...labelled })
}

export function updateGridView(id: number, changes: GridViewChanges): Promise<GridView> {
  return apiRequest<GridView>(viewPath(id), { method: 'PUT', body: changes, ...labelled })
}

export function deleteGridView(id: number): Promise<void> {
  return apiRequest<undefined>(viewPath(id), { method: 'DELETE' })
}

export function viewHref(view: Pick<GridView, 'query'>): string {
  return view.query ? `${TRACKING_PATH}?${view.query}` : TRACKING_PATH
}

export function regionName(code: string): string {
  return REGIONS.find((r) => r.code === code)?.name ?? `région ${code}`
}

/** Personal views first, then those shared with each région, in the server's order (by name). */
export function groupViews(views: readonly GridView[]): { label: string; views: GridView[] }[] {
  const personal = views.filter((v) => v.region === null)
  const regions = [...new Set(views.map((v) => v.region).filter((r): r is string => r !== null))]
  return [
    ...(personal.length ? [{ label: 'Mes vues', views: personal }] : []),
    ...regions.map((region) => ({
      label: `Partagées avec la région ${regionName(region)}`,
      views: views.filter((v) => v.region === region),
    })),
  ]
}
