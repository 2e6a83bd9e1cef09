// Priority lists over the API (issue 7 §3), on seed 002's tracker and monthly national files built for each
// criterion: a site meets a criterion with its reason, its score is the sum of the weights met, each
// criterion's list is the grid's own result for its `where=` links (their union), a regional user sees its
// région's sites and shared lists only, bad input is refused naming the field, and the export reads back.
import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GridPage } from '../../src/domain/contract/grid'
import type { PriorityList, PriorityResults } from '../../src/domain/contract/priorities'
import { periodRange } from '../../src/domain/observations/period'
import { topPriorities } from '../../src/app/priority-report'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { signIn, type ApiClient } from '../support/api-session'
import { auditSince, lastAuditId, rowCount } from '../support/audit-rows'
import { importSeedTracker } from '../support/seed-sites'
import { importSourceLines } from '../support/source-lines'

let store: Store
let app: FastifyInstance
let national: ApiClient
let regional: ApiClient
let regionalOther: ApiClient
let ain: ApiClient
let establishment: ApiClient

const BERGERAC = '240000372'
const BERGERAC_EJ = '240000059'
/** An EHPAD (category 500) in the Charente. */
const ANGOULEME = '160000253'
const ANGOULEME_EJ = '160000451'
/** An IME in the Charente: no national data at all. */
const IME = '160013207'
const FLEYRIAT = '010000024'
const FLEYRIAT_EJ = '010780054'
const PERIOD = '2022-09'
const PROGRAMMES = 'FINESS PMSI;Indicateur;Numérateur;Dénominateur;Fin de la période de mesure'
const SEGUR = 'FINESS;Type de logiciel;Statut de la commande;VA signée'

const load = (source: string, period: string, lines: string[]) =>
  importSourceLines(store, source, period, lines)

beforeAll(async () => {
  store = await freshStore()
  await importSeedTracker(store)
  // Fleyriat's RI order is signed from March on, never verified; Bergerac's DPI is signed in September.
  await load('segur-asp', '2022-03', [SEGUR, `${FLEYRIAT};RI;Commande signée;Non`])
  await load('segur-asp', PERIOD, [
    SEGUR,
    `${BERGERAC};DPI;Commande signée;Non`,
    `${FLEYRIAT};RI;Commande signée;Non`,
  ])
  // Window 2 (S2 2022) ends in December: targets LDL 59 %, ordonnance 48 %.
  await load('programmes', PERIOD, [
    PROGRAMMES,
    `${BERGERAC_EJ};DS1.1;70;100;30/09/2022`,
    `${BERGERAC_EJ};DS1.2;40;100;30/09/2022`,
    `${ANGOULEME_EJ};DS1.1;30;100;30/09/2022`,
    `${FLEYRIAT_EJ};DS1.1;10;100;30/09/2022`,
  ])
  // The EHPAD signed its DMP convention and feeds one DMP a month: "équipé", not "actif" (35 a year).
  for (const period of periodRange('2021-10', PERIOD))
    await load('dmp', period, [
      'FINESS;Niveau FINESS;Total documents;DMP alimentés;Convention signée',
      `${ANGOULEME};EG;2;1;Oui`,
    ])
  await load('esms-numerique', PERIOD, [
    'FINESS;Niveau de contractualisation;Financé ESMS numérique;DUI en place',
    `${BERGERAC};EG;Oui;Non`,
    `${FLEYRIAT};EG;Oui;Oui`,
  ])
  app = await buildServer({ store, webRoot: '/nonexistent' })
  national = await signIn(app, store, { role: 'national' })
  regional = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: '75' }] })
  regionalOther = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: '75' }] })
  ain = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: '84' }] })
  establishment = await signIn(app, store, {
    role: 'establishment',
    scopes: [{ kind: 'eg', code: BERGERAC }],
  })
  for (const finess of [BERGERAC, ANGOULEME, FLEYRIAT]) {
    const put = await national.send('PUT', `/api/structures/${finess}/fields/identite.candidat-sun-es`, {
      period: '2022-01',
      value: finess === FLEYRIAT ? null : 'D1',
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
  }
  for (const [period, value] of [
    ['2022-08', 'en-cours'],
    [PERIOD, 'alerte'],
  ] as const) {
    const put = await regional.send('PUT', `/api/structures/${ANGOULEME}/fields/suivi.meteo`, {
      period,
      value,
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
  }
}, 180_000)
afterAll(async () => {
  await app?.close()
  await store?.close()
})

const resultsOf = async (client: ApiClient, query: string): Promise<PriorityResults> => {
  const answer = await client.get(`/api/priorities/results?period=${PERIOD}${query}`)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body as PriorityResults
}

type Site = PriorityResults['rows'][number]
const reasonOf = (site: Site | undefined, criterion: string) =>
  site?.reasons.find((r) => r.criterion === criterion)?.text
const sitesMeeting = (results: PriorityResults, criterion: string) =>
  results.rows
    .filter((r) => r.reasons.some((reason) => reason.criterion === criterion))
    .map((r) => r.finessEg)
    .sort()

/** The sites the grid lists for a /suivi link, read through GET /api/grid with the same query. */
async function gridSites(client: ApiClient, href: string): Promise<string[]> {
  const query = href.replace(/^\/suivi\?/, '')
  const answer = await client.get(`/api/grid?${query}&limit=5000`)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return (answer.body as GridPage).rows.map((r) => r.finessEg)
}

describe('results of the default criteria', () => {
  it('ranks the sites by the sum of the weights met, each with one reason per criterion', async () => {
    const results = await resultsOf(national, '&limit=500')
    expect(results.list).toBeNull()
    expect(results.rows.map((r) => [r.finessEg, r.score])).toEqual([
      [ANGOULEME, 6],
      [BERGERAC, 5],
      [FLEYRIAT, 2],
      [IME, 1],
    ])
    expect(results.total).toBe(4)
    const [angouleme, bergerac, fleyriat, ime] = results.rows
    expect(angouleme?.reasons.map((r) => r.criterion)).toEqual([
      'sun-es-sous-cible',
      'ehpad-dmp-non-actif',
      'en-recul',
    ])
    expect(reasonOf(angouleme, 'sun-es-sous-cible')).toBe(
      'SUN-ES DS1.1 lettres de liaison : 30 % pour une cible de 59 % (fenêtre S2 2022, se termine dans 3 mois)',
    )
    expect(reasonOf(angouleme, 'ehpad-dmp-non-actif')).toBe('DMP en EHPAD : équipé, pas encore actif')
    expect(reasonOf(angouleme, 'en-recul')).toBe(
      'Météo : En cours de déploiement - pas d’alerte → En cours de déploiement - Alerte',
    )
    // Bergerac's LDL (70 %) is above its target, its ordonnances (40 %) below; its DPI order is this month's.
    expect(reasonOf(bergerac, 'sun-es-sous-cible')).toBe(
      'SUN-ES DS1.2 ordonnances de sortie : 40 % pour une cible de 48 % (fenêtre S2 2022, se termine dans 3 mois)',
    )
    expect(reasonOf(bergerac, 'esms-sans-dui')).toBe('Financé par ESMS numérique, DUI pas en place')
    expect(reasonOf(bergerac, 'commande-sans-va')).toBeUndefined()
    // Fleyriat is below target but no candidate.
    expect(fleyriat?.reasons.map((r) => r.text)).toEqual([
      'Commande RI signée en mars 2022, pas de VA après 6 mois',
    ])
    expect(ime?.reasons.map((r) => r.text)).toEqual(['Aucune donnée nationale reçue'])
    expect(results.criteria.map((c) => [c.id, c.count])).toEqual([
      ['sun-es-sous-cible', 2],
      ['ehpad-dmp-non-actif', 1],
      ['commande-sans-va', 1],
      ['esms-sans-dui', 1],
      ['en-recul', 1],
      ['sans-donnee', 1],
    ])
  })

  it('pages the ranked sites', async () => {
    const page = await resultsOf(national, '&offset=1&limit=2')
    expect(page.total).toBe(4)
    expect(page.rows.map((r) => r.finessEg)).toEqual([BERGERAC, FLEYRIAT])
  })

  it('lists for each criterion exactly the sites of its grid links, for each user and place', async () => {
    for (const [client, place] of [
      [national, ''],
      [national, '&region=75'],
      [regional, ''],
      [regional, '&departement=16'],
      [ain, ''],
    ] as const) {
      const results = await resultsOf(client, `${place}&limit=500`)
      const linked = results.criteria.filter((c) => c.gridLinks.length > 0)
      expect(linked.map((c) => c.id)).toEqual([
        'sun-es-sous-cible',
        'ehpad-dmp-non-actif',
        'esms-sans-dui',
        'en-recul',
      ])
      for (const criterion of linked) {
        const union = new Set<string>()
        for (const link of criterion.gridLinks) {
          if (place) expect(link.href).toContain(place.slice(1))
          for (const finess of await gridSites(client, link.href)) union.add(finess)
        }
        expect([...union].sort(), `${criterion.id} ${place}`).toEqual(sitesMeeting(results, criterion.id))
        expect(criterion.count).toBe(union.size)
      }
    }
  })

  it('gives the same count as the grid total for a single-link criterion', async () => {
    const results = await resultsOf(national, '')
    const esms = results.criteria.find((c) => c.id === 'esms-sans-dui')
    expect(esms?.gridLinks).toHaveLength(1)
    const answer = await national.get(`/api/grid?${esms?.gridLinks[0]?.href.split('?')[1]}&limit=1`)
    expect(answer.body.total).toBe(esms?.count)
    expect(esms?.count).toBe(1)
  })

  it('keeps a regional user within its région', async () => {
    const results = await resultsOf(regional, '&limit=500')
    expect(results.rows.map((r) => r.finessEg)).toEqual([ANGOULEME, BERGERAC, IME])
    expect(results.rows.every((r) => r.region === '75')).toBe(true)
    const elsewhere = await resultsOf(regional, '&region=84')
    expect(elsewhere.total).toBe(0)
    expect((await resultsOf(ain, '')).rows.map((r) => r.finessEg)).toEqual([FLEYRIAT])
  })

  it('leaves out for an establishment the columns its role does not read, and says so', async () => {
    const results = await resultsOf(establishment, '')
    expect(results.rows.map((r) => r.finessEg)).toEqual([BERGERAC])
    const worse = results.criteria.find((c) => c.id === 'en-recul')
    expect(worse?.note).toMatch(/votre rôle ne consulte pas/)
    expect(worse?.gridLinks.some((l) => l.href.includes('suivi.meteo'))).toBe(false)
  })

  it('refuses a bad period naming the field', async () => {
    const answer = await national.get('/api/priorities/results?period=2022-13')
    expect(answer.status).toBe(400)
    expect(answer.body.details[0].field).toBe('period')
  })
})

const criterion = (id: string, weight: number, parameters: Record<string, number> = {}) => ({
  id,
  weight,
  parameters,
})

describe('saved lists', () => {
  let personal: PriorityList
  let shared: PriorityList

  it('creates a personal and a shared list, journaled', async () => {
    const before = await lastAuditId(store)
    const created = await regional.send('POST', '/api/priorities', {
      name: '  Commandes   en retard ',
      criteria: [criterion('commande-sans-va', 5, { months: 6 }), criterion('sans-donnee', 1, { months: 3 })],
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    personal = created.body
    expect(personal).toMatchObject({ name: 'Commandes en retard', region: null, mine: true, editable: true })
    const sharedAnswer = await regional.send('POST', '/api/priorities', {
      name: 'Priorités de la région',
      region: '75',
      criteria: [criterion('sun-es-sous-cible', 1, { months: 3 }), criterion('en-recul', 4)],
    })
    expect(sharedAnswer.status, JSON.stringify(sharedAnswer.body)).toBe(201)
    shared = sharedAnswer.body
    const journal = await auditSince(store, before)
    expect(journal.map((j) => [j.action, j.entity_id])).toEqual([
      ['priority_list.create', String(personal.id)],
      ['priority_list.create', String(shared.id)],
    ])
    expect(journal[1]?.after).toMatchObject({ name: 'Priorités de la région', region: '75' })
  })

  it('shows a shared list in its région only, and a personal one to its owner only', async () => {
    const names = async (client: ApiClient) =>
      ((await client.get('/api/priorities')).body.lists as PriorityList[]).map((l) => l.name)
    expect(await names(regional)).toEqual(['Commandes en retard', 'Priorités de la région'])
    expect(await names(regionalOther)).toEqual(['Priorités de la région'])
    expect(await names(ain)).toEqual([])
    expect(await names(national)).toEqual(['Priorités de la région'])
    expect((await ain.get(`/api/priorities/results?period=${PERIOD}&list=${shared.id}`)).status).toBe(404)
    expect(
      (await regionalOther.get(`/api/priorities/results?period=${PERIOD}&list=${personal.id}`)).status,
    ).toBe(404)
    expect((await ain.send('PUT', `/api/priorities/${shared.id}`, { name: 'x' })).status).toBe(404)
    expect((await ain.send('DELETE', `/api/priorities/${personal.id}`)).status).toBe(404)
  })

  it('scores a saved list with its own weights and parameters', async () => {
    const results = await resultsOf(regional, `&list=${personal.id}`)
    expect(results.list).toEqual({ id: personal.id, name: 'Commandes en retard' })
    expect(results.criteria.map((c) => [c.id, c.weight, c.parameters])).toEqual([
      ['commande-sans-va', 5, { months: 6 }],
      ['sans-donnee', 1, { months: 3 }],
    ])
    // Within région 75, no order is late; the IME has had no data at all.
    expect(results.rows.map((r) => [r.finessEg, r.score])).toEqual([[IME, 1]])
    const seven = await regional.send('POST', '/api/priorities', {
      name: 'Sept mois',
      criteria: [criterion('commande-sans-va', 2, { months: 7 })],
    })
    expect((await resultsOf(national, `&list=${shared.id}`)).rows.map((r) => [r.finessEg, r.score])).toEqual([
      [ANGOULEME, 5],
      [BERGERAC, 1],
    ])
    const six = await national.send('POST', '/api/priorities', {
      name: 'Six mois',
      criteria: [criterion('commande-sans-va', 2, { months: 6 })],
    })
    expect((await resultsOf(national, `&list=${six.body.id}`)).rows.map((r) => r.finessEg)).toEqual([
      FLEYRIAT,
    ])
    // Seven months: Fleyriat's order of March is not late yet (and the list is the regional user's, in 75).
    expect((await resultsOf(regional, `&list=${seven.body.id}`)).rows).toEqual([])
  })

  it('says when no SUN-ES window closes soon enough', async () => {
    const answer = await national.send('POST', '/api/priorities', {
      name: 'SUN-ES à deux mois',
      criteria: [criterion('sun-es-sous-cible', 3, { months: 2 })],
    })
    const results = await resultsOf(national, `&list=${answer.body.id}`)
    expect(results.rows).toEqual([])
    expect(results.criteria[0]?.note).toBe(
      'Aucune fenêtre de mesure SUN-ES ne se termine dans les 2 mois suivant septembre 2022.',
    )
  })

  it('lets only the owner, or a national role for a shared list, change or delete it; journaled', async () => {
    const refused = await regionalOther.send('PUT', `/api/priorities/${shared.id}`, { name: 'Autre' })
    expect(refused.status).toBe(403)
    expect(refused.body.error).toMatch(/Seul l’auteur de cette liste/)
    const before = await lastAuditId(store)
    const changed = await national.send('PUT', `/api/priorities/${shared.id}`, {
      criteria: [criterion('en-recul', 2)],
    })
    expect(changed.status, JSON.stringify(changed.body)).toBe(200)
    expect(changed.body).toMatchObject({
      name: 'Priorités de la région',
      criteria: [criterion('en-recul', 2)],
    })
    const journal = await auditSince(store, before)
    expect(journal.map((j) => j.action)).toEqual(['priority_list.update'])
    expect(journal[0]?.before).toMatchObject({
      criteria: [criterion('sun-es-sous-cible', 1, { months: 3 }), criterion('en-recul', 4)],
    })
    expect((await regionalOther.send('DELETE', `/api/priorities/${shared.id}`)).status).toBe(403)
    expect((await regional.send('DELETE', `/api/priorities/${shared.id}`)).status).toBe(204)
    expect((await regional.get(`/api/priorities/results?period=${PERIOD}&list=${shared.id}`)).status).toBe(
      404,
    )
    expect((await auditSince(store, before)).map((j) => j.action)).toEqual([
      'priority_list.update',
      'priority_list.delete',
    ])
  })

  it('refuses hostile input naming the field, writing nothing', async () => {
    const rows = await rowCount(store, 'priority_list')
    const before = await lastAuditId(store)
    const cases: [unknown, number, RegExp][] = [
      [{ name: 'x', criteria: [criterion('inconnu', 1)] }, 400, /Critère inconnu : « inconnu »/],
      [{ name: 'x', criteria: [criterion('commande-sans-va', 1, { months: 99 })] }, 400, /de 1 à 36 mois/],
      [
        { name: 'x', criteria: [criterion('commande-sans-va', 1, { jours: 3 })] },
        400,
        /paramètre inconnu « jours »/,
      ],
      [{ name: 'x', criteria: [criterion('en-recul', 11)] }, 400, /poids doit être un entier de 0 à 10/],
      [
        { name: 'x', criteria: [criterion('en-recul', 1), criterion('en-recul', 2)] },
        400,
        /choisi deux fois/,
      ],
      [{ name: 'x', criteria: [] }, 400, /au moins un critère/],
      [{ name: 'x'.repeat(100_000), criteria: [criterion('en-recul', 1)] }, 400, /80 caractères au plus/],
      [{ name: '   ', criteria: [criterion('en-recul', 1)] }, 400, /un nom est attendu/],
      [{ name: 'commandes EN RETARD', criteria: [criterion('en-recul', 1)] }, 409, /déjà une liste nommée/],
      [{ name: 'x', region: '99', criteria: [criterion('en-recul', 1)] }, 400, /Région inconnue/],
      [{ name: 'x', region: '84', criteria: [criterion('en-recul', 1)] }, 403, /hors de votre périmètre/],
    ]
    for (const [body, status, message] of cases) {
      const answer = await regional.send('POST', '/api/priorities', body)
      expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(status)
      const text = [
        answer.body.error,
        ...(answer.body.details ?? []).map((d: { message: string }) => d.message),
      ]
      expect(text.join(' ')).toMatch(message)
    }
    const share = await establishment.send('POST', '/api/priorities', {
      name: 'x',
      region: '75',
      criteria: [criterion('en-recul', 1)],
    })
    expect(share.status).toBe(403)
    expect(share.body.error).toMatch(/Seuls les contributeurs régionaux et nationaux/)
    const rename = await regional.send('PUT', `/api/priorities/${personal.id}`, { name: 'Sept mois' })
    expect(rename.status).toBe(409)
    expect(await rowCount(store, 'priority_list')).toBe(rows)
    expect(await auditSince(store, before)).toEqual([])
  })
})

describe('export', () => {
  it('writes the ranked sites and the criteria to a workbook that reads back', async () => {
    const results = await resultsOf(national, '&limit=500')
    const answer = await national.request({ method: 'GET', url: `/api/priorities/export?period=${PERIOD}` })
    expect(answer.statusCode).toBe(200)
    const fileName = `priorites-criteres-par-defaut-perimetre-${PERIOD}.xlsx`
    expect(answer.headers['content-disposition']).toBe(
      `attachment; filename="${fileName}"; filename*=UTF-8''${fileName}`,
    )
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(answer.rawPayload as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('Priorités')
    const header = (sheet?.getRow(1).values as unknown[]).slice(1)
    expect(header.slice(0, 8)).toEqual([
      'Rang',
      'Score',
      'FINESS géographique',
      'FINESS juridique',
      'Établissement',
      'Région',
      'Département',
      'Catégorie',
    ])
    expect(header[8]).toBe('Candidats SUN-ES sous la cible, fenêtre de mesure proche (poids 3)')
    const lines = results.rows.map((_, i) => (sheet?.getRow(i + 2).values as unknown[]).slice(1))
    expect(lines.map((l) => [l[0], l[1], l[2]])).toEqual(
      results.rows.map((r, i) => [i + 1, r.score, r.finessEg]),
    )
    expect(lines[0]?.[8]).toBe(reasonOf(results.rows[0], 'sun-es-sous-cible'))
    expect(sheet?.rowCount).toBe(results.total + 1)
    const criteria = book.getWorksheet('Critères')
    expect((criteria?.getRow(2).values as unknown[]).slice(1, 5)).toEqual([
      results.criteria[0]?.label,
      3,
      'Fin de la fenêtre dans : 3 mois',
      2,
    ])
  })

  it('writes a CSV for a French spreadsheet, within the user’s région', async () => {
    const answer = await regional.request({
      method: 'GET',
      url: `/api/priorities/export?period=${PERIOD}&format=csv&departement=16`,
    })
    expect(answer.statusCode).toBe(200)
    expect(answer.headers['content-type']).toMatch(/^text\/csv/)
    const lines = answer.body
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]?.startsWith('Rang;Score;FINESS géographique;')).toBe(true)
    expect(lines.slice(1).map((l) => l.split(';').slice(0, 3))).toEqual([
      ['1', '6', ANGOULEME],
      ['2', '1', IME],
    ])
  })

  it('neutralises a name a spreadsheet would run as a formula', async () => {
    const hostile = '=HYPERLINK("http://example.org","clic")'
    await store.db.updateTable('site').set({ name: hostile }).where('finess_eg', '=', IME).execute()
    try {
      const csv = await regional.request({
        method: 'GET',
        url: `/api/priorities/export?period=${PERIOD}&format=csv`,
      })
      expect(csv.body).toContain(`;"'=HYPERLINK(""http://example.org"",""clic"")";`)
      const xlsx = await regional.request({ method: 'GET', url: `/api/priorities/export?period=${PERIOD}` })
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
      const sheet = book.getWorksheet('Priorités')
      const cells = [2, 3, 4].map((row) => sheet?.getRow(row).getCell(5))
      const cell = cells.find((c) => c?.text === hostile)
      expect(cell?.type).toBe(ExcelJS.ValueType.String)
    } finally {
      await store.db
        .updateTable('site')
        .set({ name: 'ETABLISSEMENT 2' })
        .where('finess_eg', '=', IME)
        .execute()
    }
  })

  it('refuses another région’s list', async () => {
    const list = await regional.send('POST', '/api/priorities', {
      name: 'Export privé',
      criteria: [criterion('en-recul', 1)],
    })
    const answer = await ain.get(`/api/priorities/export?period=${PERIOD}&list=${list.body.id}`)
    expect(answer.status).toBe(404)
  })
})

describe('topPriorities (monthly report)', () => {
  it('gives the région’s highest scores with the default criteria, as the results do', async () => {
    const top = await topPriorities(store, regional.user, { region: '75', period: PERIOD, limit: 2 })
    const results = await resultsOf(regional, '&region=75&limit=500')
    expect(top.total).toBe(results.total)
    expect(top.sites).toEqual(results.rows.slice(0, 2))
    expect(top.criteria).toEqual(results.criteria)
    expect(top.sites.map((s) => s.finessEg)).toEqual([ANGOULEME, BERGERAC])
  })
})
