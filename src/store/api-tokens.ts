// API tokens, stored by the sha256 of their secret (as sessions are): found by that hash when live,
// listed with their account, revoked (kept, for the journal and the list) rather than deleted.
import type { Kysely } from 'kysely'
import type { Session } from './database'
import type { Database } from './schema'

export interface ApiTokenRow {
  id: number
  name: string
  user_id: number
  user_email: string
  created_at: string
  last_used_at: string | null
  expires_at: string
  revoked_at: string | null
}

function selectTokens(db: Kysely<Database>) {
  return db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .select([
      'api_token.id',
      'api_token.name',
      'api_token.user_id',
      'app_user.email as user_email',
      'api_token.created_at',
      'api_token.last_used_at',
      'api_token.expires_at',
      'api_token.revoked_at',
    ])
}

export async function insertApiToken(
  session: Session,
  row: { name: string; tokenHash: string; userId: number; createdBy: number | null; expiresAt: Date },
): Promise<number> {
  const inserted = await session.db
    .insertInto('api_token')
    .values({
      name: row.name,
      token_hash: row.tokenHash,
      user_id: row.userId,
      created_by: row.createdBy,
      expires_at: row.expiresAt.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

/** The token of a hash if it is neither revoked nor expired; the account itself is read by the caller. */
export async function findLiveApiToken(db: Kysely<Database>, tokenHash: string, now: Date) {
  return db
    .selectFrom('api_token')
    .select(['id', 'name', 'user_id', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst()
}

export async function touchApiToken(db: Kysely<Database>, id: number, now: Date): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: now.toISOString() }).where('id', '=', id).execute()
}

/** Every token, or one account's; the newest first. */
export async function listApiTokenRows(db: Kysely<Database>, userId?: number): Promise<ApiTokenRow[]> {
  let q = selectTokens(db)
  if (userId !== undefined) q = q.where('api_token.user_id', '=', userId)
  return q.orderBy('api_token.created_at', 'desc').orderBy('api_token.id', 'desc').execute()
}

export async function findApiToken(db: Kysely<Database>, id: number): Promise<ApiTokenRow | undefined> {
  return selectTokens(db).where('api_token.id', '=', id).executeTakeFirst()
}

/** Whether the account already has a token of that name that is not revoked (whatever its case). */
export async function hasLiveTokenNamed(
  db: Kysely<Database>,
  userId: number,
  name: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('api_token')
    .select('id')
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', eb.fn('lower', [eb.val(name)])))
    .executeTakeFirst()
  return row !== undefined
}

export async function revokeApiTokenRow(session: Session, id: number, now: Date): Promise<void> {
  await session.db
    .updateTable('api_token')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute()
}
