// Keeping the dashboards' counts of sites per column value (migration 0010) in step with their inputs:
// each month's counts are resolved as the grid reads that month (resolveColumns) and written again, in
// the transaction of whatever changed them: an import (its months, its columns), a derivation (the
// computed columns, its months), a FINESS import or a FINESS PMSI override (everything).
import { COUNTED_COLUMNS } from '../domain/grid/counted-columns'
import { periodRange } from '../domain/observations/period'
import type { Session } from '../store/database'
import { importedMonths } from '../store/grid-periods'
import { indicatorIds } from '../store/observations'
import {
  clearStatusCounts,
  countedIndicatorIds,
  trackerValueMonths,
  writeStatusCounts,
  type Footprint,
} from '../store/status-counts'
import { resolveColumns } from './grid'
import { GRID_SOURCES } from './grid-periods'

/** What to count again: some months (or all), of some indicators (or all the counted columns). */
export interface CountsChange {
  months: readonly string[] | 'all'
  indicatorIds?: readonly number[]
  /** Only the sites of one footprint changed (one site given another FINESS PMSI). */
  footprint?: Footprint
}

export async function refreshStatusCounts(session: Session, change: CountsChange): Promise<void> {
  const ids = await indicatorIds(session.db)
  const columns = COUNTED_COLUMNS.filter((c) => {
    const id = ids.get(c.key)
    return id !== undefined && (!change.indicatorIds || change.indicatorIds.includes(id))
  })
  if (columns.length === 0) return
  let months: readonly string[]
  if (change.months === 'all') {
    if (!change.footprint) await clearStatusCounts(session)
    const national = await importedMonths(session.db, GRID_SOURCES)
    months = [...new Set([...national, ...(await trackerValueMonths(session.db))])]
  } else months = [...new Set(change.months)]
  const counted = columns.map((c) => ids.get(c.key) as number)
  for (const month of months) {
    const resolved = await resolveColumns(session, ids, columns, month)
    const sources = columns.map((c) => resolved.sources.get(c.key)).filter((s) => s !== undefined)
    await writeStatusCounts(session, month, counted, sources, change.footprint)
  }
}

/** After a derivation from `from` to `to`: the computed columns of those months. */
export async function refreshDerivedCounts(
  session: Session,
  derived: { from: string | null; to: string | null },
): Promise<void> {
  if (derived.from === null || derived.to === null) return
  await refreshStatusCounts(session, {
    months: periodRange(derived.from, derived.to),
    indicatorIds: await countedIndicatorIds(session.db, true),
  })
}
