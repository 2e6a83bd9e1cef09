// GET /api/grid/periods: the follow-up points the grid offers, from January 2021 to the latest month that
// a current import of the grid's sources gives values for; a re-imported month counts once; signed-in only.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { signIn, type ApiClient } from '../support/api-session'
import { DEMO, loadDemoReferential } from '../support/demo-referential'
import { importSourceLines } from '../support/source-lines'

let store: Store
let app: FastifyInstance
let regional: ApiClient

const INSI = 'FINESS;Nombre total d’appels'
const load = (source: string, period: string, lines: string[]) =>
  importSourceLines(store, source, period, lines)

beforeAll(async () => {
  store = await freshStore()
  await loadDemoReferential(store)
  app = await buildServer({ store, webRoot: '/nonexistent' })
  regional = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: '53' }] })
}, 120_000)
afterAll(async () => {
  await app?.close()
  await store?.close()
})

describe('GET /api/grid/periods', () => {
  it('has no month with data before any import', async () => {
    const { status, body } = await regional.get('/api/grid/periods')
    expect(status).toBe(200)
    expect(body).toEqual({ first: '2021-01', latest: null, withData: [] })
  })

  it('lists the months of the current imports, oldest first, a re-imported month once', async () => {
    await load('insi', '2024-04', [INSI, `${DEMO.chSaintBrieucSite};1200`])
    await load('mssante', '2022-11', [
      'FINESS juridique;ES raccordé;Nb de messages envoyés;Nb de BAL',
      `${DEMO.chSaintBrieucEj};ES Emetteur;1830;412`,
    ])
    await load('insi', '2024-03', [INSI, `${DEMO.chSaintBrieucSite};900`])
    await load('insi', '2024-03', [INSI, `${DEMO.chSaintBrieucSite};950`])
    const { status, body } = await regional.get('/api/grid/periods')
    expect(status).toBe(200)
    expect(body).toEqual({ first: '2021-01', latest: '2024-04', withData: ['2022-11', '2024-03', '2024-04'] })
  })

  it('is closed to a signed-out visitor', async () => {
    const answer = await app.inject({ method: 'GET', url: '/api/grid/periods' })
    expect(answer.statusCode).toBe(401)
  })
})
