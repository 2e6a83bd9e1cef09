// The follow-up points of the tracking grid: the months its themes' national files and the régions'
// imported trackers give values for. A month without them still opens (typed fields, older values carried
// over), which the period selector says.
import { FIRST_FOLLOW_UP, type GridPeriods } from '../domain/contract/grid-periods'
import { GRID_THEME_INFO, GRID_THEMES } from '../domain/grid/columns'
import { TRACKER_SOURCE } from '../domain/observations/observation'
import type { Store } from '../store/database'
import { importedMonths } from '../store/grid-periods'

/** The sources that date the grid's themes (see resolveColumns), and the régions' trackers. */
export const GRID_SOURCES = [
  ...new Set([
    ...GRID_THEMES.map((t) => GRID_THEME_INFO[t].source).filter((s): s is string => s !== null),
    TRACKER_SOURCE,
  ]),
]

export async function gridPeriods(store: Store): Promise<GridPeriods> {
  const withData = await importedMonths(store.db, GRID_SOURCES)
  return { first: FIRST_FOLLOW_UP, latest: withData.at(-1) ?? null, withData }
}
