// The région's and the nation's averages of the grid's quantitative columns at a follow-up point (seed 002's
// "Moyenne nationale" tab): a count or an amount per reporting structure, a rate as the ratio of the summed
// numerators and denominators where the source gives them.
import Decimal from 'decimal.js'
import type { AveragesQuery, GridAverages } from '../domain/contract/grid'
import type { AccessUser } from '../domain/access/permissions'
import type { GridColumn } from '../domain/grid/columns'
import type { Store } from '../store/database'
import { columnAverages, type AverageRow, type AverageSums } from '../store/grid-averages'
import { indicatorIds } from '../store/observations'
import { chosenColumns, resolveColumns } from './grid'

/** An average as the footer shows it (the map's areas too). */
export function averageOf(column: GridColumn, row: AverageSums | undefined) {
  if (!row || row.structures === 0) return { value: null, structures: 0 }
  const den = row.denominator === null ? null : new Decimal(row.denominator)
  const value =
    column.kind === 'rate' && row.numerator !== null && den !== null && !den.isZero()
      ? new Decimal(row.numerator).div(den).times(100)
      : new Decimal(row.total ?? 0).div(row.structures)
  return { value: value.toFixed(2), structures: row.structures }
}

/** The région shown beside the nation: the one asked for, else the user's only région. */
function regionOf(user: AccessUser, asked: string | undefined): string | null {
  if (asked) return asked
  const regions = user.scopes.filter((s) => s.kind === 'region')
  return regions.length === 1 && regions[0] ? regions[0].code : null
}

export async function gridAverages(
  store: Store,
  user: AccessUser,
  query: AveragesQuery,
): Promise<GridAverages> {
  const columns = chosenColumns(user, query.columns).filter((c) => c.quantitative && c.entry !== 'manual')
  const resolved = await resolveColumns(store, await indicatorIds(store.db), columns, query.period)
  const rows = await columnAverages(
    store.db,
    columns.map((c) => resolved.sources.get(c.key)).filter((s) => s !== undefined),
  )
  const region = regionOf(user, query.region)
  return {
    period: query.period,
    region,
    columns: columns.map((c) => {
      const id = resolved.sources.get(c.key)?.indicatorId
      const of = (match: (r: AverageRow) => boolean) => rows.find((r) => r.indicator_id === id && match(r))
      return {
        key: c.key,
        month: resolved.themes.get(c.theme) ?? null,
        nation: averageOf(
          c,
          of((r) => r.nation),
        ),
        region:
          region === null
            ? null
            : averageOf(
                c,
                of((r) => !r.nation && r.region === region),
              ),
      }
    }),
  }
}
