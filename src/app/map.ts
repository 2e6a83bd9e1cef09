// The map of one grid indicator at a follow-up point (issue 7 §2): per département or région, within the
// user's scopes and the referential's filters, the sites in view with a status (counted through the grid's
// column joins, so each count is the grid's total for that area and `where=KEY:eq:STATUS`) or the area's
// average of a quantitative column, computed as the grid's footer computes its région's.
import { canSeeColumn, seesAllFrance, type AccessUser } from '../domain/access/permissions'
import type { Scope } from '../domain/access/scope'
import {
  defaultStatus,
  mapStatuses,
  type MapAnswer,
  type MapArea,
  type MapQuery,
} from '../domain/contract/map'
import { findGridColumn, type GridColumn } from '../domain/grid/columns'
import type { Store } from '../store/database'
import type { ColumnSource } from '../store/grid'
import { columnAveragesByArea, type AreaAverageRow } from '../store/grid-averages'
import { areaCounts, areaNames, type AreaCountRow, type AreaName } from '../store/map'
import { indicatorIds } from '../store/observations'
import type { SiteFilters } from '../store/sites'
import { shareOf } from './dashboard-statuses'
import { resolveColumns } from './grid'
import { averageOf } from './grid-averages'

/** A request the user can fix (HTTP 400). */
export class MapQueryError extends Error {
  readonly statusCode = 400
}

/**
 * The areas drawn: the région asked for (or its départements); for a user who does not see all France,
 * those its région or département scopes name and any other where it has sites in view (an EJ's sites).
 */
export function areasShown(
  names: readonly AreaName[],
  query: Pick<MapQuery, 'region' | 'level'>,
  scopes: readonly Scope[] | null,
  withSites: ReadonlySet<string>,
): AreaName[] {
  const covered = (area: AreaName) =>
    scopes === null ||
    withSites.has(area.code) ||
    scopes.some(
      (s) =>
        (s.kind === 'region' && s.code === area.region) ||
        (s.kind === 'departement' && query.level === 'departement' && s.code === area.code),
    )
  return names.filter((area) => (!query.region || area.region === query.region) && covered(area))
}

function figures(
  column: GridColumn,
  area: AreaName,
  counts: Map<string | null, AreaCountRow>,
  averages: readonly AreaAverageRow[] | null,
): MapArea {
  const sites = counts.get(area.code)?.sites ?? 0
  if (averages === null) {
    const count = counts.get(area.code)?.matching ?? 0
    return {
      code: area.code,
      name: area.name,
      sites,
      count,
      share: shareOf(count, sites),
      average: null,
      structures: null,
    }
  }
  const { value, structures } = averageOf(
    column,
    averages.find((r) => !r.nation && r.area === area.code),
  )
  return { code: area.code, name: area.name, sites, count: null, share: null, average: value, structures }
}

export async function mapFigures(store: Store, user: AccessUser, query: MapQuery): Promise<MapAnswer> {
  // The contract has checked that the indicator is a mappable grid column.
  const column = findGridColumn(query.indicator) as GridColumn
  if (!canSeeColumn(user, column.key))
    throw new MapQueryError(`indicator : colonne réservée « ${column.label} ».`)
  const within = seesAllFrance(user) ? null : user.scopes
  // The grid's default view: open sites, within the user's scopes.
  const filters: SiteFilters = {
    region: query.region,
    sector: query.sector,
    category: query.category,
    status: 'open',
    within,
  }
  const statuses = mapStatuses(column)
  const status = statuses
    ? (statuses.find((s) => s.code === (query.status ?? defaultStatus(column))) ?? null)
    : null
  const resolved = await resolveColumns(store, await indicatorIds(store.db), [column], query.period)
  const source = resolved.sources.get(column.key) as ColumnSource
  const [names, counts, averages] = await Promise.all([
    areaNames(store.db, query.level),
    areaCounts(
      store.db,
      filters,
      query.level,
      status ? { column: source, period: query.period, value: status.code } : undefined,
    ),
    // The footer places a structure by all its sites, closed ones included: so does the map.
    statuses ? null : columnAveragesByArea(store.db, [source], query.level, { ...filters, status: 'all' }),
  ])
  const byArea = new Map(counts.map((c) => [c.area, c]))
  const withSites = new Set(counts.flatMap((c) => (c.area !== null && c.sites > 0 ? [c.area] : [])))
  return {
    period: query.period,
    indicator: column.key,
    label: column.label,
    figure: statuses ? 'status' : 'average',
    status: status ? { code: status.code, label: status.label } : null,
    unit: column.unit,
    level: query.level,
    month: resolved.themes.get(column.theme) ?? null,
    areas: areasShown(names, query, within, withSites).map((area) => figures(column, area, byArea, averages)),
  }
}
