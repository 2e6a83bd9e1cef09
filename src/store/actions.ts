// Follow-up actions: read with their establishment's name and place and the names of the accounts in
// charge and that wrote them; listed within a user's scopes; written by app/actions.ts in its transactions.
import { sql, type Kysely } from 'kysely'
import type { Scope } from '../domain/access/scope'
import type { Session } from './database'
import { siteWithinScopes } from './places'
import type { Database } from './schema'

export interface ActionValues {
  kind: string
  subject: string
  notes: string | null
  next_step: string | null
  due_on: string | null
  status: string
  theme: string | null
  owner_id: number | null
}

export interface ActionRow extends ActionValues {
  id: number
  finess: string
  structure_name: string
  region: string | null
  departement: string | null
  owner_name: string | null
  created_by: number | null
  created_by_name: string | null
  created_at: string
  updated_at: string
  external_source: string | null
  external_id: string | null
}

export interface ActionListFilter {
  region?: string | undefined
  departement?: string | undefined
  finess?: string | undefined
  status?: string | undefined
  owner?: number | undefined
  dueBefore?: string | undefined
  theme?: string | undefined
  updatedSince?: string | undefined
  source?: string | undefined
  /** The reader's scopes; null for a reader who sees all France. */
  scopes: readonly Scope[] | null
}

function selectActions(db: Kysely<Database>) {
  return db
    .selectFrom('follow_up_action as a')
    .innerJoin('site', 'site.finess_eg', 'a.finess')
    .leftJoin('app_user as owner', 'owner.id', 'a.owner_id')
    .leftJoin('app_user as author', 'author.id', 'a.created_by')
    .select([
      'a.id',
      'a.finess',
      'site.name as structure_name',
      'site.region',
      'site.departement',
      'a.kind',
      'a.subject',
      'a.notes',
      'a.next_step',
      sql<string | null>`to_char(a.due_on, 'YYYY-MM-DD')`.as('due_on'),
      'a.status',
      'a.theme',
      'a.owner_id',
      'owner.display_name as owner_name',
      'a.created_by',
      'author.display_name as created_by_name',
      'a.created_at',
      'a.updated_at',
      'a.external_source',
      'a.external_id',
    ])
}

function filtered(db: Kysely<Database>, f: ActionListFilter) {
  let q = selectActions(db)
  if (f.scopes)
    q = q.where('a.finess', 'in', (eb) =>
      eb
        .selectFrom('site')
        .select('site.finess_eg')
        .where((inner) => siteWithinScopes(inner, f.scopes ?? [])),
    )
  if (f.region) q = q.where('site.region', '=', f.region)
  if (f.departement) q = q.where('site.departement', '=', f.departement)
  if (f.finess) q = q.where('a.finess', '=', f.finess)
  if (f.status) q = q.where('a.status', '=', f.status)
  if (f.owner !== undefined) q = q.where('a.owner_id', '=', f.owner)
  if (f.dueBefore) q = q.where(sql<boolean>`a.due_on < ${f.dueBefore}::date`)
  if (f.theme) q = q.where('a.theme', '=', f.theme)
  if (f.updatedSince) q = q.where(sql<boolean>`a.updated_at >= ${f.updatedSince}::date`)
  if (f.source) q = q.where('a.external_source', '=', f.source)
  return q
}

/** A page of actions, the soonest due first (those without a date last), then the most recent. */
export async function listActions(
  db: Kysely<Database>,
  f: ActionListFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ActionRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    filtered(db, f)
      .orderBy(sql`a.due_on asc nulls last`)
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom(filtered(db, f).as('matching'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}

/** An establishment's actions: those still to do first, by due date, then the others, latest first. */
export async function listActionsOfSite(db: Kysely<Database>, finess: string): Promise<ActionRow[]> {
  return selectActions(db)
    .where('a.finess', '=', finess)
    .orderBy(sql`case a.status when 'a_faire' then 0 else 1 end`)
    .orderBy(sql`a.due_on asc nulls last`)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute()
}

export async function findAction(db: Kysely<Database>, id: number): Promise<ActionRow | undefined> {
  return selectActions(db).where('a.id', '=', id).executeTakeFirst()
}

export async function findActionByExternalKey(
  db: Kysely<Database>,
  source: string,
  externalId: string,
): Promise<ActionRow | undefined> {
  return selectActions(db)
    .where('a.external_source', '=', source)
    .where('a.external_id', '=', externalId)
    .executeTakeFirst()
}

export async function insertAction(
  session: Session,
  row: ActionValues & {
    finess: string
    created_by: number | null
    external_source?: string | null
    external_id?: string | null
  },
): Promise<number> {
  const inserted = await session.db
    .insertInto('follow_up_action')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

export async function updateAction(session: Session, id: number, values: ActionValues): Promise<void> {
  await session.db
    .updateTable('follow_up_action')
    .set({ ...values, updated_at: sql<string>`now()` })
    .where('id', '=', id)
    .execute()
}

export async function deleteAction(session: Session, id: number): Promise<void> {
  await session.db.deleteFrom('follow_up_action').where('id', '=', id).execute()
}
