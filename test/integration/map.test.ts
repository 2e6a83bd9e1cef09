// The map over the API on seed 002's tracker and monthly national files: every area's figure is the grid's
// for the same filters (issue 7: "every figure on a dashboard is the same as the grid's"): a status count is
// the grid's total for that area and `where=KEY:eq:STATUS`, a région's average is the grid footer's, a
// département's average is the one of the values its grid rows show, each structure once. A regional user
// sees its région's départements only; bad input is refused naming the field.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GridAverages, GridPage } from '../../src/domain/contract/grid'
import type { MapAnswer, MapLevel } from '../../src/domain/contract/map'
import GEOMETRY from '../../src/web/map/france-geometry.json' with { type: 'json' }
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { signIn, type ApiClient } from '../support/api-session'
import { importSeedTracker } from '../support/seed-sites'
import { importSourceLines } from '../support/source-lines'

let store: Store
let app: FastifyInstance
let national: ApiClient
let regional: ApiClient
let establishment: ApiClient

const BERGERAC = '240000372'
const ANGOULEME = '160000253'
const FLEYRIAT = '010000024'
const FLEYRIAT_EJ = '010780054'
const BERGERAC_EJ = '240000059'
const PERIOD = '2022-09'
/** Nouvelle-Aquitaine's twelve départements. */
const NOUVELLE_AQUITAINE = ['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87']

const load = (source: string, period: string, lines: string[]) =>
  importSourceLines(store, source, period, lines)

beforeAll(async () => {
  store = await freshStore()
  await importSeedTracker(store)
  const insi = 'FINESS;Niveau FINESS;Nombre total d’appels'
  await load('insi', PERIOD, [insi, `${BERGERAC};EG;1700`, `${ANGOULEME};EG;60`, `${FLEYRIAT_EJ};EJ;2500`])
  await load('mssante', PERIOD, [
    'FINESS juridique;ES raccordé;Nb de messages envoyés;Nb de BAL',
    `${FLEYRIAT_EJ};ES Emetteur;300;12`,
    `${BERGERAC_EJ};ES Récepteur;1000;40`,
  ])
  await load('segur-asp', PERIOD, [
    'FINESS;Type de logiciel;Statut de la commande;VA signée',
    `${BERGERAC};DPI;Commande signée;Oui`,
    `${FLEYRIAT};DPI;Pas de commande;`,
    `${FLEYRIAT};RI;Commande signée;Non`,
  ])
  app = await buildServer({ store, webRoot: '/nonexistent' })
  national = await signIn(app, store, { role: 'national' })
  regional = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: '75' }] })
  establishment = await signIn(app, store, {
    role: 'establishment',
    scopes: [{ kind: 'eg', code: BERGERAC }],
  })
  const put = await regional.send('PUT', `/api/structures/${ANGOULEME}/fields/suivi.meteo`, {
    period: PERIOD,
    value: 'alerte',
  })
  expect(put.status).toBe(200)
}, 180_000)
afterAll(async () => {
  await app?.close()
  await store?.close()
})

const mapOf = async (client: ApiClient, query: string): Promise<MapAnswer> => {
  const answer = await client.get(`/api/map?period=${PERIOD}${query}`)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body as MapAnswer
}

const gridOf = async (client: ApiClient, query: string): Promise<GridPage> => {
  const answer = await client.get(`/api/grid?period=${PERIOD}${query}`)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body as GridPage
}

/** Every area's sites and status count against the grid filtered on that area. */
async function expectCountsAsGrid(client: ApiClient, query: string, filters: string) {
  const map = await mapOf(client, `${query}${filters}`)
  expect(map.figure).toBe('status')
  const key = map.indicator
  const status = map.status?.code as string
  // The areas without a site are checked at once: their sum with the others is the grid's whole view.
  const view = await gridOf(client, `${filters}&columns=${key}&limit=1`)
  expect(map.areas.reduce((n, a) => n + a.sites, 0)).toBe(view.total)
  for (const area of map.areas.filter((a) => a.sites === 0)) expect([area.count, area.share]).toEqual([0, 0])
  let sites = 0
  for (const area of map.areas.filter((a) => a.sites > 0)) {
    // A région's map asked for one région has that région as its only area.
    const others = map.level === 'region' ? filters.replace(/&region=\w+/, '') : filters
    const place = `${others}&${map.level}=${area.code}&columns=${key}&limit=1`
    const all = await gridOf(client, place)
    const having = await gridOf(client, `${place}&where=${encodeURIComponent(`${key}:eq:${status}`)}`)
    expect(area.sites, `${key} ${area.code} (${filters})`).toBe(all.total)
    expect(area.count, `${key} = ${status} ${area.code} (${filters})`).toBe(having.total)
    expect(area.share).toBe(
      area.sites === 0 ? 0 : Math.round(((area.count ?? 0) * 10_000) / area.sites) / 100,
    )
    sites += area.sites
  }
  return { map, sites }
}

describe('GET /api/map', () => {
  it('counts, per département and per région, the grid’s sites with the status', async () => {
    const cases = [
      ['&indicator=segur.commande.dpi&status=signee', 'segur.commande.dpi'],
      ['&indicator=segur.commande.dpi&status=non-signee', 'segur.commande.dpi'],
      ['&indicator=suivi.meteo&status=alerte', 'suivi.meteo'],
      ['&indicator=derive.ins-demarre', 'derive.ins-demarre'],
      ['&indicator=segur.va.dpi&status=oui', 'segur.va.dpi'],
    ] as const
    let counted = 0
    for (const [query] of cases)
      for (const level of ['departement', 'region'])
        for (const filters of ['', '&region=75', '&sector=sanitaire']) {
          const { map, sites } = await expectCountsAsGrid(national, `${query}&level=${level}`, filters)
          counted += map.areas.reduce((n, a) => n + (a.count ?? 0), 0)
          if (filters === '') {
            expect(sites).toBe(5)
            // Every shape the map draws has its figure (the referential also has the overseas collectivities).
            const codes = new Set(map.areas.map((a) => a.code))
            expect(GEOMETRY[level as MapLevel].features.filter((f) => !codes.has(f.properties.code))).toEqual(
              [],
            )
          }
        }
    // Not a comparison of empty maps.
    expect(counted).toBeGreaterThan(10)
    const dpi = await mapOf(national, '&indicator=segur.commande.dpi&status=signee')
    expect(dpi.areas.filter((a) => a.sites > 0).map((a) => [a.code, a.sites, a.count, a.share])).toEqual([
      ['01', 2, 0, 0],
      ['16', 2, 0, 0],
      ['24', 1, 1, 100],
    ])
    expect(dpi.month).toBe(PERIOD)
    // Without a status: the best of the column's scale.
    expect((await mapOf(national, '&indicator=mss.raccordement')).status?.code).toBe('emetteur')
    expect((await mapOf(national, '&indicator=derive.ins-demarre')).status?.code).toBe('oui')
  }, 240_000)

  it('gives each région the grid footer’s average, and each département the average of its grid rows', async () => {
    for (const key of ['insi.appels', 'mss.messages-envoyes']) {
      const regions = await mapOf(national, `&indicator=${key}&level=region`)
      expect(regions.figure).toBe('average')
      let compared = 0
      for (const area of regions.areas) {
        const answer = await national.get(
          `/api/grid/averages?period=${PERIOD}&columns=${key}&region=${area.code}`,
        )
        const footer = (answer.body as GridAverages).columns[0]?.region
        expect(area.average, `${key} ${area.code}`).toBe(footer?.value)
        expect(area.structures).toBe(footer?.structures)
        if (area.average !== null) compared++
      }
      expect(compared).toBe(2)
      const departements = await mapOf(national, `&indicator=${key}`)
      for (const area of departements.areas.filter((a) => a.sites > 0)) {
        const rows = (await gridOf(national, `&departement=${area.code}&columns=${key}&limit=5000`)).rows
        // Each reporting structure once: an EJ's value shows on each of its sites.
        const values = new Map<string, string>()
        for (const row of rows) {
          const cell = row.values[key]
          const finess = { EG: row.finessEg, EJ: row.finessEj, PMSI: row.finessPmsi }[cell?.level ?? 'EG']
          if (cell?.value) values.set(`${cell.level}:${finess}`, cell.value)
        }
        const sum = [...values.values()].reduce((n, v) => n + Number(v), 0)
        expect(area.structures, `${key} ${area.code}`).toBe(values.size)
        expect(area.average).toBe(values.size === 0 ? null : (sum / values.size).toFixed(2))
      }
    }
    const insi = await mapOf(national, '&indicator=insi.appels&level=region')
    expect(insi.areas.find((a) => a.code === '75')).toMatchObject({ average: '880.00', structures: 2 })
    expect(insi.areas.find((a) => a.code === '84')).toMatchObject({ average: '2500.00', structures: 1 })
    expect(insi.month).toBe(PERIOD)
  }, 120_000)

  it('keeps a regional user within its région', async () => {
    const { map } = await expectCountsAsGrid(regional, '&indicator=suivi.meteo&status=alerte', '')
    expect(map.areas.map((a) => a.code).sort()).toEqual(NOUVELLE_AQUITAINE)
    expect(map.areas.reduce((n, a) => n + a.sites, 0)).toBe(3)
    const regions = await mapOf(regional, '&indicator=insi.appels&level=region')
    expect(regions.areas.map((a) => [a.code, a.average])).toEqual([['75', '880.00']])
    // Another région asked for: nothing of it comes back.
    expect((await mapOf(regional, '&indicator=insi.appels&region=84')).areas).toEqual([])
    // An establishment sees its own département, and not the régions' steering columns.
    const own = await mapOf(establishment, '&indicator=segur.commande.dpi&status=signee')
    expect(own.areas.map((a) => [a.code, a.sites, a.count])).toEqual([['24', 1, 1]])
    const refused = await establishment.get(`/api/map?period=${PERIOD}&indicator=suivi.meteo`)
    expect(refused.status).toBe(400)
    expect(refused.body.error).toMatch(/^indicator : /)
  })

  it('refuses bad input, naming the field', async () => {
    const cases = [
      ['&indicator=insi.inconnu', 'indicator'],
      ['&indicator=suivi.commentaire.insi', 'indicator'],
      ['&indicator=suivi.meteo&status=soleil', 'status'],
      ['&indicator=insi.appels&status=oui', 'status'],
      ['&indicator=insi.appels&level=commune', 'level'],
      ['&indicator=insi.appels&region=bretagne', 'region'],
    ] as const
    for (const [query, field] of cases) {
      const answer = await national.get(`/api/map?period=${PERIOD}${query}`)
      expect(answer.status, query).toBe(400)
      expect(answer.body.details, query).toContainEqual(expect.objectContaining({ field }))
    }
    for (const url of ['/api/map?period=2022-13&indicator=insi.appels', '/api/map?indicator=insi.appels']) {
      const answer = await national.get(url)
      expect(answer.status).toBe(400)
      expect(answer.body.details).toContainEqual(expect.objectContaining({ field: 'period' }))
    }
    const missing = await national.get(`/api/map?period=${PERIOD}`)
    expect(missing.body.details).toContainEqual(expect.objectContaining({ field: 'indicator' }))
  })
})
