// The journal and row counts read straight from the database, for integration tests that check a write
// left exactly the journal lines it should (and a refused one left none, nor any row).
import type { Database } from '../../src/store/schema'
import type { Store } from '../../src/store/database'

/** The newest journal line's id (0 when empty): what a test notes before the write it checks. */
export async function lastAuditId(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirstOrThrow()
  return Number(row.id ?? 0)
}

/** The journal lines written after `since`, oldest first. */
export const auditSince = (store: Store, since: number) =>
  store.db.selectFrom('audit_event').selectAll().where('id', '>', since).orderBy('id').execute()

export async function rowCount(store: Store, table: keyof Database): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
