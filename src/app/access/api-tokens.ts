// API tokens for machines (a regional CRM): created by an administrator for one account and shown once,
// listed, revoked; and the account a request's `Authorization: Bearer` token stands for. A token has
// exactly its account's role and scopes; only its sha256 is stored, as for sessions.
import { createHash, randomBytes } from 'node:crypto'
import type { SessionUser } from '../../domain/contract/access'
import type { ApiToken, ApiTokenCreated, ApiTokenInput } from '../../domain/contract/api-tokens'
import { findUserById } from '../../store/accounts'
import {
  findApiToken,
  findLiveApiToken,
  hasLiveTokenNamed,
  insertApiToken,
  listApiTokenRows,
  revokeApiTokenRow,
  touchApiToken,
  type ApiTokenRow,
} from '../../store/api-tokens'
import { insertAuditEvents } from '../../store/audit'
import type { Store } from '../../store/database'
import type { Actor } from './actor'
import { findSessionUser } from './users'

/** A refusal the administrator can act on (HTTP 400/404/409). */
export class ApiTokenError extends Error {
  constructor(
    message: string,
    readonly statusCode: 400 | 404 | 409,
  ) {
    super(message)
  }
}

/** A recognisable prefix (secret scanners, logs) and 256 random bits. */
const TOKEN_PREFIX = 'jalon_'
const TOKEN_SHAPE = /^jalon_[A-Za-z0-9_-]{43}$/
const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex')
const iso = (timestamp: string | null) => (timestamp ? new Date(timestamp).toISOString() : null)

/** How the journal names a write made with a token: the account and the token's name. */
export const tokenActorLabel = (email: string, tokenName: string) => `${email} (jeton « ${tokenName} »)`

function present(row: ApiTokenRow, now: Date): ApiToken {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    userEmail: row.user_email,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: iso(row.last_used_at),
    expiresAt: new Date(row.expires_at).toISOString(),
    revokedAt: iso(row.revoked_at),
    state: row.revoked_at ? 'révoqué' : Date.parse(row.expires_at) <= now.getTime() ? 'expiré' : 'actif',
  }
}

export async function createApiToken(
  store: Store,
  actor: Actor,
  userId: number,
  input: ApiTokenInput,
  now: Date,
): Promise<ApiTokenCreated> {
  const account = await findUserById(store.db, userId)
  if (!account) throw new ApiTokenError(`Aucun compte n°${userId}.`, 404)
  if (account.disabled_at) throw new ApiTokenError(`Le compte ${account.email} est désactivé.`, 400)
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000)
  const id = await store.transaction(async (session) => {
    if (await hasLiveTokenNamed(session.db, userId, input.name))
      throw new ApiTokenError(
        `${account.email} a déjà un jeton nommé « ${input.name} » : révoquez-le ou choisissez un autre nom.`,
        409,
      )
    const created = await insertApiToken(session, {
      name: input.name,
      tokenHash: sha256(token),
      userId,
      createdBy: actor.id,
      expiresAt,
    })
    await insertAuditEvents(session, [
      {
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'api_token.create',
        entityKind: 'api_token',
        entityId: String(created),
        // Never the token nor its hash.
        after: { name: input.name, user: account.email, expiresAt: expiresAt.toISOString() },
      },
    ])
    return created
  })
  const row = await findApiToken(store.db, id)
  if (!row) throw new Error(`jeton n°${id} introuvable après sa création`)
  return { ...present(row, now), token }
}

export async function listApiTokens(store: Store, now: Date, userId?: number): Promise<ApiToken[]> {
  return (await listApiTokenRows(store.db, userId)).map((r) => present(r, now))
}

export async function revokeApiToken(store: Store, actor: Actor, id: number, now: Date): Promise<ApiToken> {
  await store.transaction(async (session) => {
    const row = await findApiToken(session.db, id)
    if (!row) throw new ApiTokenError(`Aucun jeton d’API n°${id}.`, 404)
    if (row.revoked_at) throw new ApiTokenError(`Le jeton « ${row.name} » est déjà révoqué.`, 409)
    await revokeApiTokenRow(session, id, now)
    await insertAuditEvents(session, [
      {
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'api_token.revoke',
        entityKind: 'api_token',
        entityId: String(id),
        before: { name: row.name, user: row.user_email },
      },
    ])
  })
  const row = await findApiToken(store.db, id)
  if (!row) throw new ApiTokenError(`Aucun jeton d’API n°${id}.`, 404)
  return present(row, now)
}

/**
 * The account a Bearer token acts as, or undefined (malformed, unknown, revoked, expired, or its account
 * disabled). Its `email` is the journal's label for the request's writes, naming the token: every use
 * case journals the writer by that field.
 */
export async function resumeApiToken(
  store: Store,
  token: string,
  now: Date,
): Promise<SessionUser | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined
  const live = await findLiveApiToken(store.db, sha256(token), now)
  if (!live) return undefined
  const user = await findSessionUser(store, live.user_id)
  if (!user) return undefined
  // Written at most once a minute: a CRM's synchronisation makes many requests at once.
  if (!live.last_used_at || now.getTime() - Date.parse(live.last_used_at) > 60_000)
    await touchApiToken(store.db, live.id, now)
  return { ...user, email: tokenActorLabel(user.email, live.name) }
}
