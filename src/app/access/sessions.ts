// Signing in and out: a local account's password (rate-limited), or an account found by an OpenID Connect
// identity; the session lives in the database, the browser keeps only a random token.
import { createHash, randomBytes } from 'node:crypto'
import type { Me, SessionUser } from '../../domain/contract/access'
import { canImport, canManageUsers } from '../../domain/access/permissions'
import { findUserByEmail } from '../../store/accounts'
import { insertAuditEvents } from '../../store/audit'
import type { Store } from '../../store/database'
import {
  countLoginFailures,
  deleteExpiredSessions,
  deleteSession,
  findLiveSession,
  forgetLoginFailures,
  insertSession,
  recordLoginFailure,
  touchSession,
} from '../../store/sessions'
import { findSessionUser } from './users'
import { verifyPassword } from './passwords'

export interface SessionPolicy {
  /** A session ends after this long without a request. */
  idleMinutes: number
  /** Failed sign-ins allowed per account, and per address, within `lockMinutes`. */
  maxFailuresPerAccount: number
  maxFailuresPerAddress: number
  lockMinutes: number
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMinutes: 8 * 60,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 30,
  lockMinutes: 15,
}

export interface OpenedSession {
  token: string
  me: Me
  expiresAt: Date
}

export class SignInError extends Error {
  constructor(
    message: string,
    readonly statusCode: 401 | 429,
  ) {
    super(message)
  }
}

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex')

export function describeMe(user: SessionUser, csrfToken: string): Me {
  return { user, csrfToken, can: { import: canImport(user), manageUsers: canManageUsers(user) } }
}

export async function openSession(
  store: Store,
  user: SessionUser,
  how: string,
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  const expiresAt = new Date(now.getTime() + policy.idleMinutes * 60_000)
  await deleteExpiredSessions(store.db, now)
  await store.transaction(async (session) => {
    await insertSession(session, { tokenHash: sha256(token), userId: user.id, csrfToken, expiresAt })
    await insertAuditEvents(session, [
      {
        actorId: user.id,
        actorLabel: user.email,
        action: 'session.login',
        entityKind: 'session',
        after: { via: how },
      },
    ])
  })
  return { token, me: describeMe(user, csrfToken), expiresAt }
}

/** Checks a local account's password; refuses after too many failures for the account or the address. */
export async function signInWithPassword(
  store: Store,
  credentials: { email: string; password: string; address: string },
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<OpenedSession> {
  const email = credentials.email.trim().toLowerCase()
  const accountKey = `email:${email}`
  const addressKey = `ip:${credentials.address}`
  const keys = [accountKey, addressKey]
  const since = new Date(now.getTime() - policy.lockMinutes * 60_000)
  const failures = await countLoginFailures(store.db, keys, since)
  if (
    (failures.get(accountKey) ?? 0) >= policy.maxFailuresPerAccount ||
    (failures.get(addressKey) ?? 0) >= policy.maxFailuresPerAddress
  ) {
    throw new SignInError(
      `Trop de tentatives de connexion : réessayez dans ${policy.lockMinutes} minutes.`,
      429,
    )
  }
  const row = await findUserByEmail(store.db, email)
  const ok = await verifyPassword(row?.password_hash ?? null, credentials.password)
  const user = ok && row && !row.disabled_at ? await findSessionUser(store, row.id) : undefined
  if (!user) {
    await recordLoginFailure(store.db, keys, now)
    throw new SignInError('Adresse ou mot de passe incorrect.', 401)
  }
  await forgetLoginFailures(store.db, accountKey, since)
  return openSession(store, user, 'mot de passe', now, policy)
}

export interface LiveSession {
  user: SessionUser
  csrfToken: string
}

/** The session of a cookie's token, sliding its expiry; undefined when unknown, expired or disabled. */
export async function resumeSession(
  store: Store,
  token: string,
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<LiveSession | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined
  const hash = sha256(token)
  const live = await findLiveSession(store.db, hash, now)
  if (!live) return undefined
  const user = await findSessionUser(store, live.user_id)
  if (!user) return undefined
  // Written at most once a minute: a page makes several requests at once.
  if (now.getTime() - Date.parse(live.last_seen_at) > 60_000)
    await touchSession(store.db, hash, now, new Date(now.getTime() + policy.idleMinutes * 60_000))
  return { user, csrfToken: live.csrf_token }
}

export async function closeSession(store: Store, token: string, user: SessionUser): Promise<void> {
  await store.transaction(async (session) => {
    await deleteSession(session.db, sha256(token))
    await insertAuditEvents(session, [
      { actorId: user.id, actorLabel: user.email, action: 'session.logout', entityKind: 'session' },
    ])
  })
}
