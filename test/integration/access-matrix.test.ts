// The access matrix over the HTTP API: every role, inside and outside its scope, on every route that reads
// or writes a structure's data; every closed route refuses anonymous requests; writes need the CSRF token.
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/domain/access/roles'
import type { Scope } from '../../src/domain/access/scope'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { signIn, type ApiClient } from '../support/api-session'
import { DEMO, loadDemoReferential } from '../support/demo-referential'

const INSIDE = DEMO.chSaintBrieucSite // Côtes-d'Armor (22), EJ CH de Saint-Brieuc
let OUTSIDE = '' // a site of Ille-et-Vilaine (35), found in the referential

const SCOPES: Record<Role, Scope[]> = {
  admin: [],
  national: [],
  regional: [{ kind: 'departement', code: '22' }],
  establishment: [{ kind: 'ej', code: DEMO.chSaintBrieucEj }],
  observer: [{ kind: 'departement', code: '22' }],
}
const ROLES = Object.keys(SCOPES) as Role[]

let store: Store
let app: FastifyInstance
const clients = {} as Record<Role, ApiClient>

beforeAll(async () => {
  store = await freshStore()
  await loadDemoReferential(store)
  const row = await sql<{ finess_eg: string }>`
    select finess_eg from site where departement = '35' and closed_on is null order by finess_eg limit 1`.execute(
    store.db,
  )
  OUTSIDE = row.rows[0]?.finess_eg ?? ''
  app = await buildServer({ store, webRoot: '/nonexistent' })
  for (const role of ROLES) clients[role] = await signIn(app, store, { role, scopes: SCOPES[role] })
}, 120_000)
afterAll(async () => {
  await app?.close()
  await store?.close()
})

const FULL_VIEW: Role[] = ['admin', 'national']
const sees = (role: Role, finess: string) => FULL_VIEW.includes(role) || finess === INSIDE

describe('reads stay within the scope', () => {
  it.each(ROLES)('%s: a structure, its values and its fields, inside and outside', async (role) => {
    const c = clients[role]
    for (const finess of [INSIDE, OUTSIDE]) {
      const expected = sees(role, finess) ? 200 : 403
      expect((await c.get(`/api/structures/${finess}`)).status, `${role} ${finess}`).toBe(expected)
      expect((await c.get(`/api/structures/${finess}/observations`)).status).toBe(expected)
      expect((await c.get(`/api/structures/${finess}/fields`)).status).toBe(expected)
    }
  })

  it.each(ROLES)('%s: a search lists only the structures of its scope', async (role) => {
    const { body } = await clients[role].get('/api/structures?pageSize=500&status=all')
    const departements = new Set(body.items.map((s: { departement: string }) => s.departement))
    if (FULL_VIEW.includes(role)) expect(body.total).toBeGreaterThan(1000)
    else if (role === 'establishment') {
      expect(body.items.every((s: { finessEj: string }) => s.finessEj === DEMO.chSaintBrieucEj)).toBe(true)
      expect(body.total).toBe(DEMO.chSaintBrieucSites.length)
    } else expect([...departements]).toEqual(['22'])
    // Asking for another département by filter gives nothing rather than a leak.
    const other = await clients[role].get('/api/structures?departement=35')
    expect(other.body.total > 0).toBe(FULL_VIEW.includes(role))
  })

  it('hides the region’s météo and comments from an establishment account', async () => {
    const codes = (body: { fields: { code: string }[] }) => body.fields.map((f) => f.code)
    const own = codes((await clients.establishment.get(`/api/structures/${INSIDE}/fields`)).body)
    expect(own).toContain('etablissement.referent')
    expect(own).not.toContain('suivi.meteo')
    expect(codes((await clients.regional.get(`/api/structures/${INSIDE}/fields`)).body)).toContain(
      'suivi.meteo',
    )
  })
})

// role → the fields it may type inside its scope.
const WRITES: Record<Role, string[]> = {
  admin: ['identite.es-pilote-mes'],
  national: ['identite.es-pilote-mes'],
  regional: ['suivi.meteo', 'suivi.commentaire.insi'],
  establishment: ['etablissement.referent'],
  observer: [],
}
const VALUES: Record<string, string> = {
  'identite.es-pilote-mes': 'oui',
  'suivi.meteo': 'alerte',
  'suivi.commentaire.insi': 'Relance faite',
  'etablissement.referent': 'M. Dupont, DSI',
  'insi.appels': '12',
  'derive.ins-demarre': 'oui',
}

describe('writes stay within the owner’s columns and the scope', () => {
  it.each(ROLES)('%s: every field, inside and outside', async (role) => {
    for (const field of Object.keys(VALUES)) {
      for (const finess of [INSIDE, OUTSIDE]) {
        const answer = await clients[role].send('PUT', `/api/structures/${finess}/fields/${field}`, {
          period: '2024-05',
          value: VALUES[field],
        })
        const allowed = WRITES[role].includes(field) && sees(role, finess)
        expect(answer.status, `${role} writes ${field} on ${finess}: ${JSON.stringify(answer.body)}`).toBe(
          allowed ? 200 : 403,
        )
        if (!allowed) expect(answer.body.error).toMatch(/périmètre|import|calculé|rôle/)
      }
    }
  })

  it('refuses an upload of a national file from every role but the national ones', async () => {
    for (const role of ROLES) {
      const answer = await clients[role].request({
        method: 'POST',
        url: '/api/imports/sources/insi?period=2024-03&fileName=insi-202403.csv',
        headers: { 'content-type': 'text/csv' },
        payload: `FINESS;Appels recherche carte Vitale\n${INSIDE};10\n`,
      })
      expect(answer.statusCode, role).toBe(FULL_VIEW.includes(role) ? 202 : 403)
    }
  })

  it('keeps the error reports of imports to the national teams', async () => {
    for (const role of ROLES) {
      const answer = await clients[role].get('/api/imports/finess/1/issues')
      expect(answer.status, role).toBe(FULL_VIEW.includes(role) ? 200 : 403)
    }
  })
})

describe('requests without a session or without the CSRF token', () => {
  const PUBLIC = new Set([
    'GET /api/health',
    'POST /api/auth/login',
    'POST /api/simulate/{kind}',
    'GET /api/auth/providers',
    'GET /api/auth/oidc/{provider}',
    'GET /api/auth/oidc/{provider}/callback',
  ])
  const SAMPLE: Record<string, string> = {
    finess: INSIDE,
    id: '1',
    source: 'insi',
    field: 'suivi.meteo',
    kind: 'sons',
    provider: 'psc',
  }

  it('refuses every closed route of the API documentation to an anonymous request', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>
    }
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    )
    expect(routes.length).toBeGreaterThan(10)
    for (const route of routes) {
      if (PUBLIC.has(route)) continue
      const [method = 'GET', path = ''] = route.split(' ')
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => SAMPLE[name] ?? 'x')
      const answer = await app.inject({
        method: method as 'GET',
        url,
        payload: method === 'GET' ? undefined : {},
      })
      expect(answer.statusCode, route).toBe(401)
      if (method !== 'HEAD') expect(answer.json().error, route).toBe('Connexion requise.')
    }
  })

  it('refuses a write with a missing or forged CSRF token, and a tampered cookie', async () => {
    const regional = clients.regional
    const url = `/api/structures/${INSIDE}/fields/suivi.meteo`
    const payload = { period: '2024-06', value: 'non-demarre' }
    const missing = await app.inject({ method: 'PUT', url, payload, headers: { cookie: regional.cookie } })
    expect(missing.statusCode).toBe(403)
    expect(missing.json().error).toMatch(/CSRF/)
    const forged = await app.inject({
      method: 'PUT',
      url,
      payload,
      headers: { cookie: regional.cookie, 'x-csrf-token': `${regional.csrfToken}x` },
    })
    expect(forged.statusCode).toBe(403)
    const tampered = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: regional.cookie.replace(/=(.)/, (_m, c: string) => `=${c === 'A' ? 'B' : 'A'}`) },
    })
    expect(tampered.statusCode).toBe(401)
    // Nothing was written by the refused requests.
    const fields = (await regional.get(`${url.replace('/suivi.meteo', '')}?period=2024-06`)).body
    expect(fields.fields.find((f: { code: string }) => f.code === 'suivi.meteo').value).not.toBe(
      'non-demarre',
    )
  })
})
