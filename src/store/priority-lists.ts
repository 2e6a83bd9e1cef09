// Saved priority lists: read as the user may see them (their own, and those shared with their régions),
// written by app/priority-lists.ts inside its transactions.
import { sql, type Kysely } from 'kysely'
import type { Session } from './database'
import type { Database } from './schema'

export interface PriorityListRow {
  id: number
  owner_id: number
  owner_name: string
  name: string
  region_code: string | null
  /** Parsed JSON as stored: the app checks it against the criteria table. */
  criteria: unknown
  created_at: string
  updated_at: string
}

export interface PriorityListValues {
  name: string
  region_code: string | null
  criteria: readonly unknown[]
}

function selectLists(db: Kysely<Database>) {
  return db
    .selectFrom('priority_list')
    .innerJoin('app_user', 'app_user.id', 'priority_list.owner_id')
    .select([
      'priority_list.id',
      'priority_list.owner_id',
      'app_user.display_name as owner_name',
      'priority_list.name',
      'priority_list.region_code',
      'priority_list.criteria',
      'priority_list.created_at',
      'priority_list.updated_at',
    ])
}

/** The user's own lists and those shared with one of `regions` (every shared one when `regions` is 'all'). */
export async function listVisiblePriorityLists(
  db: Kysely<Database>,
  userId: number,
  regions: readonly string[] | 'all',
): Promise<PriorityListRow[]> {
  return selectLists(db)
    .where((eb) =>
      eb.or([
        eb('priority_list.owner_id', '=', userId),
        regions === 'all'
          ? eb('priority_list.region_code', 'is not', null)
          : regions.length
            ? eb('priority_list.region_code', 'in', regions)
            : eb.lit(false),
      ]),
    )
    .orderBy('priority_list.region_code', (ob) => ob.nullsFirst())
    .orderBy((eb) => eb.fn('lower', ['priority_list.name']))
    .orderBy('priority_list.id')
    .execute()
}

export async function findPriorityList(
  db: Kysely<Database>,
  id: number,
): Promise<PriorityListRow | undefined> {
  return selectLists(db).where('priority_list.id', '=', id).executeTakeFirst()
}

/** Whether the owner already has a list of that name, whatever its case (another than `exceptId`). */
export async function ownerHasListNamed(
  db: Kysely<Database>,
  ownerId: number,
  name: string,
  exceptId?: number,
): Promise<boolean> {
  let query = db
    .selectFrom('priority_list')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', eb.fn('lower', [eb.val(name)])))
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId)
  return (await query.executeTakeFirst()) !== undefined
}

const row = (values: PriorityListValues) => ({
  name: values.name,
  region_code: values.region_code,
  criteria: JSON.stringify(values.criteria),
})

export async function insertPriorityList(
  session: Session,
  ownerId: number,
  values: PriorityListValues,
): Promise<number> {
  const inserted = await session.db
    .insertInto('priority_list')
    .values({ owner_id: ownerId, ...row(values) })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

export async function updatePriorityList(
  session: Session,
  id: number,
  values: PriorityListValues,
): Promise<void> {
  await session.db
    .updateTable('priority_list')
    .set({ ...row(values), updated_at: sql<string>`now()` })
    .where('id', '=', id)
    .execute()
}

export async function deletePriorityList(session: Session, id: number): Promise<void> {
  await session.db.deleteFrom('priority_list').where('id', '=', id).execute()
}
