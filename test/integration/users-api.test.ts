// The accounts API: only the administrator manages accounts, every write is journaled (before, after,
// never a password hash), and a disabled account's session stops at once.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/domain/access/roles'
import type { Scope } from '../../src/domain/access/scope'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { signIn, type ApiClient } from '../support/api-session'

let store: Store
let app: FastifyInstance
let admin: ApiClient
beforeAll(async () => {
  store = await freshStore()
  app = await buildServer({ store, webRoot: '/nonexistent' })
  admin = await signIn(app, store, { role: 'admin', email: 'admin@test.jalon.fr' })
})
afterAll(async () => {
  await app?.close()
  await store?.close()
})

let serial = 0
const newAccount = (fields: Record<string, unknown> = {}) => ({
  email: `compte-${++serial}@ars.sante.fr`,
  displayName: `Compte ${serial}`,
  role: 'regional',
  organisation: 'ARS Bretagne',
  scopes: [{ kind: 'region', code: '53' }],
  ...fields,
})

async function lastAuditId(): Promise<number> {
  const row = await store.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirstOrThrow()
  return Number(row.id ?? 0)
}

/** The journal rows written since `since`. */
async function auditSince(since: number) {
  return store.db.selectFrom('audit_event').selectAll().where('id', '>', since).orderBy('id').execute()
}

/** Runs a write and returns its answer and the journal rows it left. */
async function journaled<T>(write: () => Promise<T>) {
  const since = await lastAuditId()
  const answer = await write()
  const rows = await auditSince(since)
  // No hash of any kind, whatever the action.
  expect(JSON.stringify(rows)).not.toMatch(/argon2|password_hash|passwordHash/)
  return { answer, rows }
}

describe('who may manage accounts', () => {
  const NOT_ADMIN: [Role, Scope[]][] = [
    ['national', []],
    ['regional', [{ kind: 'region', code: '53' }]],
    ['establishment', [{ kind: 'ej', code: '350000048' }]],
    ['observer', [{ kind: 'departement', code: '35' }]],
  ]

  it.each(NOT_ADMIN)('%s gets 403 on every route, in French', async (role, scopes) => {
    const client = await signIn(app, store, { role, scopes })
    const target = admin.user.id
    const answers = [
      await client.get('/api/users'),
      await client.send('POST', '/api/users', newAccount()),
      await client.send('PATCH', `/api/users/${target}`, { displayName: 'Pirate' }),
      await client.send('DELETE', `/api/users/${target}`),
      await client.send('POST', `/api/users/${target}/scopes`, { kind: 'france' }),
      await client.send('DELETE', `/api/users/${target}/scopes?kind=region&code=53`),
    ]
    for (const a of answers) {
      expect(a.status).toBe(403)
      expect(a.body.error).toBe('La gestion des comptes est réservée à l’administrateur national.')
    }
  })

  it('refuses anonymous requests with 401', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/users' })
    expect(list.statusCode).toBe(401)
    const create = await app.inject({ method: 'POST', url: '/api/users', payload: newAccount() })
    expect(create.statusCode).toBe(401)
  })

  it('refuses a write without the CSRF header, and creates nothing', async () => {
    const account = newAccount()
    const r = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: account,
      headers: { 'x-csrf-token': '' },
    })
    expect(r.statusCode).toBe(403)
    expect(r.json().error).toMatch(/CSRF/)
    const list = await admin.get('/api/users')
    expect(list.body.map((u: { email: string }) => u.email)).not.toContain(account.email)
  })
})

describe('the administrator', () => {
  it('creates an account (201), journaled without its password', async () => {
    const account = newAccount({ password: 'un-mot-de-passe-solide', email: '  Claire.Martin@ARS.sante.fr ' })
    const { answer, rows } = await journaled(() => admin.send('POST', '/api/users', account))
    expect(answer.status).toBe(201)
    expect(answer.body).toEqual({
      id: expect.any(Number),
      email: 'claire.martin@ars.sante.fr',
      displayName: account.displayName,
      role: 'regional',
      organisation: 'ARS Bretagne',
      scopes: [{ kind: 'region', code: '53' }],
    })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      action: 'user.create',
      actor_id: admin.user.id,
      actor_label: 'admin@test.jalon.fr',
      entity_kind: 'user',
      entity_id: String(answer.body.id),
      before: null,
      after: {
        email: 'claire.martin@ars.sante.fr',
        role: 'regional',
        disabled: false,
        scopes: ['Région 53'],
      },
    })
    expect(JSON.stringify(rows[0])).not.toContain('un-mot-de-passe-solide')
  })

  it('lists accounts with their scopes and sign-in ways', async () => {
    const created = await admin.send('POST', '/api/users', newAccount({ role: 'observer', scopes: [] }))
    const { status, body } = await admin.get('/api/users')
    expect(status).toBe(200)
    const listed = body.find((u: { id: number }) => u.id === created.body.id)
    expect(listed).toMatchObject({ role: 'observer', disabled: false, signIn: [], scopes: [] })
    expect(body.find((u: { id: number }) => u.id === admin.user.id)).toMatchObject({
      role: 'admin',
      signIn: ['local'],
    })
    expect(JSON.stringify(body)).not.toMatch(/argon2|password/i)
  })

  it('changes an account: before and after are journaled, a new password only as « modifié »', async () => {
    const created = await admin.send('POST', '/api/users', newAccount())
    const id = created.body.id
    const { answer, rows } = await journaled(() =>
      admin.send('PATCH', `/api/users/${id}`, {
        role: 'observer',
        displayName: 'Nouveau nom',
        password: 'un-autre-mot-de-passe',
      }),
    )
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ id, role: 'observer', displayName: 'Nouveau nom' })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      action: 'user.update',
      entity_id: String(id),
      before: { role: 'regional', displayName: created.body.displayName },
      after: { role: 'observer', displayName: 'Nouveau nom', password: 'modifié' },
    })
  })

  it('grants and revokes a scope (204), each journaled once', async () => {
    const created = await admin.send('POST', '/api/users', newAccount({ scopes: [] }))
    const id = created.body.id
    const granted = await journaled(() =>
      admin.send('POST', `/api/users/${id}/scopes`, { kind: 'departement', code: '35' }),
    )
    expect(granted.answer.status).toBe(204)
    expect(granted.rows).toHaveLength(1)
    expect(granted.rows[0]).toMatchObject({
      action: 'scope.grant',
      entity_id: String(id),
      before: null,
      after: { scope: 'Département 35', kind: 'departement', code: '35' },
    })

    const revoked = await journaled(() =>
      admin.send('DELETE', `/api/users/${id}/scopes?kind=departement&code=35`),
    )
    expect(revoked.answer.status).toBe(204)
    expect(revoked.rows).toHaveLength(1)
    expect(revoked.rows[0]).toMatchObject({
      action: 'scope.revoke',
      before: { scope: 'Département 35' },
      after: null,
    })
    const again = await admin.send('DELETE', `/api/users/${id}/scopes?kind=departement&code=35`)
    expect(again.status).toBe(404)
    expect(again.body.error).toMatch(/n’a pas le périmètre Département 35/)
  })

  it('deletes an account (204), journaled with what it was', async () => {
    const created = await admin.send('POST', '/api/users', newAccount())
    const id = created.body.id
    const { answer, rows } = await journaled(() => admin.send('DELETE', `/api/users/${id}`))
    expect(answer.status).toBe(204)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      action: 'user.delete',
      entity_id: String(id),
      before: { email: created.body.email, scopes: ['Région 53'] },
      after: null,
    })
    expect((await admin.send('DELETE', `/api/users/${id}`)).status).toBe(404)
    expect((await admin.send('PATCH', `/api/users/${id}`, { displayName: 'X' })).status).toBe(404)
  })

  it.each([
    ['an invalid e-mail', { email: 'pas-une-adresse' }, 'email', /adresse électronique attendue/],
    ['an unknown role', { role: 'superuser' }, 'role', /./],
    ['an unknown scope kind', { scopes: [{ kind: 'planete', code: 'terre' }] }, 'scopes', /./],
    ['a short password', { password: 'court' }, 'password', /12 caractères au moins/],
  ])('refuses %s with 400', async (_what, fields, field, message) => {
    const { status, body } = await admin.send('POST', '/api/users', newAccount(fields))
    expect(status).toBe(400)
    expect(body.error).toBe('Requête invalide')
    const detail = body.details.find((d: { field: string }) => d.field.startsWith(field))
    expect(detail?.message).toMatch(message)
  })

  it('refuses a scope code of the wrong shape with a French message', async () => {
    const created = await admin.send(
      'POST',
      '/api/users',
      newAccount({ scopes: [{ kind: 'region', code: 'Bretagne' }] }),
    )
    expect(created.status).toBe(400)
    expect(created.body.error).toBe('Code région invalide : « Bretagne » (2 chiffres).')
    const granted = await admin.send('POST', `/api/users/${admin.user.id}/scopes`, { kind: 'eg', code: '12' })
    expect(granted.status).toBe(400)
    expect(granted.body.error).toMatch(/Numéro FINESS invalide/)
  })

  it('refuses a second account with the same e-mail (409)', async () => {
    const account = newAccount()
    expect((await admin.send('POST', '/api/users', account)).status).toBe(201)
    const again = await admin.send('POST', '/api/users', { ...account, email: account.email.toUpperCase() })
    expect(again.status).toBe(409)
    expect(again.body.error).toBe(`Un compte existe déjà pour ${account.email}.`)
  })

  it('cannot disable, demote or delete itself', async () => {
    const id = admin.user.id
    const since = await lastAuditId()
    for (const changes of [{ disabled: true }, { role: 'national' }]) {
      const r = await admin.send('PATCH', `/api/users/${id}`, changes)
      expect(r.status).toBe(400)
      expect(r.body.error).toMatch(/ne peut ni se désactiver ni se retirer son propre rôle/)
    }
    const deleted = await admin.send('DELETE', `/api/users/${id}`)
    expect(deleted.status).toBe(400)
    expect(await auditSince(since)).toEqual([])
    expect((await admin.get('/api/users')).status).toBe(200)
  })

  it('ends the sessions of an account it disables, and its sign-in', async () => {
    const regional = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: '53' }] })
    expect((await regional.get('/api/auth/me')).status).toBe(200)
    const { answer, rows } = await journaled(() =>
      admin.send('PATCH', `/api/users/${regional.user.id}`, { disabled: true }),
    )
    expect(answer.status).toBe(200)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ before: { disabled: false }, after: { disabled: true } })
    expect((await regional.get('/api/auth/me')).status).toBe(401)
    expect((await regional.get('/api/structures')).status).toBe(401)
    const listed = (await admin.get('/api/users')).body.find((u: { id: number }) => u.id === regional.user.id)
    expect(listed.disabled).toBe(true)
  })
})
