// The dashboard of a région or of the nation at a follow-up point (issue 7 §1), within the user's scopes
// and the referential's filters: sites per status of each status column the user may read, the evolution
// of the national counts, and seed 000's tables. Every count of sites is the tracking grid's own total for
// the same filters (it reads values through the grid's column joins and theme months).
import type { Dashboard, DashboardQuery } from '../domain/contract/dashboard'
import { canSeeColumn, seesAllFrance, type AccessUser } from '../domain/access/permissions'
import { findGridColumn, GRID_COLUMNS, GRID_THEMES, type GridColumn } from '../domain/grid/columns'
import { DERIVED } from '../domain/observations/derived-indicators'
import type { Store } from '../store/database'
import { sitesInView } from '../store/dashboard'
import { indicatorIds } from '../store/observations'
import type { SiteFilters } from '../store/sites'
import { evolution, evolutionMonths } from './dashboard-evolution'
import { statusColumns } from './dashboard-statuses'
import { seedTables } from './dashboard-tables'
import { resolveColumns } from './grid'
import { gridPeriods } from './grid-periods'

/** The grid's default view for the dashboard's filters: open sites, within the user's scopes. */
export function dashboardFilters(user: AccessUser, query: DashboardQuery): SiteFilters {
  return {
    region: query.region,
    departement: query.departement,
    sector: query.sector,
    category: query.category,
    status: 'open',
    within: seesAllFrance(user) ? null : user.scopes,
  }
}

export async function dashboard(store: Store, user: AccessUser, query: DashboardQuery): Promise<Dashboard> {
  const filters = dashboardFilters(user, query)
  const shown = GRID_COLUMNS.filter((c) => c.statuses !== null && canSeeColumn(user, c.key))
  const insStarted = findGridColumn(DERIVED.insStarted) as GridColumn
  const [ids, periods, sites] = await Promise.all([
    indicatorIds(store.db),
    gridPeriods(store),
    sitesInView(store.db, filters),
  ])
  const resolved = await resolveColumns(store, ids, [...shown, insStarted], query.period)
  const months = evolutionMonths(query.period, periods.withData[0] ?? null)
  const [columns, charts, tables] = await Promise.all([
    statusColumns(store, filters, query.period, shown, resolved, sites),
    evolution(store, user, filters, ids, months),
    seedTables(store, filters, query.period, ids, resolved),
  ])
  return {
    period: query.period,
    sites,
    themes: GRID_THEMES.map((theme) => ({ theme, month: resolved.themes.get(theme) ?? null })),
    statusColumns: columns,
    evolution: { months, charts },
    tables,
  }
}
