import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFinessFile } from '../../src/app/import-finess'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { signIn, type ApiClient } from '../support/api-session'
import { bytes, FIXTURE_TEXT } from '../support/fixture'

let store: Store
let app: FastifyInstance
let national: ApiClient
beforeAll(async () => {
  store = await freshStore()
  await importFinessFile(store, { fileName: 'etalab-small.csv', bytes: bytes(FIXTURE_TEXT) })
  app = await buildServer({ store, webRoot: '/nonexistent' })
  national = await signIn(app, store, { role: 'national' })
})
afterAll(async () => {
  await app?.close()
  await store?.close()
})

const get = (url: string) => national.get(url)

describe('GET /api/structures', () => {
  it('lists open structures, sorted by FINESS, with a total', async () => {
    const { status, body } = await get('/api/structures')
    expect(status).toBe(200)
    expect(body.total).toBe(5)
    expect(body.items.map((s: { finessEg: string }) => s.finessEg)).toEqual([
      '010000024',
      '970302287',
      '970400024',
      '980501506',
      '980600027',
    ])
    expect(body.items[0]).toEqual({
      finessEg: '010000024',
      finessEj: '010780054',
      finessPmsi: '010780054',
      name: 'CH DE FLEYRIAT',
      categoryCode: '355',
      categoryLabel: 'Centre Hospitalier (C.H.)',
      sector: 'sanitaire',
      departement: '01',
      region: '84',
      city: 'VIRIAT',
      closed: false,
      closedOn: null,
    })
  })

  it.each([
    ['region=04', ['970400024']],
    ['departement=976', ['980501506']],
    ['sector=medico-social', ['970302287', '980501506']],
    ['category=355', ['010000024', '980600027']],
    ['ej=970302022', ['970302287']],
    ['q=fleyriat', ['010000024']],
    ['q=010%20000%20024', ['010000024']],
    ['q=cayenne', ['970302287']],
    ['sort=name&order=desc&pageSize=2', ['980501506', '980600027']],
    ['sort=name&order=desc&pageSize=2&page=2', ['970302287', '970400024']],
  ])('filters and pages: %s', async (query, expected) => {
    const { status, body } = await get(`/api/structures?${query}`)
    expect(status).toBe(200)
    expect(body.items.map((s: { finessEg: string }) => s.finessEg)).toEqual(expected)
  })

  it.each([
    ['region=abc', 'region'],
    ['departement=9A', 'departement'],
    ['sector=hopital', 'sector'],
    ['pageSize=10000', 'pageSize'],
    ['page=0', 'page'],
    ['ej=123', 'ej'],
  ])('refuses %s with a 400 naming the field', async (query, field) => {
    const { status, body } = await get(`/api/structures?${query}`)
    expect(status).toBe(400)
    expect(body.error).toBe('Requête invalide')
    expect(body.details.map((d: { field: string }) => d.field)).toContain(field)
  })

  it('treats hostile text as text', async () => {
    const { status, body } = await get(`/api/structures?q=${encodeURIComponent("'; drop table site; --")}`)
    expect(status).toBe(200)
    expect(body.total).toBe(0)
    expect((await get('/api/structures')).body.total).toBe(5)
    const like = await get(`/api/structures?q=${encodeURIComponent('%')}`)
    expect(like.body.total).toBe(0)
  })
})

describe('GET /api/structures/:finess', () => {
  it('gives the structure with its legal entity, siblings and history', async () => {
    const { status, body } = await get('/api/structures/970400024')
    expect(status).toBe(200)
    expect(body).toMatchObject({
      finessEg: '970400024',
      departementName: 'La Réunion',
      regionName: 'La Réunion',
      category: { code: '101', closed: false, aggregateCode: '1101' },
      pmsi: { computed: '970408589', override: null },
      legalEntity: { finessEj: '970408589', siteCount: 1 },
      siblings: [],
      changes: [],
      createdByImportId: 1,
    })
    expect(body.position.latitude).toBeCloseTo(-20.889, 2)
  })

  it('answers 404 for an unknown number and 400 for a malformed one', async () => {
    expect((await get('/api/structures/010000032')).status).toBe(404)
    const malformed = await get('/api/structures/abc')
    expect(malformed.status).toBe(400)
    expect(malformed.body.details[0].message).toMatch(/numéro FINESS attendu/)
  })
})

describe('API around the referential', () => {
  it('lists the import history', async () => {
    const { body } = await get('/api/imports/finess')
    expect(body).toHaveLength(1)
    expect(body[0]).toMatchObject({
      fileName: 'etalab-small.csv',
      format: 'etalab',
      extractDate: '2026-05-12',
    })
    expect(body[0].counts.created_count).toBe(5)
    expect((await get(`/api/imports/finess/${body[0].id}/issues`)).body).toEqual([])
  })

  it('publishes its OpenAPI description at /api/docs', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs' })
    expect([200, 302]).toContain(page.statusCode)
    const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json()
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/structures', '/api/structures/{finess}', '/api/imports/finess']),
    )
  })

  it('answers 404 in JSON for an unknown API route', async () => {
    const { status, body } = await get('/api/nothing-here')
    expect(status).toBe(404)
    expect(body.error).toBe('Route inconnue')
  })
})

describe('security headers', () => {
  it('sends a content security policy with the pages and the API, not with the API documentation', async () => {
    const api = await national.request({ method: 'GET', url: '/api/structures' })
    expect(api.headers['content-security-policy']).toMatch(/default-src 'self'; script-src 'self'/)
    expect(api.headers['x-content-type-options']).toBe('nosniff')
    expect(api.headers['x-frame-options']).toBe('DENY')
    const docs = await app.inject({ method: 'GET', url: '/api/docs/json' })
    expect(docs.headers['content-security-policy']).toBeUndefined()
  })
})
