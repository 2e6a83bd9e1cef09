// Sign-in sessions (stored by the sha256 of their token), failed sign-ins and OpenID Connect sign-ins in
// progress.
import { sql, type Kysely } from 'kysely'
import type { Session } from './database'
import type { Database } from './schema'

export async function insertSession(
  session: Session,
  row: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await session.db
    .insertInto('user_session')
    .values({
      token_hash: row.tokenHash,
      user_id: row.userId,
      csrf_token: row.csrfToken,
      expires_at: row.expiresAt.toISOString(),
    })
    .execute()
}

/**
 * The live session of a token hash, or undefined (unknown or expired). The account itself (disabled or not,
 * its scopes) is read by the caller, once.
 */
export async function findLiveSession(db: Kysely<Database>, tokenHash: string, now: Date) {
  return db
    .selectFrom('user_session')
    .select(['user_id', 'csrf_token', 'expires_at', 'last_seen_at'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst()
}

export async function touchSession(db: Kysely<Database>, tokenHash: string, now: Date, expiresAt: Date) {
  await db
    .updateTable('user_session')
    .set({ last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .where('token_hash', '=', tokenHash)
    .execute()
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute()
}

export async function deleteSessionsOfUser(session: Session, userId: number): Promise<void> {
  await session.db.deleteFrom('user_session').where('user_id', '=', userId).execute()
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('user_session').where('expires_at', '<=', now.toISOString()).execute()
}

export async function recordLoginFailure(
  db: Kysely<Database>,
  keys: readonly string[],
  at: Date,
): Promise<void> {
  await db
    .insertInto('login_failure')
    .values(keys.map((key) => ({ key, failed_at: at.toISOString() })))
    .execute()
}

/** Failures per key since a moment. */
export async function countLoginFailures(db: Kysely<Database>, keys: readonly string[], since: Date) {
  const rows = await db
    .selectFrom('login_failure')
    .select(['key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('key', 'in', keys as string[])
    .where('failed_at', '>', since.toISOString())
    .groupBy('key')
    .execute()
  return new Map(rows.map((r) => [r.key, Number(r.n)]))
}

export async function forgetLoginFailures(db: Kysely<Database>, key: string, before: Date): Promise<void> {
  await db
    .deleteFrom('login_failure')
    .where((eb) => eb.or([eb('key', '=', key), eb('failed_at', '<', before.toISOString())]))
    .execute()
}

export async function insertOidcPending(
  db: Kysely<Database>,
  row: { state: string; provider: string; nonce: string; codeVerifier: string; returnTo: string },
) {
  await db
    .insertInto('oidc_pending')
    .values({
      state: row.state,
      provider: row.provider,
      nonce: row.nonce,
      code_verifier: row.codeVerifier,
      return_to: row.returnTo,
    })
    .execute()
}

/** Takes (reads and deletes) a pending sign-in younger than `maxAgeSeconds`: a state works once. */
export async function takeOidcPending(db: Kysely<Database>, state: string, maxAgeSeconds: number) {
  return db
    .deleteFrom('oidc_pending')
    .where('state', '=', state)
    .where(sql<boolean>`created_at > now() - make_interval(secs => ${maxAgeSeconds})`)
    .returningAll()
    .executeTakeFirst()
}
