// The months the grid's imported data are for: those of the current (finished, not replaced) imports of the
// given sources. One row per import at most, so this reads the import list, never the observations.
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema'

export async function importedMonths(db: Kysely<Database>, sources: readonly string[]): Promise<string[]> {
  if (sources.length === 0) return []
  const rows = await db
    .selectFrom('source_import')
    .select(sql<string>`to_char(period, 'YYYY-MM')`.as('month'))
    .distinct()
    .where('source', 'in', sources)
    .where('finished_at', 'is not', null)
    .where('replaced_by_import_id', 'is', null)
    .orderBy('month')
    .execute()
  return rows.map((r) => r.month)
}
