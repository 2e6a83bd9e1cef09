// Accounts and their scopes: created, changed and removed by an administrator (web app, API, CLI), each
// change journaled in its transaction. The first administrator is created on first start.
import type { SessionUser, UserAccount, UserChanges, UserInput } from '../../domain/contract/access'
import { isRole, type Role } from '../../domain/access/roles'
import { describeScope, isScopeKind, scopeCodeProblem, type Scope } from '../../domain/access/scope'
import {
  countUsers,
  deleteScope,
  deleteUser,
  findUserByEmail,
  findUserById,
  insertScope,
  insertUser,
  listIdentities,
  listUserRows,
  scopesOf,
  scopesOfUsers,
  updateUser,
  type UserRow,
} from '../../store/accounts'
import { insertAuditEvents } from '../../store/audit'
import type { Store } from '../../store/database'
import { deleteSessionsOfUser } from '../../store/sessions'
import type { Actor } from './actor'
import { generatePassword, hashPassword } from './passwords'

/** A refusal the user can act on (HTTP 400/404/409). */
export class AccountError extends Error {
  constructor(
    message: string,
    readonly statusCode: 400 | 404 | 409 = 400,
  ) {
    super(message)
  }
}

function toScopes(rows: readonly { kind: string; code: string }[]): Scope[] {
  return rows.filter((r) => isScopeKind(r.kind)).map((r) => ({ kind: r.kind as Scope['kind'], code: r.code }))
}

function roleOf(row: UserRow): Role {
  if (!isRole(row.role)) throw new Error(`rôle inconnu en base pour le compte ${row.id} : ${row.role}`)
  return row.role
}

function toSessionUser(row: UserRow, scopes: Scope[]): SessionUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: roleOf(row),
    organisation: row.organisation,
    scopes,
  }
}

/** What the journal keeps of an account: never its password hash. */
function snapshot(row: UserRow, scopes?: Scope[]) {
  return {
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    organisation: row.organisation,
    disabled: row.disabled_at !== null,
    ...(scopes ? { scopes: scopes.map(describeScope) } : {}),
  }
}

function checkScopes(scopes: readonly Scope[]): void {
  for (const s of scopes) {
    const problem = scopeCodeProblem(s)
    if (problem) throw new AccountError(problem)
  }
}

export async function findSessionUser(store: Store, id: number): Promise<SessionUser | undefined> {
  const row = await findUserById(store.db, id)
  if (!row || row.disabled_at) return undefined
  return toSessionUser(row, toScopes(await scopesOf(store.db, id)))
}

export async function listUsers(store: Store): Promise<UserAccount[]> {
  const rows = await listUserRows(store.db)
  const scopes = await scopesOfUsers(
    store.db,
    rows.map((r) => r.id),
  )
  const identities = await listIdentities(store.db)
  return rows.map((row) => ({
    ...toSessionUser(row, toScopes(scopes.filter((s) => s.user_id === row.id))),
    createdAt: row.created_at,
    disabled: row.disabled_at !== null,
    signIn: [
      ...(row.password_hash ? ['local'] : []),
      ...identities.filter((i) => i.user_id === row.id).map((i) => i.provider),
    ],
  }))
}

export async function createUser(store: Store, actor: Actor, input: UserInput): Promise<SessionUser> {
  checkScopes(input.scopes)
  const email = input.email.toLowerCase()
  if (await findUserByEmail(store.db, email))
    throw new AccountError(`Un compte existe déjà pour ${email}.`, 409)
  const passwordHash = input.password ? await hashPassword(input.password) : null
  return store.transaction(async (session) => {
    const row = await insertUser(session, {
      email,
      display_name: input.displayName,
      role: input.role,
      organisation: input.organisation ?? null,
      password_hash: passwordHash,
    })
    for (const s of input.scopes) await insertScope(session, row.id, s)
    await insertAuditEvents(session, [
      {
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'user.create',
        entityKind: 'user',
        entityId: String(row.id),
        after: snapshot(row, input.scopes),
      },
    ])
    return toSessionUser(row, input.scopes)
  })
}

async function existing(store: Store, id: number): Promise<UserRow> {
  const row = await findUserById(store.db, id)
  if (!row) throw new AccountError(`Aucun compte n°${id}.`, 404)
  return row
}

export async function changeUser(store: Store, actor: Actor, id: number, changes: UserChanges) {
  const before = await existing(store, id)
  if (actor.id === id && (changes.disabled || (changes.role && changes.role !== 'admin')))
    throw new AccountError('Un administrateur ne peut ni se désactiver ni se retirer son propre rôle.')
  const passwordHash = changes.password ? await hashPassword(changes.password) : undefined
  return store.transaction(async (session) => {
    const after = await updateUser(session, id, {
      ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.organisation !== undefined ? { organisation: changes.organisation } : {}),
      ...(passwordHash ? { password_hash: passwordHash } : {}),
      ...(changes.disabled !== undefined
        ? { disabled_at: changes.disabled ? (before.disabled_at ?? new Date().toISOString()) : null }
        : {}),
    })
    if (!after) throw new AccountError(`Aucun compte n°${id}.`, 404)
    // A new role, a new password or a disabled account signs out everywhere.
    if (changes.disabled || changes.role || passwordHash) await deleteSessionsOfUser(session, id)
    await insertAuditEvents(session, [
      {
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'user.update',
        entityKind: 'user',
        entityId: String(id),
        before: snapshot(before),
        after: { ...snapshot(after), ...(passwordHash ? { password: 'modifié' } : {}) },
      },
    ])
    return toSessionUser(after, toScopes(await scopesOf(session.db, id)))
  })
}

export async function removeUser(store: Store, actor: Actor, id: number): Promise<void> {
  const before = await existing(store, id)
  if (actor.id === id) throw new AccountError('Un administrateur ne peut pas supprimer son propre compte.')
  await store.transaction(async (session) => {
    const scopes = toScopes(await scopesOf(session.db, id))
    await deleteUser(session, id)
    await insertAuditEvents(session, [
      {
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'user.delete',
        entityKind: 'user',
        entityId: String(id),
        before: snapshot(before, scopes),
      },
    ])
  })
}

export async function grantScope(store: Store, actor: Actor, id: number, scope: Scope) {
  checkScopes([scope])
  const user = await existing(store, id)
  await store.transaction(async (session) => {
    if (!(await insertScope(session, id, scope))) return
    await deleteSessionsOfUser(session, id)
    await insertAuditEvents(session, [
      {
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'scope.grant',
        entityKind: 'user',
        entityId: String(id),
        after: { user: user.email, scope: describeScope(scope), kind: scope.kind, code: scope.code },
      },
    ])
  })
}

export async function revokeScope(store: Store, actor: Actor, id: number, scope: Scope) {
  const user = await existing(store, id)
  const removed = await store.transaction(async (session) => {
    if (!(await deleteScope(session, id, scope))) return false
    await insertAuditEvents(session, [
      {
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'scope.revoke',
        entityKind: 'user',
        entityId: String(id),
        before: { user: user.email, scope: describeScope(scope), kind: scope.kind, code: scope.code },
      },
    ])
    return true
  })
  if (!removed) throw new AccountError(`${user.email} n’a pas le périmètre ${describeScope(scope)}.`, 404)
}

export async function findUserIdByEmail(store: Store, email: string): Promise<number> {
  const row = await findUserByEmail(store.db, email.trim().toLowerCase())
  if (!row) throw new AccountError(`Aucun compte pour ${email}.`, 404)
  return row.id
}

export interface FirstAdmin {
  email: string
  /** Printed once when generated; absent when it came from JALON_ADMIN_PASSWORD. */
  generatedPassword: string | null
}

/**
 * On first start (no account yet), creates the national administrator: JALON_ADMIN_EMAIL (default
 * admin@jalon.local) with JALON_ADMIN_PASSWORD, or a generated password the caller prints once.
 */
export async function ensureFirstAdmin(
  store: Store,
  env: { email?: string | undefined; password?: string | undefined },
): Promise<FirstAdmin | null> {
  if ((await countUsers(store.db)) > 0) return null
  const email = (env.email || 'admin@jalon.local').trim().toLowerCase()
  if (env.password !== undefined && env.password.length < 12)
    throw new AccountError('JALON_ADMIN_PASSWORD doit compter 12 caractères au moins.')
  const password = env.password || generatePassword()
  await createUser(
    store,
    { id: null, label: 'premier démarrage' },
    { email, displayName: 'Administrateur', role: 'admin', organisation: null, password, scopes: [] },
  )
  return { email, generatedPassword: env.password ? null : password }
}
