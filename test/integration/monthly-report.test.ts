// The monthly report over the API on seed 002's tracker and monthly national files: the workbook read back
// with ExcelJS holds the dashboard API's figures for the same région and point (every key figure, the
// previous point, France, the evolution, the rankings, the programmes and the priorities), the PDF parses
// and shows the same figures with the région's name accents intact, a regional user gets its own région's
// report only, and bad input is refused naming the field.
// JALON_REPORT_SAMPLES=/tmp also saves the files there, to look at.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dashboard } from '../../src/domain/contract/dashboard'
import type { ProgrammeViews } from '../../src/domain/contract/dashboard-programmes'
import type { PriorityResults } from '../../src/domain/contract/priorities'
import { frenchNumber, frenchShare } from '../../src/domain/report/french-format'
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

const BERGERAC = '240000372'
const FLEYRIAT_EJ = '010780054'
const FLEYRIAT = '010000024'
const PERIOD = '2022-09'
const PREVIOUS = '2022-08'
/** Auvergne-Rhône-Alpes: CH de Fleyriat's two sites, and a name with accents. */
const REGION = '84'
const REGION_NAME = 'Auvergne-Rhône-Alpes'

const load = (source: string, period: string, lines: string[]) =>
  importSourceLines(store, source, period, lines)

beforeAll(async () => {
  store = await freshStore()
  await importSeedTracker(store)
  const insi = 'FINESS;Niveau FINESS;Nombre total d’appels'
  await load('insi', PREVIOUS, [insi, `${BERGERAC};EG;1500`, `${FLEYRIAT_EJ};EJ;2000`])
  await load('insi', PERIOD, [insi, `${BERGERAC};EG;1700`, `${FLEYRIAT_EJ};EJ;2500`])
  await load('dmp', PERIOD, [
    'FINESS;Niveau FINESS;Lettres de liaison;CR de biologie;Total documents',
    `${BERGERAC};EG;10;5;15`,
    `${FLEYRIAT_EJ};EJ;30;10;40`,
  ])
  // Fleyriat's RI order signed in March and still not verified: a priority ("commande sans VA").
  await load('segur-asp', '2022-03', [
    'FINESS;Type de logiciel;Statut de la commande;VA signée',
    `${FLEYRIAT};RI;Commande signée;Non`,
  ])
  await load('programmes', PERIOD, [
    'FINESS PMSI;Indicateur;Numérateur;Dénominateur;Fin de la période de mesure',
    `${FLEYRIAT_EJ};DS1.1;10;100;30/09/2022`,
  ])
  await load('segur-asp', PERIOD, [
    'FINESS;Type de logiciel;Statut de la commande;VA signée',
    `${BERGERAC};DPI;Commande signée;Oui`,
    `${FLEYRIAT};RI;Commande signée;Non`,
  ])
  app = await buildServer({ store, webRoot: '/nonexistent' })
  national = await signIn(app, store, { role: 'national' })
  regional = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: REGION }] })
  // A SUN-ES candidate, and a météo typed by the région this month.
  const candidate = await national.send(
    'PUT',
    `/api/structures/${FLEYRIAT}/fields/identite.candidat-sun-es`,
    {
      period: '2022-01',
      value: 'D1',
    },
  )
  expect(candidate.status, JSON.stringify(candidate.body)).toBe(200)
  const meteo = await regional.send('PUT', `/api/structures/${FLEYRIAT}/fields/suivi.meteo`, {
    period: PERIOD,
    value: 'alerte',
  })
  expect(meteo.status, JSON.stringify(meteo.body)).toBe(200)
}, 180_000)
afterAll(async () => {
  await app?.close()
  await store?.close()
})

const json = async <T>(client: ApiClient, url: string): Promise<T> => {
  const answer = await client.get(url)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body as T
}

async function download(client: ApiClient, query: string) {
  const answer = await client.request({ method: 'GET', url: `/api/reports/monthly?${query}` })
  return {
    status: answer.statusCode,
    headers: answer.headers,
    body: answer.rawPayload,
    json: () => answer.json(),
  }
}

async function reportFile(client: ApiClient, format: 'pdf' | 'xlsx') {
  const answer = await download(client, `region=${REGION}&period=${PERIOD}&format=${format}`)
  expect(answer.status, answer.body.toString().slice(0, 300)).toBe(200)
  const name = `jalon-rapport-${REGION}-${PERIOD}.${format}`
  expect(answer.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${name}"`))
  if (process.env.JALON_REPORT_SAMPLES)
    writeFileSync(join(process.env.JALON_REPORT_SAMPLES, name), answer.body)
  return answer
}

type Row = (string | number | null)[]

/** A sheet's rows as plain values, row 1 first (ExcelJS counts from 1). */
function rowsOf(sheet: ExcelJS.Worksheet): Row[] {
  const rows: Row[] = []
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    // Array.from: ExcelJS leaves holes for empty cells.
    rows[n - 1] = Array.from((row.values as unknown[]).slice(1), (v) => (v ?? null) as string | number | null)
  })
  return Array.from(rows, (r) => r ?? [])
}

describe('GET /api/reports/monthly', () => {
  it('writes a workbook whose every key figure is the dashboard API’s', async () => {
    const answer = await reportFile(national, 'xlsx')
    expect(answer.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(answer.body as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Chiffres clés',
      'Évolution',
      'Classements',
      'Programmes',
      'Priorités',
    ])
    for (const sheet of workbook.worksheets) {
      expect(String(sheet.getCell('A1').value)).toContain(REGION_NAME)
      expect(String(sheet.getCell('A2').value)).toMatch(/^Point de suivi : septembre 2022 — Source : Jalon/)
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 })
    }

    const [region, previous, nation] = await Promise.all([
      json<Dashboard>(national, `/api/dashboard?period=${PERIOD}&region=${REGION}`),
      json<Dashboard>(national, `/api/dashboard?period=${PREVIOUS}&region=${REGION}`),
      json<Dashboard>(national, `/api/dashboard?period=${PERIOD}`),
    ])
    expect(region.sites).toBe(2)
    const rows = rowsOf(workbook.getWorksheet('Chiffres clés') as ExcelJS.Worksheet)
    expect(rows[3]?.slice(0, 6)).toEqual([
      'Thème',
      'Indicateur',
      'Mois des données',
      'Statut',
      'Région : établissements',
      'Région : part',
    ])
    expect(rows[4]).toEqual([
      'Périmètre',
      'Établissements ouverts suivis',
      null,
      'Ensemble',
      region.sites,
      100,
      previous.sites,
      100,
      null,
      nation.sites,
      100,
    ])
    let compared = 0
    for (const column of region.statusColumns) {
      const lines = rows.filter((r) => r[1] === column.label)
      const before = previous.statusColumns.find((c) => c.key === column.key)
      const france = nation.statusColumns.find((c) => c.key === column.key)
      for (const status of [...column.statuses, { ...column.empty, code: null, label: 'Sans donnée' }]) {
        const line = lines.find((r) => r[3] === status.label)
        const then =
          status.code === null ? before?.empty : before?.statuses.find((s) => s.code === status.code)
        const there =
          status.code === null ? france?.empty : france?.statuses.find((s) => s.code === status.code)
        expect(line?.slice(4), `${column.key} ${status.label}`).toEqual([
          status.count,
          status.share,
          then?.count ?? null,
          then?.share ?? null,
          then ? Math.round((status.share - then.share) * 100) / 100 : null,
          there?.count ?? null,
          there?.share ?? null,
        ])
        compared += status.count
      }
    }
    // Not a comparison of empty columns: the seed's statuses and the orders signed are there.
    expect(compared).toBeGreaterThan(10)
    const dpi = rows.find((r) => r[1] === 'Commande RI' && r[3] === 'Commande signée')
    expect(dpi?.[4]).toBe(1)

    const evolution = rowsOf(workbook.getWorksheet('Évolution') as ExcelJS.Worksheet)
    const insi = region.evolution.charts.find((c) => c.id === 'insi')
    const insiColumn = evolution[3]?.indexOf('Appels au téléservice INSi : Total des appels (appels)') ?? -1
    expect(insiColumn).toBeGreaterThan(0)
    expect(evolution.slice(4).map((r) => r[insiColumn])).toEqual(
      insi?.series[0]?.values.map((v) => (v === null ? null : Number(v))),
    )
    expect(evolution.at(-1)?.[0]).toBe('septembre 2022')
    expect(evolution.at(-1)?.[insiColumn]).toBe(2500)

    const rankings = rowsOf(workbook.getWorksheet('Classements') as ExcelJS.Worksheet)
    expect(rankings[4]).toEqual([
      1,
      FLEYRIAT_EJ,
      'EJ',
      region.tables.insiCumulative.rows[0]?.name,
      '01',
      4500,
    ])
    const started = rankings.find((r) => r[0] === 'Total')
    expect(started?.slice(2)).toEqual([
      region.tables.insStarted.total.sites,
      region.tables.insStarted.total.started,
      region.tables.insStarted.total.share,
    ])

    const programmes = await json<ProgrammeViews>(
      national,
      `/api/dashboard/programmes?period=${PERIOD}&region=${REGION}`,
    )
    const programmeRows = rowsOf(workbook.getWorksheet('Programmes') as ExcelJS.Worksheet)
    for (const a of programmes.attainment) {
      const line = programmeRows.find(
        (r) => r[1] === a.label && r[2] !== null && !String(r[0]).startsWith('Fenêtre'),
      )
      expect(line?.slice(3), a.key).toEqual([
        a.reached.count,
        a.reached.share,
        a.notReached.count,
        a.notReached.share,
        a.empty.count,
        a.empty.share,
      ])
    }
    expect(programmes.candidates.count).toBe(1)
    const candidates = programmeRows.findIndex((r) => r[0] === 'Établissements suivis')
    expect(programmeRows[candidates + 1]).toEqual([
      programmes.sites,
      programmes.candidates.count,
      programmes.candidates.share,
    ])

    const priorities = await json<PriorityResults>(
      national,
      `/api/priorities/results?period=${PERIOD}&region=${REGION}&limit=20`,
    )
    expect(priorities.total).toBeGreaterThan(0)
    const priorityRows = rowsOf(workbook.getWorksheet('Priorités') as ExcelJS.Worksheet)
    for (const c of priorities.criteria)
      expect(priorityRows.find((r) => r[0] === c.label)?.slice(1, 3), c.id).toEqual([c.weight, c.count])
    const listed = priorityRows.findIndex((r) => r[0] === 'Rang')
    expect(priorityRows.slice(listed + 1).map((r) => r[1])).toEqual(priorities.rows.map((s) => s.finessEg))
  }, 120_000)

  it('writes a PDF with the same key figures and the région’s name, accents intact', async () => {
    const answer = await reportFile(national, 'pdf')
    expect(answer.headers['content-type']).toBe('application/pdf')
    expect(answer.body.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const pdf = await getDocumentProxy(new Uint8Array(answer.body))
    const { totalPages, text } = await extractText(pdf, { mergePages: true })
    expect(totalPages).toBeGreaterThan(1)
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain(REGION_NAME)
    expect(flat).toContain('Point de suivi : septembre 2022')
    expect(flat).toContain('Source : Jalon')
    expect(flat).toContain(`page 1 sur ${totalPages}`)
    for (const title of ['Chiffres clés', 'Évolution', 'Classements', 'Programmes', 'Priorités'])
      expect(flat).toContain(title)

    const region = await json<Dashboard>(national, `/api/dashboard?period=${PERIOD}&region=${REGION}`)
    expect(flat).toContain(`${region.sites} établissements ouverts suivis`)
    for (const column of region.statusColumns) {
      expect(flat).toContain(column.label)
      for (const status of column.statuses) {
        // The status's line of its column's table: label, count, share.
        const line = `${status.label} ${frenchNumber(status.count)} ${frenchShare(status.share)}`
        expect(flat, `${column.key} ${status.label}`).toContain(line)
      }
    }
    // The cumulative INSi calls of CH de Fleyriat's EJ, with a French thousands separator.
    expect(flat).toContain(`${FLEYRIAT_EJ} EJ`)
    expect(flat).toContain('4 500')
  }, 120_000)

  it('gives a regional user its own région’s report and refuses another', async () => {
    const own = await download(regional, `region=${REGION}&period=${PERIOD}&format=xlsx`)
    expect(own.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(own.body as unknown as ArrayBuffer)
    const rows = rowsOf(workbook.getWorksheet('Chiffres clés') as ExcelJS.Worksheet)
    const france = (label: string) => rows.filter((r) => r[1] === label).map((r) => r.slice(9))
    // France's figures beside the région's for the national columns, as the grid shows it the national
    // averages; not the sums of the other régions' météo, typed by each région for itself.
    expect(france('Commande RI').every(([count]) => typeof count === 'number')).toBe(true)
    expect(france('Météo').length).toBeGreaterThan(0)
    expect(france('Météo').every((cells) => cells.every((c) => c === null))).toBe(true)
    expect(rows[4]?.[9]).toBe(5)
    const other = await download(regional, `region=75&period=${PERIOD}&format=pdf`)
    expect(other.status).toBe(403)
    expect(other.json().error).toContain('hors de votre périmètre')
    const establishment = await signIn(app, store, {
      role: 'establishment',
      scopes: [{ kind: 'eg', code: FLEYRIAT }],
    })
    expect((await download(establishment, `region=${REGION}&period=${PERIOD}&format=xlsx`)).status).toBe(403)
  }, 60_000)

  it('is in the OpenAPI document with its parameters and refusals', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json()
    const route = spec.paths['/api/reports/monthly']?.get
    expect(route?.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'format',
      'period',
      'region',
    ])
    expect(Object.keys(route?.responses ?? {})).toEqual(expect.arrayContaining(['400', '401', '403']))
  })

  it('refuses bad input, naming the field', async () => {
    for (const [query, field] of [
      [`region=8&period=${PERIOD}&format=pdf`, 'region'],
      [`period=${PERIOD}&format=pdf`, 'region'],
      [`region=${REGION}&period=2022-13&format=pdf`, 'period'],
      [`region=${REGION}&format=pdf`, 'period'],
      [`region=${REGION}&period=${PERIOD}&format=docx`, 'format'],
      [`region=${REGION}&period=${PERIOD}`, 'format'],
    ]) {
      const answer = await download(national, query as string)
      expect(answer.status, query).toBe(400)
      expect(answer.json().details, query).toContainEqual(expect.objectContaining({ field }))
    }
    const unknown = await download(national, `region=99&period=${PERIOD}&format=pdf`)
    expect(unknown.status).toBe(400)
    expect(unknown.json().error).toContain('Région inconnue : « 99 » (region)')
  })
})
