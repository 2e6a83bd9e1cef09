// The dashboard over the API on seed 002's tracker and monthly national files: every count of sites per
// status is the grid's total for the same filters (issue 7: "every figure on a dashboard is the same as
// the grid's"), the evolution counts an EJ's value once, a regional user sees its région only, and a bad
// period is refused naming the field.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dashboard, StatusColumn } from '../../src/domain/contract/dashboard'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'
import { totalOf } from '../../src/store/observation-queries'
import { freshStore } from '../db'
import { signIn, type ApiClient } from '../support/api-session'
import { importSeedTracker } from '../support/seed-sites'
import { importSourceLines } from '../support/source-lines'

let store: Store
let app: FastifyInstance
let national: ApiClient
let regional: ApiClient

const BERGERAC = '240000372'
const ANGOULEME = '160000253'
const FLEYRIAT = '010000024'
/** CH de Fleyriat's EJ: two sites in the Ain (région 84). */
const FLEYRIAT_EJ = '010780054'
const BERGERAC_EJ = '240000059'
const PERIOD = '2022-09'

const load = (source: string, period: string, lines: string[]) =>
  importSourceLines(store, source, period, lines)

beforeAll(async () => {
  store = await freshStore()
  await importSeedTracker(store)
  const insi = 'FINESS;Niveau FINESS;Nombre total d’appels'
  await load('insi', '2022-08', [insi, `${BERGERAC};EG;1500`, `${ANGOULEME};EG;80`, `${FLEYRIAT_EJ};EJ;2000`])
  await load('insi', '2022-09', [insi, `${BERGERAC};EG;1700`, `${ANGOULEME};EG;60`, `${FLEYRIAT_EJ};EJ;2500`])
  await load('mssante', '2022-09', [
    'FINESS juridique;ES raccordé;Nb de messages envoyés;Nb de BAL',
    `${FLEYRIAT_EJ};ES Emetteur;300;12`,
    `${BERGERAC_EJ};ES Récepteur;1000;40`,
  ])
  await load('dmp', '2022-09', [
    'FINESS;Niveau FINESS;Lettres de liaison;CR de biologie;Total documents',
    `${BERGERAC};EG;10;5;15`,
    `${FLEYRIAT_EJ};EJ;30;10;40`,
  ])
  await load('segur-asp', '2022-09', [
    'FINESS;Type de logiciel;Statut de la commande;VA signée',
    `${BERGERAC};DPI;Commande signée;Oui`,
    `${BERGERAC};RI;Pas de commande;`,
    `${FLEYRIAT};RI;Commande signée;Non`,
  ])
  app = await buildServer({ store, webRoot: '/nonexistent' })
  national = await signIn(app, store, { role: 'national' })
  regional = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: '75' }] })
  // A météo typed this month, beside those the tracker brought.
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

const dashboardOf = async (client: ApiClient, filters: string): Promise<Dashboard> => {
  const answer = await client.get(`/api/dashboard?period=${PERIOD}${filters}`)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body as Dashboard
}

const gridTotal = async (client: ApiClient, filters: string, where: string): Promise<number> => {
  const answer = await client.get(
    `/api/grid?period=${PERIOD}${filters}&columns=insi.appels&limit=1&where=${encodeURIComponent(where)}`,
  )
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body.total as number
}

/** Every status count and the "sans donnée" count against the grid with `where`. */
async function expectSameAsGrid(client: ApiClient, filters: string) {
  const board = await dashboardOf(client, filters)
  const all = await client.get(`/api/grid?period=${PERIOD}${filters}&columns=insi.appels&limit=1`)
  expect(board.sites).toBe(all.body.total)
  let compared = 0
  for (const column of board.statusColumns) {
    for (const status of column.statuses) {
      const total = await gridTotal(client, filters, `${column.key}:eq:${status.code}`)
      expect(status.count, `${column.key} = ${status.code} (${filters})`).toBe(total)
      compared += status.count
    }
    expect(column.empty.count, `${column.key} vide (${filters})`).toBe(
      await gridTotal(client, filters, `${column.key}:empty`),
    )
    const sum = column.statuses.reduce((n, s) => n + s.count, column.empty.count + column.other.count)
    expect(sum).toBe(board.sites)
  }
  return { board, compared }
}

const column = (board: Dashboard, key: string) =>
  board.statusColumns.find((c) => c.key === key) as StatusColumn
const countOf = (board: Dashboard, key: string, code: string) =>
  column(board, key).statuses.find((s) => s.code === code)?.count

describe('GET /api/dashboard', () => {
  it('gives, for every status column and status, the grid’s total for the same filters', async () => {
    const { board, compared } = await expectSameAsGrid(national, '')
    // Not a comparison of empty views: the seed's statuses are there.
    expect(board.sites).toBe(5)
    expect(compared).toBeGreaterThan(10)
    expect(countOf(board, 'segur.commande.dpi', 'signee')).toBe(1)
    expect(countOf(board, 'segur.commande.ri', 'signee')).toBe(1)
    expect(countOf(board, 'suivi.meteo', 'alerte')).toBeGreaterThanOrEqual(1)
    expect(column(board, 'segur.commande.dpi').month).toBe(PERIOD)
    for (const filters of [
      '&region=75',
      '&region=84',
      '&departement=16',
      '&category=355',
      '&sector=sanitaire',
    ])
      await expectSameAsGrid(national, filters)
    await expectSameAsGrid(regional, '')
  }, 120_000)

  it('counts an EJ’s value once in the evolution, as the région and nation totals do', async () => {
    const board = await dashboardOf(national, '')
    const { months } = board.evolution
    expect(months.at(-1)).toBe(PERIOD)
    expect(months.length).toBeLessThanOrEqual(12)
    const series = (chart: string, key: string) =>
      board.evolution.charts.find((c) => c.id === chart)?.series.find((s) => s.key === key)?.values ?? []
    const at = (chart: string, key: string, month: string) => series(chart, key)[months.indexOf(month)]
    // Fleyriat's EJ reports 2 500 calls for its two sites: counted once.
    expect(at('insi', 'insi.appels', PERIOD)).toBe('4260')
    expect(at('mssante', 'mss.messages-envoyes', PERIOD)).toBe('1300')
    expect(at('dmp', 'dmp.documents', PERIOD)).toBe('55')
    expect(at('dmp', 'dmp.documents.ldl', PERIOD)).toBe('40')
    for (const month of months)
      for (const [chart, code] of [
        ['insi', 'insi.appels'],
        ['mssante', 'mss.messages-envoyes'],
        ['dmp', 'dmp.documents'],
      ] as const) {
        const total = await totalOf(store.db, code, month, null)
        expect(at(chart, code, month) ?? '0', `${code} ${month}`).toBe(total)
      }
    const regionBoard = await dashboardOf(national, '&region=84')
    const regionInsi = regionBoard.evolution.charts.find((c) => c.id === 'insi')?.series[0]?.values.at(-1)
    expect(regionInsi).toBe(await totalOf(store.db, 'insi.appels', PERIOD, '84'))
    expect(regionInsi).toBe('2500')
    // Orders and VA signed: the grid's count at each point.
    expect(series('segur-commandes', 'segur.commande.dpi').at(-1)).toBe(
      String(await gridTotal(national, '', 'segur.commande.dpi:eq:signee')),
    )
    expect(series('segur-va', 'segur.va.dpi').at(-1)).toBe('1')
    expect(series('segur-va', 'segur.va.ri').at(-1)).toBe('0')
  }, 60_000)

  it('ranks structures by INSi calls and DMP documents, an EJ as one line', async () => {
    const { tables } = await dashboardOf(national, '')
    expect(tables.insiMonth.month).toBe(PERIOD)
    expect(tables.insiMonth.rows.map((r) => [r.level, r.finess, r.value])).toEqual([
      ['EJ', FLEYRIAT_EJ, '2500'],
      ['EG', BERGERAC, '1700'],
      ['EG', ANGOULEME, '60'],
    ])
    expect(tables.insiCumulative.rows.slice(0, 3).map((r) => [r.finess, r.value])).toEqual([
      [FLEYRIAT_EJ, '4500'],
      [BERGERAC, '3200'],
      [ANGOULEME, '140'],
    ])
    expect(tables.insiMonth.rows[1]).toMatchObject({ departement: '24', name: expect.any(String) })
    expect(tables.dmpMonth.rows.map((r) => [r.finess, r.value])).toEqual([
      [FLEYRIAT_EJ, '40'],
      [BERGERAC, '15'],
    ])
    // Sites that started INS per category: the grid's count of `derive.ins-demarre` = oui.
    const started = tables.insStarted
    expect(started.total.sites).toBe(5)
    expect(started.total.started).toBe(await gridTotal(national, '', 'derive.ins-demarre:eq:oui'))
    expect(started.total.started).toBeGreaterThan(0)
    for (const c of started.categories) {
      expect(c.started).toBe(
        await gridTotal(national, `&category=${c.categoryCode}`, 'derive.ins-demarre:eq:oui'),
      )
      expect(c.share).toBe(Math.round((c.started * 10_000) / c.sites) / 100)
    }
  }, 60_000)

  it('keeps a regional user within its région', async () => {
    const mine = await dashboardOf(regional, '')
    expect(mine.sites).toBe(3)
    const finess = [
      ...mine.tables.insiCumulative.rows,
      ...mine.tables.insiMonth.rows,
      ...mine.tables.dmpMonth.rows,
    ].map((r) => r.finess)
    expect(finess).toContain(BERGERAC)
    expect(finess).not.toContain(FLEYRIAT_EJ)
    expect(mine.evolution.charts.find((c) => c.id === 'insi')?.series[0]?.values.at(-1)).toBe('1760')
    // Another région asked for: nothing of it comes back.
    const other = await dashboardOf(regional, '&region=84')
    expect(other.sites).toBe(0)
    expect(other.tables.insiMonth.rows).toEqual([])
    expect(
      other.evolution.charts.find((c) => c.id === 'insi')?.series[0]?.values.every((v) => v === null),
    ).toBe(true)
  })

  it('refuses a bad period, naming the field', async () => {
    const answer = await national.get('/api/dashboard?period=2022-13')
    expect(answer.status).toBe(400)
    expect(answer.body.details).toContainEqual(expect.objectContaining({ field: 'period' }))
    const missing = await national.get('/api/dashboard')
    expect(missing.status).toBe(400)
    expect(missing.body.details).toContainEqual(expect.objectContaining({ field: 'period' }))
  })
})
