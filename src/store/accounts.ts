// User accounts, their scopes and their OpenID Connect identities.
import type { Kysely } from 'kysely'
import type { Session } from './database'
import type { Database } from './schema'

export interface UserRow {
  id: number
  email: string
  display_name: string
  role: string
  organisation: string | null
  password_hash: string | null
  created_at: string
  disabled_at: string | null
}

export interface ScopeRow {
  kind: string
  code: string
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst()
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findUserByIdentity(
  db: Kysely<Database>,
  provider: string,
  subject: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('user_identity')
    .innerJoin('app_user', 'app_user.id', 'user_identity.user_id')
    .selectAll('app_user')
    .where('provider', '=', provider)
    .where('subject', '=', subject)
    .executeTakeFirst()
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function listUserRows(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('app_user').selectAll().orderBy('email').execute()
}

export async function scopesOf(db: Kysely<Database>, userId: number): Promise<ScopeRow[]> {
  return db
    .selectFrom('user_scope')
    .select(['kind', 'code'])
    .where('user_id', '=', userId)
    .orderBy('kind')
    .orderBy('code')
    .execute()
}

export async function scopesOfUsers(db: Kysely<Database>, userIds: readonly number[]) {
  if (userIds.length === 0) return []
  return db
    .selectFrom('user_scope')
    .select(['user_id', 'kind', 'code'])
    .where('user_id', 'in', userIds as number[])
    .orderBy('kind')
    .orderBy('code')
    .execute()
}

export async function insertUser(
  session: Session,
  user: Pick<UserRow, 'email' | 'display_name' | 'role' | 'organisation' | 'password_hash'>,
): Promise<UserRow> {
  return session.db.insertInto('app_user').values(user).returningAll().executeTakeFirstOrThrow()
}

export async function updateUser(
  session: Session,
  id: number,
  changes: Partial<Pick<UserRow, 'display_name' | 'role' | 'organisation' | 'password_hash' | 'disabled_at'>>,
): Promise<UserRow | undefined> {
  return session.db
    .updateTable('app_user')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}

export async function deleteUser(session: Session, id: number): Promise<void> {
  await session.db.deleteFrom('app_user').where('id', '=', id).execute()
}

export async function insertScope(session: Session, userId: number, scope: ScopeRow): Promise<boolean> {
  const rows = await session.db
    .insertInto('user_scope')
    .values({ user_id: userId, kind: scope.kind, code: scope.code })
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .execute()
  return rows.length > 0
}

export async function deleteScope(session: Session, userId: number, scope: ScopeRow): Promise<boolean> {
  const rows = await session.db
    .deleteFrom('user_scope')
    .where('user_id', '=', userId)
    .where('kind', '=', scope.kind)
    .where('code', '=', scope.code)
    .returning('user_id')
    .execute()
  return rows.length > 0
}

export async function insertIdentity(session: Session, provider: string, subject: string, userId: number) {
  await session.db.insertInto('user_identity').values({ provider, subject, user_id: userId }).execute()
}

export async function listIdentities(db: Kysely<Database>) {
  return db.selectFrom('user_identity').select(['user_id', 'provider']).execute()
}
