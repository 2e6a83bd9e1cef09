// An establishment's follow-up over the API: each theme month by month as imported, the région's and the
// nation's averages beside the site's value, programme attainment explained by the engine, the funding
// forecast in exact decimals with the missing inputs named, and the history of typed fields — within the
// user's scope, without the région's own notes for an establishment account.
import Decimal from 'decimal.js'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  StructureAverages,
  StructureComments,
  StructureHistory,
  StructureProgrammes,
} from '../../src/domain/contract/structure-history'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { signIn, type ApiClient } from '../support/api-session'
import { importSeedTracker } from '../support/seed-sites'
import { importSourceLines } from '../support/source-lines'

// Seed 002's sites: Bergerac and Angoulême (Nouvelle-Aquitaine, 75), an Ain site (Auvergne-Rhône-Alpes, 84).
const BERGERAC = '240000372'
const BERGERAC_EJ = '240000059'
const ANGOULEME = '160000253'
const ANGOULEME_EJ = '160000451'
const AIN = '010000024'

let store: Store
let app: FastifyInstance
let region: ApiClient
let establishment: ApiClient
let elsewhere: ApiClient

const load = (source: string, period: string, lines: string[]) =>
  importSourceLines(store, source, period, lines)

const ACTIVITY_HEADER =
  'FINESS PMSI;Année d’activité;Journées MCO;Séances MCO;Séjours de chirurgie ambulatoire;Journées SSR;Journées PSY;Journées HAD;Journées USLD'
const PROGRAMME_HEADER = 'FINESS PMSI;Indicateur;Numérateur;Dénominateur;Fin de la période de mesure'

beforeAll(async () => {
  store = await freshStore()
  await importSeedTracker(store)
  const insi = 'FINESS;Nombre total d’appels'
  await load('insi', '2024-03', [insi, `${BERGERAC};900`, `${ANGOULEME};500`])
  await load('insi', '2024-04', [insi, `${BERGERAC};1200`, `${ANGOULEME};600`, `${AIN};300`])
  // Angoulême's file has no USLD days: its activité combinée cannot be computed.
  await load('activite', '2019-12', [
    ACTIVITY_HEADER,
    `${BERGERAC_EJ};2019;78000;4200;3900;14000;22000;0;10500`,
    `${ANGOULEME_EJ};2019;132500;18400;5000;0;0;0;`,
  ])
  await load('programmes', '2022-06', [
    PROGRAMME_HEADER,
    `${BERGERAC_EJ};DS1.1;1214;2050;30/06/2022`,
    `${BERGERAC_EJ};DS1.2;900;2000;30/06/2022`,
  ])
  await load('programmes', '2024-03', [
    PROGRAMME_HEADER,
    `${BERGERAC_EJ};NUM1;30;100;31/03/2024`,
    `${BERGERAC_EJ};P1.O1;85;100;31/03/2024`,
  ])
  await load('segur-asp', '2024-03', [
    'FINESS;Type de logiciel;Statut de la commande',
    `${BERGERAC};DPI;Commande signée`,
    `${BERGERAC};RI;Non concerné`,
  ])
  app = await buildServer({ store, webRoot: '/nonexistent' })
  region = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: '75' }] })
  establishment = await signIn(app, store, {
    role: 'establishment',
    scopes: [{ kind: 'eg', code: BERGERAC }],
  })
  elsewhere = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: '84' }] })
}, 180_000)
afterAll(async () => {
  await app?.close()
  await store?.close()
})

const history = async (client: ApiClient, finess = BERGERAC): Promise<StructureHistory> => {
  const { status, body } = await client.get(`/api/structures/${finess}/history`)
  expect(status).toBe(200)
  return body as StructureHistory
}
const columnOf = (h: StructureHistory, key: string) =>
  h.themes.flatMap((t) => t.columns).find((c) => c.key === key)
const programmes = async (period: string, finess = BERGERAC): Promise<StructureProgrammes> => {
  const { status, body } = await region.get(`/api/structures/${finess}/programmes?period=${period}`)
  expect(status).toBe(200)
  return body as StructureProgrammes
}

/** A piecewise-affine amount (RULES §6–§7) computed apart from the engine, rounded half up to the cent. */
const affine = (min: number, max: number, from: number, to: number, activity: number) =>
  new Decimal(min)
    .plus(new Decimal(activity - from).times(max - min).div(to - from))
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toFixed(2)

describe('establishment history', () => {
  it('gives each theme month by month as imported, with level and source', async () => {
    const h = await history(region)
    expect(h.latestMonth).toBe('2024-04')
    const calls = columnOf(h, 'insi.appels')
    expect(calls?.points).toEqual([
      expect.objectContaining({ month: '2024-03', value: '900', level: 'EG', source: 'insi' }),
      expect.objectContaining({ month: '2024-04', value: '1200', level: 'EG', source: 'insi' }),
    ])
    expect(h.themes.find((t) => t.columns.some((c) => c.key === 'insi.appels'))?.theme).toBe('insi')
    // Computed by the rules engine, and stored per month.
    expect(columnOf(h, 'derive.ins-demarre')?.points.at(-1)).toMatchObject({
      month: '2024-04',
      value: 'oui',
      source: 'jalon',
    })
    expect(columnOf(h, 'suivi.meteo')?.points.length).toBeGreaterThan(0)
  })

  it('shows a value typed in Jalon, and keeps the région’s notes from an establishment account', async () => {
    const typed = await region.send('PUT', `/api/structures/${BERGERAC}/fields/suivi.meteo`, {
      period: '2024-04',
      value: 'En cours de déploiement - Alerte',
    })
    expect(typed.status).toBe(200)
    expect(columnOf(await history(region), 'suivi.meteo')?.points.at(-1)).toMatchObject({
      month: '2024-04',
      value: 'alerte',
      source: 'saisie',
    })
    const own = await history(establishment)
    const keys = own.themes.flatMap((t) => t.columns.map((c) => c.key))
    expect(keys).toContain('insi.appels')
    expect(keys.filter((k) => k.startsWith('suivi.') || k === 'identite.commentaire')).toEqual([])
  })

  it('gives the history of typed fields with who entered them, only those the user may read', async () => {
    const { body } = await region.get(`/api/structures/${BERGERAC}/comments`)
    const entries = (body as StructureComments).entries
    expect(entries[0]).toMatchObject({
      field: 'suivi.meteo',
      month: '2024-04',
      value: 'alerte',
      valueLabel: 'En cours de déploiement - Alerte',
      enteredBy: region.user.email,
      origin: 'typed',
    })
    expect(entries.some((e) => e.origin === 'tracker' && e.enteredBy?.includes('Suivi Ségur ES'))).toBe(true)
    const own = (await establishment.get(`/api/structures/${BERGERAC}/comments`)).body as StructureComments
    expect(own.entries.filter((e) => e.field.startsWith('suivi.'))).toEqual([])
    expect(entries.length).toBeGreaterThan(own.entries.length)
  })

  it('compares the site’s value with its région’s and the nation’s averages', async () => {
    const { status, body } = await region.get(`/api/structures/${BERGERAC}/averages?period=2024-04`)
    expect(status).toBe(200)
    const averages = body as StructureAverages
    expect(averages.region).toBe('75')
    expect(averages.columns.find((c) => c.key === 'insi.appels')).toMatchObject({
      month: '2024-04',
      site: { value: '1200', month: '2024-04' },
      region: { value: '900.00', structures: 2 },
      nation: { value: '700.00', structures: 3 },
    })
    const bad = await region.get(`/api/structures/${BERGERAC}/averages?period=2024-13`)
    expect(bad.status).toBe(400)
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'period' })])
  })

  it('refuses a user outside the establishment’s scope', async () => {
    for (const path of ['history', 'comments', 'averages?period=2024-04', 'programmes?period=2024-04']) {
      const { status, body } = await elsewhere.get(`/api/structures/${BERGERAC}/${path}`)
      expect(status).toBe(403)
      expect(body.error).toContain('hors de votre périmètre')
    }
    expect((await establishment.get(`/api/structures/${ANGOULEME}/history`)).status).toBe(403)
  })
})

describe('programmes and funding', () => {
  it('explains programme attainment in the engine’s words, with the target beside the measure', async () => {
    const p = await programmes('2024-03')
    const ifaq = p.attainments.find((a) => a.indicator === 'derive.ifaq.NUM1.atteint')
    expect(ifaq).toMatchObject({ programme: 'ifaq', reached: 'non', level: 'PMSI', finess: BERGERAC_EJ })
    expect(ifaq?.targets).toEqual([
      expect.objectContaining({ indicator: 'ifaq.NUM1', target: 50, numerator: '30', denominator: '100' }),
    ])
    expect(ifaq?.explanation).toContain('30 % pour une cible de 50 %, non atteinte')
    expect(ifaq?.explanation).toContain('Mesure de mars 2024, comparée à la cible 2024.')
    const hopen = p.attainments.find((a) => a.indicator === 'derive.hopen2.P1.O1.atteint')
    expect(hopen).toMatchObject({ reached: 'oui' })
    expect(hopen?.explanation).toContain('HOPEN 2 P1.O1')
  })

  it('computes the activité combinée and the SONS ceiling exactly, and names the inputs Jalon lacks', async () => {
    const p = await programmes('2024-03')
    expect(p.finessPmsi).toBe(BERGERAC_EJ)
    // 78 000 + 0,5 × 4 200 + 1,5 × 3 900 + 0,5 × (14 000 + 22 000 + 0 + 10 500)
    expect(p.activity).toMatchObject({ value: '109200', category: 'C', year: '2019', missing: [] })
    const dpi = p.forecasts.find((f) => f.id === 'sons.DPI')
    expect(dpi?.amount).toBe(affine(13_000, 40_000, 22_500, 230_000, 109_200))
    expect(dpi?.basis.join(' ')).toContain('Commande signée')
    expect(dpi?.explanation).toContain('Plafond SONS')
    // "Non concerné" in the ASP file: no ceiling to show.
    expect(p.forecasts.map((f) => f.id)).not.toContain('sons.RI')
    const ris = p.forecasts.find((f) => f.id === 'sons.RIS')
    expect(ris).toMatchObject({ amount: null })
    expect(ris?.missing).toContainEqual(expect.objectContaining({ field: 'exams' }))
    const hopen = p.forecasts.find((f) => f.id === 'hopen2.P1.O1')
    expect(hopen).toMatchObject({ amount: null })
    expect(hopen?.missing.map((m) => m.field)).toEqual(
      expect.arrayContaining(['amount', 'prerequisites.P1.P1']),
    )
  })

  it('gives the SUN-ES amount at stake of the measurement window, prerequisites named as missing', async () => {
    const p = await programmes('2022-06')
    const d1 = p.attainments.find((a) => a.indicator === 'derive.sun-es.D1.atteint')
    expect(d1?.reached).toBe('oui')
    expect(d1?.targets.map((t) => [t.indicator, t.target])).toEqual([
      ['sun-es.DS1.1', 49],
      ['sun-es.DS1.2', 40],
      ['sun-es.DS1.3', 49],
    ])
    const sunEs = p.forecasts.find((f) => f.id === 'sun-es')
    // Window 1 pays 100 % of the D1 forfait of category C.
    expect(sunEs?.amount).toBe(affine(48_000, 150_000, 22_500, 230_000, 109_200))
    expect(sunEs?.earnedAmount).toBeNull()
    expect(sunEs?.missing.map((m) => m.field)).toContain('prerequisites.identityVigilanceCell')
    expect(sunEs?.explanation).toContain('Fenêtre 1')
  })

  it('says which activity term is missing rather than guess the activité combinée', async () => {
    const p = await programmes('2024-03', ANGOULEME)
    expect(p.activity).toMatchObject({ value: null, category: null })
    expect(p.activity?.missing).toEqual([{ field: 'usldDays', label: 'journées USLD' }])
    const dpi = p.forecasts.find((f) => f.id === 'sons.DPI')
    expect(dpi).toMatchObject({ amount: null })
    expect(dpi?.missing).toContainEqual(expect.objectContaining({ field: 'activity' }))
  })
})
