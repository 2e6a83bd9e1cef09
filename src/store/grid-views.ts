// Saved views of the tracking grid, and the régions a user's scopes lie in (who sees a région's views).
import { sql, type Kysely } from 'kysely'
import type { Scope } from '../domain/access/scope'
import type { Session } from './database'
import { siteWithinScopes } from './places'
import type { Database } from './schema'

export interface GridViewRow {
  id: number
  owner_id: number
  owner_name: string
  name: string
  region_code: string | null
  query: string
  created_at: string
  updated_at: string
}

export interface GridViewValues {
  name: string
  region_code: string | null
  query: string
}

function selectViews(db: Kysely<Database>) {
  return db
    .selectFrom('grid_view')
    .innerJoin('app_user', 'app_user.id', 'grid_view.owner_id')
    .select([
      'grid_view.id',
      'grid_view.owner_id',
      'app_user.display_name as owner_name',
      'grid_view.name',
      'grid_view.region_code',
      'grid_view.query',
      'grid_view.created_at',
      'grid_view.updated_at',
    ])
}

/**
 * The régions a user's scopes lie in or cover: région scopes, each département's région, and the région
 * of every site of its EJ, GHT and establishment scopes. (A France scope covers them all: the caller
 * checks it, as `seesAllFrance` does.)
 */
export async function regionsOfScopes(db: Kysely<Database>, scopes: readonly Scope[]): Promise<string[]> {
  const codes = (kind: Scope['kind']) => scopes.filter((s) => s.kind === kind).map((s) => s.code)
  const departements = codes('departement')
  const structures = scopes.filter((s) => s.kind === 'ej' || s.kind === 'eg' || s.kind === 'ght')
  const [ofDepartements, ofSites] = await Promise.all([
    departements.length
      ? db
          .selectFrom('departement')
          .select('region_code as region')
          .where('code', 'in', departements)
          .execute()
      : [],
    structures.length
      ? db
          .selectFrom('site')
          .select('site.region')
          .distinct()
          .where('site.region', 'is not', null)
          .where((eb) => siteWithinScopes(eb, structures))
          .execute()
      : [],
  ])
  const found = [...ofDepartements, ...ofSites].map((r) => r.region).filter((r): r is string => r !== null)
  return [...new Set([...codes('region'), ...found])].sort()
}

export async function regionCodes(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('region').select('code').orderBy('code').execute()).map((r) => r.code)
}

/** The user's own views and those shared with one of `regions` (every shared one when `regions` is 'all'). */
export async function listVisibleViews(
  db: Kysely<Database>,
  userId: number,
  regions: readonly string[] | 'all',
): Promise<GridViewRow[]> {
  return selectViews(db)
    .where((eb) =>
      eb.or([
        eb('grid_view.owner_id', '=', userId),
        regions === 'all'
          ? eb('grid_view.region_code', 'is not', null)
          : regions.length
            ? eb('grid_view.region_code', 'in', regions)
            : eb.lit(false),
      ]),
    )
    .orderBy('grid_view.region_code', (ob) => ob.nullsFirst())
    .orderBy((eb) => eb.fn('lower', ['grid_view.name']))
    .orderBy('grid_view.id')
    .execute()
}

export async function findView(db: Kysely<Database>, id: number): Promise<GridViewRow | undefined> {
  return selectViews(db).where('grid_view.id', '=', id).executeTakeFirst()
}

/** Whether the owner already has a view of that name, whatever its case (another than `exceptId`). */
export async function ownerHasViewNamed(
  db: Kysely<Database>,
  ownerId: number,
  name: string,
  exceptId?: number,
): Promise<boolean> {
  let query = db
    .selectFrom('grid_view')
    .select('id')
    .where('owner_id', '=', ownerId)
    // Both sides through the database's lower(), the same as the unique index.
    .where((eb) => eb(eb.fn('lower', ['name']), '=', eb.fn('lower', [eb.val(name)])))
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId)
  return (await query.executeTakeFirst()) !== undefined
}

export async function insertView(session: Session, ownerId: number, values: GridViewValues): Promise<number> {
  const row = await session.db
    .insertInto('grid_view')
    .values({ owner_id: ownerId, ...values })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateView(session: Session, id: number, values: GridViewValues): Promise<void> {
  await session.db
    .updateTable('grid_view')
    .set({ ...values, updated_at: sql<string>`now()` })
    .where('id', '=', id)
    .execute()
}

export async function deleteView(session: Session, id: number): Promise<void> {
  await session.db.deleteFrom('grid_view').where('id', '=', id).execute()
}
