// The planner's statistics after a bulk write. A PostgreSQL server's autovacuum gathers them in the
// background; PGlite has no background worker, so without this its tables keep the statistics of an empty
// database and the planner picks nested loops over tens of thousands of rows (measured on the demo: the
// dashboard took 106 s, then 0.6 s after an ANALYZE of 1.4 s).
import type { Store } from './database'

export async function refreshStatistics(store: Store): Promise<void> {
  if (store.kind === 'pglite') await store.transaction((session) => session.exec('analyze'))
}
