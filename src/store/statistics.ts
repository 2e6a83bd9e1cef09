// The planner's statistics after a bulk write. PGlite has no background worker, so without this its tables
// keep the statistics of an empty database and the planner picks nested loops over tens of thousands of
// rows (measured on the demo: the dashboard took 106 s, then 0.6 s after an ANALYZE of 1.4 s). A
// PostgreSQL server's autovacuum gathers them too, but some seconds after the commit: an import started in
// between (the monthly files come one after another) planned its derivation on the previous month's
// figures, and deleting one month's derived values of 5 761 structures took minutes in a nested loop over
// 160 000 rows (measured on national data). So both are analysed as soon as an import commits: the tables
// the import wrote, since analysing the whole database took 2 s per file on national data.
import type { Store } from './database'

/** What a monthly file or a tracker import writes. */
export const OBSERVATION_TABLES = [
  'source_import',
  'observation',
  'derived_observation',
  'field_entry',
  'status_count',
  'status_national_count',
]

/** Analyses the tables given, or all of them. */
export async function refreshStatistics(store: Store, tables: readonly string[] | 'all'): Promise<void> {
  const target = tables === 'all' ? '' : ` ${tables.join(', ')}`
  await store.transaction((session) => session.exec(`analyze${target}`))
}
