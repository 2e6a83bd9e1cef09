// The dashboard's programme views over the API on seed 002's sites with programme results, activity and
// ESMS numérique files: every count is the grid's total for the same filters and month (issue 7), the
// windows read their domains at the right month, the committed amount counts each structure once, and the
// forecasts are the establishment page's, once per FINESS PMSI, summed exactly, within the user's scopes.
import Decimal from 'decimal.js'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AttainmentCount, ProgrammeViews } from '../../src/domain/contract/dashboard-programmes'
import type { StructureProgrammes } from '../../src/domain/contract/structure-history'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { signIn, type ApiClient } from '../support/api-session'
import { importSeedTracker } from '../support/seed-sites'
import { importSourceLines } from '../support/source-lines'

const BERGERAC = '240000372'
const BERGERAC_EJ = '240000059'
const ANGOULEME_EJ = '160000451'
const FLEYRIAT = '010000024'
/** Two sites in the Ain under one EJ, which is their FINESS PMSI. */
const FLEYRIAT_EJ = '010780054'

let store: Store
let app: FastifyInstance
let national: ApiClient
let regional: ApiClient
let ain: ApiClient

const load = (source: string, period: string, lines: string[]) =>
  importSourceLines(store, source, period, lines)
const PROGRAMME_HEADER = 'FINESS PMSI;Indicateur;Numérateur;Dénominateur;Fin de la période de mesure'

beforeAll(async () => {
  store = await freshStore()
  await importSeedTracker(store)
  await load('activite', '2019-12', [
    'FINESS PMSI;Année d’activité;Journées MCO;Séances MCO;Séjours de chirurgie ambulatoire;Journées SSR;Journées PSY;Journées HAD;Journées USLD',
    `${BERGERAC_EJ};2019;78000;4200;3900;14000;22000;0;10500`,
  ])
  // Bergerac reaches D1 in window 1; Angoulême does not.
  await load('programmes', '2022-06', [
    PROGRAMME_HEADER,
    `${BERGERAC_EJ};DS1.1;1214;2050;30/06/2022`,
    `${BERGERAC_EJ};DS1.2;900;2000;30/06/2022`,
    `${ANGOULEME_EJ};DS1.1;100;2000;30/06/2022`,
  ])
  await load('programmes', '2024-03', [
    PROGRAMME_HEADER,
    `${BERGERAC_EJ};NUM1;30;100;31/03/2024`,
    `${BERGERAC_EJ};P1.O1;85;100;31/03/2024`,
    `${ANGOULEME_EJ};P1.O1;10;100;31/03/2024`,
    `${FLEYRIAT_EJ};P1.O1;50;100;31/03/2024`,
  ])
  await load('esms-numerique', '2024-03', [
    'FINESS;Niveau de contractualisation;Financé ESMS numérique;DUI en place;Montant financé',
    `${BERGERAC};EG;Oui;Non;12500.50`,
    `${FLEYRIAT};EG;Oui;Oui;8000.25`,
  ])
  app = await buildServer({ store, webRoot: '/nonexistent' })
  national = await signIn(app, store, { role: 'national' })
  regional = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: '75' }] })
  ain = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: '84' }] })
}, 180_000)
afterAll(async () => {
  await app?.close()
  await store?.close()
})

const viewsOf = async (client: ApiClient, query: string): Promise<ProgrammeViews> => {
  const answer = await client.get(`/api/dashboard/programmes?${query}`)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body as ProgrammeViews
}

const gridTotal = async (client: ApiClient, query: string, where?: string): Promise<number> => {
  const filter = where ? `&where=${encodeURIComponent(where)}` : ''
  const answer = await client.get(`/api/grid?${query}&columns=insi.appels&limit=1${filter}`)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body.total as number
}

/** An attainment count against the grid filtered on the same column, at the month it was read. */
async function expectAttainmentAsGrid(client: ApiClient, a: AttainmentCount, filters: string) {
  const at = `period=${a.month}${filters}`
  expect(a.reached.count, `${a.key} oui`).toBe(await gridTotal(client, at, `${a.key}:eq:oui`))
  expect(a.notReached.count, `${a.key} non`).toBe(await gridTotal(client, at, `${a.key}:eq:non`))
  expect(a.empty.count, `${a.key} vide`).toBe(await gridTotal(client, at, `${a.key}:empty`))
}

describe('GET /api/dashboard/programmes', () => {
  it('counts attainment and candidates as the grid does, for every filter and for a regional user', async () => {
    for (const [client, filters] of [
      [national, ''],
      [national, '&region=75'],
      [national, '&departement=16'],
      [national, '&sector=sanitaire'],
      [regional, ''],
    ] as const) {
      const views = await viewsOf(client, `period=2024-03${filters}`)
      expect(views.sites).toBe(await gridTotal(client, `period=2024-03${filters}`))
      expect(views.candidates.count).toBe(
        await gridTotal(client, `period=2024-03${filters}`, 'identite.candidat-sun-es:filled'),
      )
      for (const a of views.attainment) {
        expect(a.month).toBe('2024-03')
        await expectAttainmentAsGrid(client, a, filters)
      }
    }
    const views = await viewsOf(national, 'period=2024-03')
    const hopen = views.attainment.find((a) => a.key === 'derive.hopen2.P1.O1.atteint')
    // Not a comparison of empty views: Bergerac reached P1.O1, Angoulême and Fleyriat did not.
    expect(hopen?.reached.count).toBe(1)
    // Angoulême, and the Fleyriat site whose FINESS PMSI is the EJ.
    expect(hopen?.notReached.count).toBe(2)
    expect(views.candidates.count).toBeGreaterThan(0)
  }, 120_000)

  it('reads each measurement window at its month: the last one once over, the point inside it', async () => {
    const views = await viewsOf(national, 'period=2022-09')
    const [first, second, third] = views.windows
    expect(first).toMatchObject({ number: 1, state: 'terminee', month: '2022-06', degressivity: 100 })
    expect(second).toMatchObject({ number: 2, state: 'en-cours', month: '2022-09' })
    expect(third).toMatchObject({ state: 'a-venir', month: null, domains: [] })
    const d1 = first?.domains.find((d) => d.key === 'derive.sun-es.D1.atteint')
    expect(d1?.reached.count).toBe(1)
    expect(d1?.notReached.count).toBe(1)
    for (const d of first?.domains ?? []) await expectAttainmentAsGrid(national, d, '')
  }, 60_000)

  it('sums the committed ESMS numérique amounts exactly, each structure once', async () => {
    const views = await viewsOf(national, 'period=2024-05')
    expect(views.funding.committed).toMatchObject({ month: '2024-03', amount: '20500.75', fundedSites: 2 })
    expect(views.funding.committed.fundedSites).toBe(
      await gridTotal(national, 'period=2024-05', 'esms.finance:eq:oui'),
    )
    const mine = await viewsOf(regional, 'period=2024-05')
    expect(mine.funding.committed.amount).toBe('12500.50')
  })

  it('gives the establishment page’s forecasts, summed exactly, with the engine’s explanation', async () => {
    const views = await viewsOf(national, 'period=2022-06')
    const page = await national.get(`/api/structures/${BERGERAC}/programmes?period=2022-06`)
    const sunEs = (page.body as StructureProgrammes).forecasts.find((f) => f.id === 'sun-es')
    // Bergerac's FINESS PMSI (its EJ) reported the rates: one forecast for it, linked to its site.
    const row = views.funding.forecast.rows.find((r) => r.finess === BERGERAC_EJ && r.id === 'sun-es')
    expect(row).toMatchObject({ level: 'PMSI', site: BERGERAC })
    expect(row?.amount).not.toBeNull()
    expect(row?.amount).toBe(sunEs?.amount)
    expect(row?.explanation).toBe(sunEs?.explanation)
    expect(row?.missing.length).toBeGreaterThan(0)
    const total = views.funding.forecast.totals.find((t) => t.programme === 'sun-es')
    const priced = views.funding.forecast.rows.filter((r) => r.id === 'sun-es' && r.amount !== null)
    expect(total?.amount).toBe(priced.reduce((s, r) => s.plus(r.amount as string), new Decimal(0)).toFixed(2))
    // Angoulême has no activity: its SUN-ES amount is undetermined, not zero.
    expect(total?.undetermined).toBe(1)
    expect(views.funding.forecast.count).toBe(views.funding.forecast.rows.length)
  })

  it('keeps another région’s forecasts and amounts out of a regional user’s view', async () => {
    const views = await viewsOf(ain, 'period=2024-03')
    // Fleyriat's two sites share one FINESS PMSI: one forecast, not two.
    expect(views.funding.forecast.rows.map((r) => [r.finess, r.id])).toEqual([[FLEYRIAT_EJ, 'hopen2.P1.O1']])
    expect(views.funding.forecast.totals.find((t) => t.programme === 'hopen2')?.structures).toBe(1)
    const all = await viewsOf(national, 'period=2024-03')
    expect(all.funding.forecast.rows.map((r) => r.finess)).toEqual(
      expect.arrayContaining([BERGERAC_EJ, ANGOULEME_EJ]),
    )
    expect(views.funding.committed.amount).toBe('8000.25')
    const other = await viewsOf(ain, 'period=2024-03&region=75')
    expect(other.sites).toBe(0)
  })

  it('refuses a bad period naming the field', async () => {
    const answer = await national.get('/api/dashboard/programmes?period=2024-13')
    expect(answer.status).toBe(400)
    expect(JSON.stringify(answer.body)).toContain('period')
  })
})
