// The tracking grid over the API: each theme at its own month, an EJ's count on each of its sites, sorting
// and threshold filters on any column, typed fields held over months, comparison with the previous point,
// and the user's scopes.
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
let national: ApiClient
let regional: ApiClient
let establishment: ApiClient

const load = (source: string, period: string, lines: string[]) =>
  importSourceLines(store, source, period, lines)

beforeAll(async () => {
  store = await freshStore()
  await loadDemoReferential(store)
  const insi = 'FINESS;Nombre total d’appels'
  await load('insi', '2024-03', [insi, `${DEMO.chSaintBrieucSite};900`, `${DEMO.polycliniqueTregor};40`])
  await load('insi', '2024-04', [insi, `${DEMO.chSaintBrieucSite};1200`, `${DEMO.polycliniqueTregor};40`])
  await load('mssante', '2024-03', [
    'FINESS juridique;ES raccordé;Nb de messages envoyés;Nb de BAL',
    `${DEMO.chSaintBrieucEj};ES Emetteur;1830;412`,
  ])
  app = await buildServer({ store, webRoot: '/nonexistent' })
  national = await signIn(app, store, { role: 'national' })
  regional = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'departement', code: '22' }] })
  establishment = await signIn(app, store, {
    role: 'establishment',
    scopes: [{ kind: 'ej', code: DEMO.chSaintBrieucEj }],
  })
}, 120_000)
afterAll(async () => {
  await app?.close()
  await store?.close()
})

const COLUMNS = 'columns=insi.appels,mss.messages-envoyes,suivi.meteo'
const grid = async (client: ApiClient, query: string) => {
  const answer = await client.get(`/api/grid?period=2024-04&${COLUMNS}&${query}`)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body
}
type Row = { finessEg: string; values: Record<string, { value: string; level: string; month: string }> }
const rowOf = (body: { rows: Row[] }, finess: string) => body.rows.find((r) => r.finessEg === finess) as Row

describe('GET /api/grid', () => {
  it('dates each theme by its latest month and shows an EJ’s count on each of its sites', async () => {
    const body = await grid(national, `ej=${DEMO.chSaintBrieucEj}`)
    expect(body.themes).toContainEqual({ theme: 'insi', month: '2024-04' })
    expect(body.themes).toContainEqual({ theme: 'mssante', month: '2024-03' })
    expect(body.total).toBe(DEMO.chSaintBrieucSites.length)
    for (const row of body.rows)
      expect(row.values['mss.messages-envoyes']).toMatchObject({
        value: '1830',
        level: 'EJ',
        month: '2024-03',
      })
    expect(rowOf(body, DEMO.chSaintBrieucSite).values['insi.appels']).toMatchObject({
      value: '1200',
      level: 'EG',
      month: '2024-04',
    })
  })

  it('sorts on an indicator and filters against a threshold', async () => {
    const sorted = await grid(national, 'sort=insi.appels&order=desc&limit=3')
    expect(sorted.rows.map((r: { finessEg: string }) => r.finessEg).slice(0, 2)).toEqual([
      DEMO.chSaintBrieucSite,
      DEMO.polycliniqueTregor,
    ])
    const filtered = await grid(national, 'where=insi.appels:gte:100')
    expect(filtered.rows.map((r: { finessEg: string }) => r.finessEg)).toEqual([DEMO.chSaintBrieucSite])
    const none = await grid(national, 'where=insi.appels:filled&where=insi.appels:lt:10')
    expect(none.total).toBe(0)
  })

  it('filters on a typed météo, held from its month on', async () => {
    const put = await regional.send('PUT', `/api/structures/${DEMO.chSaintBrieucSite}/fields/suivi.meteo`, {
      period: '2024-02',
      value: 'alerte',
    })
    expect(put.status).toBe(200)
    const body = await grid(regional, 'where=suivi.meteo:eq:En cours de déploiement - Alerte')
    expect(body.rows.map((r: { finessEg: string }) => r.finessEg)).toEqual([DEMO.chSaintBrieucSite])
    expect(body.rows[0].values['suivi.meteo']).toMatchObject({ value: 'alerte', month: '2024-02' })
  })

  it('finds what is new this month and what got worse', async () => {
    const ids = (body: { rows: { finessEg: string }[] }) => body.rows.map((r) => r.finessEg).sort()
    expect((await grid(national, 'where=insi.appels:new')).total).toBe(0)
    const march = await national.get(`/api/grid?period=2024-03&${COLUMNS}&where=insi.appels:new`)
    expect(ids(march.body)).toEqual([DEMO.chSaintBrieucSite, DEMO.polycliniqueTregor].sort())
    expect((await grid(national, 'where=insi.appels:worse')).total).toBe(0)
    // The météo typed in February holds in March; "Non démarré" in April is a step back from "Alerte".
    await regional.send('PUT', `/api/structures/${DEMO.chSaintBrieucSite}/fields/suivi.meteo`, {
      period: '2024-04',
      value: 'non-demarre',
    })
    expect(ids(await grid(regional, 'where=suivi.meteo:worse'))).toEqual([DEMO.chSaintBrieucSite])
    const text = await national.get('/api/grid?period=2024-04&where=suivi.commentaire.insi:worse')
    expect(text.status).toBe(400)
    expect(text.body.error).toMatch(/n’ont pas d’ordre/)
  })

  it('compares with the previous follow-up point', async () => {
    const body = await grid(national, `compare=true&ej=${DEMO.chSaintBrieucEj}`)
    expect(body.previousPeriod).toBe('2024-03')
    const row = body.rows.find((r: { finessEg: string }) => r.finessEg === DEMO.chSaintBrieucSite)
    expect(row.previous['insi.appels'].value).toBe('900')
    expect(row.changed).toContain('insi.appels')
    expect(row.changed).not.toContain('mss.messages-envoyes')
  })

  it('keeps every user within its scopes and its readable columns', async () => {
    const everything = await grid(national, 'limit=1')
    const mine = await grid(regional, 'limit=1')
    expect(mine.total).toBeLessThan(everything.total)
    expect((await grid(regional, 'departement=35')).total).toBe(0)
    expect((await grid(national, 'departement=35')).total).toBeGreaterThan(0)
    const own = await establishment.get(`/api/grid?period=2024-04&columns=insi.appels`)
    expect(own.body.total).toBe(DEMO.chSaintBrieucSites.length)
    const reserved = await establishment.get(`/api/grid?period=2024-04&columns=suivi.meteo`)
    expect(reserved.status).toBe(400)
    expect(reserved.body.error).toMatch(/Colonne réservée/)
  })

  it('averages each quantitative column over the nation and the région, an EJ counted once', async () => {
    const { status, body } = await national.get(
      '/api/grid/averages?period=2024-04&columns=insi.appels,mss.messages-envoyes,suivi.meteo&region=53',
    )
    expect(status).toBe(200)
    expect(body.region).toBe('53')
    expect(body.columns).toEqual([
      {
        key: 'insi.appels',
        month: '2024-04',
        nation: { value: '620.00', structures: 2 },
        region: { value: '620.00', structures: 2 },
      },
      {
        key: 'mss.messages-envoyes',
        month: '2024-03',
        nation: { value: '1830.00', structures: 1 },
        region: { value: '1830.00', structures: 1 },
      },
    ])
    const other = await national.get('/api/grid/averages?period=2024-04&columns=insi.appels&region=76')
    expect(other.body.columns[0].region).toEqual({ value: null, structures: 0 })
  })

  it('says what is wrong with a request', async () => {
    const unknown = await national.get('/api/grid?period=2024-04&columns=pas.une-colonne')
    expect([unknown.status, unknown.body.error]).toEqual([400, 'Colonne inconnue : « pas.une-colonne ».'])
    const threshold = await national.get('/api/grid?period=2024-04&where=suivi.meteo:gt:3')
    expect(threshold.status).toBe(400)
    expect(threshold.body.error).toMatch(/seuil numérique/)
    // The field to correct is named (the response schema once dropped the details).
    const month = await national.get('/api/grid?period=2024-13')
    expect(month.status).toBe(400)
    expect(month.body.details.map((d: { field: string }) => d.field)).toEqual(['period'])
    expect(
      (await national.get("/api/grid?period=2024-04&where=insi.appels:lt:1';drop table site;--")).status,
    ).toBe(400)
  })
})
