// The audit journal: rows are only added (the table's triggers refuse updates and deletes).
import { sql, type Kysely } from 'kysely'
import type { Session } from './database'
import type { Database } from './schema'

export interface AuditEventInput {
  actorId: number | null
  actorLabel: string
  action: string
  entityKind: string
  entityId?: string | null
  finess?: string | null
  field?: string | null
  /** `YYYY-MM-01` */
  period?: string | null
  before?: unknown
  after?: unknown
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value))

export async function insertAuditEvents(session: Session, events: readonly AuditEventInput[]): Promise<void> {
  if (events.length === 0) return
  await session.db
    .insertInto('audit_event')
    .values(
      events.map((e) => ({
        actor_id: e.actorId,
        actor_label: e.actorLabel,
        action: e.action,
        entity_kind: e.entityKind,
        entity_id: e.entityId ?? null,
        finess: e.finess ?? null,
        field: e.field ?? null,
        period: e.period ?? null,
        before: json(e.before),
        after: json(e.after),
      })),
    )
    .execute()
}

export interface AuditFilter {
  finess?: string | undefined
  actorId?: number | undefined
  action?: string | undefined
  field?: string | undefined
  /** Inclusive ISO dates. */
  from?: string | undefined
  until?: string | undefined
  /** Fields to leave out (those the reader may not read). */
  hiddenFields?: readonly string[] | undefined
  limit: number
  offset: number
}

function filtered(db: Kysely<Database>, f: Omit<AuditFilter, 'limit' | 'offset'>) {
  let q = db.selectFrom('audit_event')
  if (f.finess) q = q.where('finess', '=', f.finess)
  if (f.actorId !== undefined) q = q.where('actor_id', '=', f.actorId)
  if (f.action) q = q.where('action', '=', f.action)
  if (f.field) q = q.where('field', '=', f.field)
  if (f.from) q = q.where('at', '>=', f.from)
  if (f.until) q = q.where(sql<boolean>`at < ${f.until}::date + 1`)
  if (f.hiddenFields && f.hiddenFields.length > 0)
    q = q.where((eb) => eb.or([eb('field', 'is', null), eb('field', 'not in', f.hiddenFields as string[])]))
  return q
}

export async function listAuditEvents(db: Kysely<Database>, f: AuditFilter) {
  const [rows, total] = await Promise.all([
    filtered(db, f)
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}
