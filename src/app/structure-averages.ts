// Use case: the site's value of each quantitative column beside the averages of its région and of the
// nation at a follow-up point, as the grid's averages compute them (each structure once, at the level it
// reported at; a rate as the ratio of the summed numerators and denominators).
import type { StructureAverages } from '../domain/contract/structure-history'
import { canSeeColumn, type AccessUser } from '../domain/access/permissions'
import type { StructurePlace } from '../domain/access/scope'
import { GRID_COLUMNS } from '../domain/grid/columns'
import type { Store } from '../store/database'
import { gridAverages } from './grid-averages'
import { structureHistory } from './structure-history'

export async function structureAverages(
  store: Store,
  user: AccessUser,
  place: StructurePlace,
  period: string,
): Promise<StructureAverages> {
  const keys = GRID_COLUMNS.filter(
    (c) => c.quantitative && c.entry !== 'manual' && canSeeColumn(user, c.key),
  ).map((c) => c.key)
  const [averages, history] = await Promise.all([
    gridAverages(store, user, {
      period,
      columns: keys,
      ...(place.region === null ? {} : { region: place.region }),
    }),
    structureHistory(store, user, place),
  ])
  const points = new Map(history.themes.flatMap((t) => t.columns).map((c) => [c.key, c.points]))
  return {
    finess: place.finess,
    period,
    // A site without a région is compared with the nation only (not with the user's own région).
    region: place.region === null ? null : averages.region,
    columns: averages.columns.map((c) => ({
      key: c.key,
      month: c.month,
      site: (c.month && points.get(c.key)?.find((p) => p.month === c.month)) || null,
      nation: c.nation,
      region: place.region === null ? null : c.region,
    })),
  }
}
