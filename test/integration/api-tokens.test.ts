// API tokens: created by the administrator and shown once, stored as a sha256 only; a request with
// `Authorization: Bearer` acts as the token's account — its role and scopes, no CSRF token, no cookie —
// and its writes are journaled under the token's name; revoked, expired, unknown or malformed → 401.
import { createHash } from 'node:crypto'
import type { FastifyInstance, InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { signIn, type ApiClient } from '../support/api-session'
import { createTestUser } from '../support/browser'
import { importSeedSites } from '../support/seed-sites'

const BERGERAC = '240000372' // région 75
const AIN = '010000024' // région 84

let store: Store
let app: FastifyInstance
let admin: ApiClient
let crmAccountId: number
let crmEmail: string
let clock = new Date()

beforeAll(async () => {
  store = await freshStore()
  await importSeedSites(store)
  // The server's clock is the test's: a token expires when the test moves it.
  app = await buildServer({ store, webRoot: '/nonexistent', auth: { now: () => clock } })
  admin = await signIn(app, store, { role: 'admin' })
  const crm = await createTestUser(store, {
    role: 'regional',
    scopes: [{ kind: 'region', code: '75' }],
    displayName: 'CRM ARS Nouvelle-Aquitaine',
  })
  crmAccountId = crm.id
  crmEmail = crm.email
}, 120_000)
afterAll(async () => {
  await app?.close()
  await store?.close()
})

const withToken = (token: string, options: InjectOptions) =>
  app.inject({ ...options, headers: { authorization: `Bearer ${token}`, ...(options.headers ?? {}) } })
const newToken = async (userId: number, name: string, expiresInDays?: number) => {
  const answer = await admin.send('POST', `/api/users/${userId}/tokens`, { name, expiresInDays })
  if (answer.status !== 201) throw new Error(JSON.stringify(answer.body))
  return answer.body as { id: number; token: string; name: string; expiresAt: string }
}
const MEETING = { kind: 'reunion', subject: 'Réunion de lancement INSi' }

describe('a token', () => {
  it('is shown once at its creation and stored as its sha256 only', async () => {
    const created = await newToken(crmAccountId, 'CRM Bretagne')
    expect(created.token).toMatch(/^jalon_[A-Za-z0-9_-]{43}$/)
    expect(created).toMatchObject({
      name: 'CRM Bretagne',
      userId: crmAccountId,
      state: 'actif',
      lastUsedAt: null,
    })
    const row = await store.db
      .selectFrom('api_token')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow()
    expect(row.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'))
    expect(JSON.stringify(row)).not.toContain(created.token)
    const listed = (await admin.get('/api/tokens')).body as object[]
    expect(JSON.stringify(listed)).not.toContain(created.token)
    expect(listed).toContainEqual(expect.objectContaining({ id: created.id, userEmail: crmEmail }))
    expect((await admin.get(`/api/users/${crmAccountId}/tokens`)).body).toHaveLength(1)
    const journal = await store.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_kind', '=', 'api_token')
      .execute()
    expect(journal.map((r) => [r.action, r.entity_id, r.actor_label])).toEqual([
      ['api_token.create', String(created.id), admin.user.email],
    ])
    expect(JSON.stringify(journal)).not.toContain(created.token)
    expect(JSON.stringify(journal)).not.toContain(row.token_hash)
    // One live token of a name per account.
    expect(
      (await admin.send('POST', `/api/users/${crmAccountId}/tokens`, { name: 'crm bretagne' })).status,
    ).toBe(409)
  })

  it('reads and writes without cookie nor CSRF token, as its account, journaled under its name', async () => {
    const { token } = await newToken(crmAccountId, 'Synchronisation nocturne')
    const me = await withToken(token, { method: 'GET', url: '/api/auth/me' })
    expect(me.statusCode).toBe(200)
    expect(me.json().user).toMatchObject({ id: crmAccountId, role: 'regional' })
    const created = await withToken(token, {
      method: 'POST',
      url: `/api/structures/${BERGERAC}/actions`,
      payload: MEETING,
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id as number
    const upsert = await withToken(token, {
      method: 'PUT',
      url: '/api/actions/external/crm-na/42',
      payload: { finess: BERGERAC, ...MEETING },
    })
    expect(upsert.statusCode).toBe(201)
    expect((await withToken(token, { method: 'GET', url: '/api/actions' })).json().total).toBe(2)
    const journal = await store.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_kind', '=', 'action')
      .orderBy('id')
      .execute()
    expect(journal.map((r) => [r.action, r.actor_id, r.actor_label])).toEqual([
      ['action.create', crmAccountId, `${crmEmail} (jeton « Synchronisation nocturne »)`],
      ['action.create', crmAccountId, `${crmEmail} (jeton « Synchronisation nocturne »)`],
    ])
    const used = await store.db
      .selectFrom('api_token')
      .select('last_used_at')
      .where('name', '=', 'Synchronisation nocturne')
      .executeTakeFirstOrThrow()
    expect(used.last_used_at).not.toBeNull()
    expect((await admin.get(`/api/actions/${id}`)).body.createdByName).toBe('CRM ARS Nouvelle-Aquitaine')
  })

  it('is bound by its account’s scopes and role', async () => {
    const { token } = await newToken(crmAccountId, 'Périmètre')
    expect(
      (await withToken(token, { method: 'GET', url: `/api/structures/${AIN}/actions` })).statusCode,
    ).toBe(403)
    expect(
      (await withToken(token, { method: 'POST', url: `/api/structures/${AIN}/actions`, payload: MEETING }))
        .statusCode,
    ).toBe(403)
    // Account and token administration stays the administrator's.
    for (const [method, url] of [
      ['GET', '/api/users'],
      ['GET', '/api/tokens'],
      ['POST', `/api/users/${crmAccountId}/tokens`],
      ['PATCH', `/api/users/${crmAccountId}`],
    ] as const) {
      const answer = await withToken(token, {
        method,
        url,
        payload: method === 'GET' ? undefined : { name: 'x', role: 'admin' },
      })
      expect(answer.statusCode, `${method} ${url}`).toBe(403)
    }
    expect((await admin.get('/api/users')).body.find((u: { id: number }) => u.id === crmAccountId).role).toBe(
      'regional',
    )
    // An administrator's token does administer: it has exactly its account's role.
    const adminToken = (await newToken(admin.user.id, 'Script d’administration')).token
    expect((await withToken(adminToken, { method: 'GET', url: '/api/users' })).statusCode).toBe(200)
  })

  it('is refused (401) when revoked, expired, unknown or malformed, and when its account is disabled', async () => {
    const revoked = await newToken(crmAccountId, 'À révoquer')
    const read = (token: string) => withToken(token, { method: 'GET', url: '/api/actions' })
    expect((await read(revoked.token)).statusCode).toBe(200)
    const revocation = await admin.send('DELETE', `/api/tokens/${revoked.id}`)
    expect(revocation.body).toMatchObject({ state: 'révoqué' })
    expect((await admin.send('DELETE', `/api/tokens/${revoked.id}`)).status).toBe(409)

    const expiring = await newToken(crmAccountId, 'Un jour', 1)
    expect((await read(expiring.token)).statusCode).toBe(200)
    clock = new Date(Date.parse(expiring.expiresAt) + 1000)
    const forged = `jalon_${'A'.repeat(43)}`
    for (const token of [revoked.token, expiring.token, forged, 'pas-un-jeton', ''])
      for (const options of [
        { method: 'GET', url: '/api/actions' },
        { method: 'POST', url: `/api/structures/${BERGERAC}/actions`, payload: MEETING },
        // Even with a valid session cookie beside it: the token is the request's credential.
        { method: 'GET', url: '/api/auth/me', headers: { cookie: admin.cookie } },
      ] as InjectOptions[]) {
        const answer = await withToken(token, options)
        expect(answer.statusCode, `${token} ${options.method} ${options.url}`).toBe(401)
        expect(answer.json().error).toBe('Jeton d’API inconnu, révoqué ou expiré.')
      }
    clock = new Date()

    const live = await newToken(crmAccountId, 'Compte désactivé')
    expect((await read(live.token)).statusCode).toBe(200)
    expect((await admin.send('PATCH', `/api/users/${crmAccountId}`, { disabled: true })).status).toBe(200)
    expect((await read(live.token)).statusCode).toBe(401)
    await admin.send('PATCH', `/api/users/${crmAccountId}`, { disabled: false })
    expect((await read(live.token)).statusCode).toBe(200)
    const revocations = await store.db
      .selectFrom('audit_event')
      .select('actor_label')
      .where('action', '=', 'api_token.revoke')
      .execute()
    expect(revocations).toEqual([{ actor_label: admin.user.email }])
  })

  it('is created for an existing, active account only, with a name and a bounded lifetime', async () => {
    expect((await admin.send('POST', '/api/users/999999/tokens', { name: 'Fantôme' })).status).toBe(404)
    for (const body of [
      { name: '  ' },
      { name: 'x'.repeat(81) },
      { name: 'Trop long', expiresInDays: 1096 },
      { name: 'ok', scope: 'all' },
    ]) {
      const answer = await admin.send('POST', `/api/users/${crmAccountId}/tokens`, body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
    }
  })
})
