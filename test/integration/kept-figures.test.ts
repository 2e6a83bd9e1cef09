// The dashboards' figures kept by the imports (migrations 0008 to 0010: monthly sums, cumulative totals,
// sites per column value) against the live queries over the observations, for every filter they answer,
// after each kind of change that moves them: monthly files and their replacement, a tracker's values,
// derived values, a site closed by a FINESS import, another FINESS PMSI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFinessFile } from '../../src/app/import-finess'
import { resolveColumns } from '../../src/app/grid'
import { overridePmsi } from '../../src/app/pmsi-override'
import { COUNTED_COLUMNS } from '../../src/domain/grid/counted-columns'
import { SUMMED_INDICATORS } from '../../src/domain/observations/indicators'
import type { SiteRecord } from '../../src/domain/structure'
import { encodeExtract, formatEtalabExtract } from '../../src/sources/finess/etalab-writer'
import { topCumulated, topOfMonthKept } from '../../src/store/cumulative-totals'
import type { ValueCountRow } from '../../src/store/column-counts'
import { countsOf } from '../../src/store/dashboard'
import { monthlyTotals, topOfMonth } from '../../src/store/dashboard-totals'
import type { Store } from '../../src/store/database'
import { keptTotalsAnswer } from '../../src/store/monthly-totals'
import { indicatorIds } from '../../src/store/observations'
import type { SiteFilters } from '../../src/store/sites'
import type { RankedRow } from '../../src/store/structure-labels'
import { freshStore } from '../db'
import { importSeedTracker, SEED_SITES } from '../support/seed-sites'
import { importSourceLines } from '../support/source-lines'
import { syntheticSite } from '../support/synthetic-sites'

let store: Store
let ids: number[]
let insiCalls: number
let dmpDocuments: number

const BERGERAC = '240000372'
const ANGOULEME = '160000253'
const CLINICAL = '160013207'
/** Two sites in the Ain (région 84) of one EJ, of different categories: a structure of two footprints. */
const AIN_EJ = '010780054'
const AIN_SECOND_SITE = '010009702'

const FILTERS: SiteFilters[] = [
  { status: 'open' },
  { status: 'open', region: '84' },
  { status: 'open', region: '75' },
  { status: 'open', departement: '01' },
  { status: 'open', departement: '16' },
  { status: 'open', sector: 'sanitaire' },
  { status: 'open', sector: 'medico-social' },
  { status: 'open', category: syntheticSite(3).categoryCode as string },
  { status: 'open', category: syntheticSite(4).categoryCode as string },
  { status: 'open', region: '84', category: syntheticSite(4).categoryCode as string },
  { status: 'open', within: [{ kind: 'region', code: '84' }] },
  { status: 'open', within: [{ kind: 'departement', code: '24' }] },
  {
    status: 'open',
    within: [
      { kind: 'region', code: '75' },
      { kind: 'departement', code: '01' },
    ],
  },
  { status: 'open', within: [{ kind: 'france', code: 'FR' }] },
  { status: 'open', within: [] },
]

const normalised = (rows: { indicator_id: number; month: string; total: string }[]) =>
  rows.map((r) => `${r.indicator_id} ${r.month} ${Number(r.total)}`).sort()

const MONTHS = ['2022-06', '2022-07', '2022-08', '2022-09', '2022-10']

/** The cumulative ranking at a month from the live monthly rankings of every month until then. */
async function liveCumulated(filters: SiteFilters, until: string): Promise<string[]> {
  const totals = new Map<string, number>()
  for (const month of MONTHS.filter((m) => m <= until))
    for (const row of await topOfMonth(store.db, filters, insiCalls, month, 1000)) {
      const key = `${row.level} ${row.finess}`
      totals.set(key, (totals.get(key) ?? 0) + Number(row.value))
    }
  return [...totals].map(([key, total]) => `${key} ${total}`).sort()
}

const countRows = (rows: ValueCountRow[]) =>
  rows.map((r) => `${r.position} ${r.grouping} ${r.value} ${r.sites}`).sort()

/** Every filter's counts of sites per value of the counted columns, kept and live, at every month. */
async function expectCountsEqualLive(): Promise<number> {
  let seen = 0
  const byCode = await indicatorIds(store.db)
  for (const month of MONTHS) {
    const resolved = await resolveColumns(store, byCode, COUNTED_COLUMNS, month)
    const sources = COUNTED_COLUMNS.map((c) => resolved.sources.get(c.key)).filter((s) => s !== undefined)
    for (const filters of FILTERS)
      for (const groupBy of [null, 'category_code'] as const) {
        const kept = await countsOf(store.db, filters, month, sources, groupBy)
        const live = await countsOf(store.db, filters, month, sources, groupBy, true)
        expect(countRows(kept), `${JSON.stringify(filters)} ${month} ${groupBy}`).toEqual(countRows(live))
        seen += kept.length
      }
  }
  return seen
}

/** Every filter's kept figures equal the live ones; at least one filter sees a value of each. */
async function expectKeptEqualsLive(): Promise<void> {
  expect(await expectCountsEqualLive()).toBeGreaterThan(0)
  let seen = 0
  for (const filters of FILTERS) {
    expect(keptTotalsAnswer(filters)).toBe(true)
    const kept = await monthlyTotals(store.db, filters, ids, '2022-01', '2022-12')
    const live = await monthlyTotals(store.db, filters, ids, '2022-01', '2022-12', true)
    expect(normalised(kept), JSON.stringify(filters)).toEqual(normalised(live))
    seen += kept.length
    for (const month of MONTHS) {
      const cumulated = await topCumulated(store.db, filters, insiCalls, month, 1000)
      expect(
        cumulated.map((r) => `${r.level} ${r.finess} ${Number(r.value)}`).sort(),
        `${JSON.stringify(filters)} ${month}`,
      ).toEqual(await liveCumulated(filters, month))
      seen += cumulated.length
      for (const indicator of [insiCalls, dmpDocuments]) {
        const ranked = (rows: RankedRow[]) => rows.map((r) => `${r.level} ${r.finess} ${Number(r.value)}`)
        const ofMonth = await topOfMonthKept(store.db, filters, indicator, month, 1000)
        expect(ranked(ofMonth), `${JSON.stringify(filters)} ${month} ${indicator}`).toEqual(
          ranked(await topOfMonth(store.db, filters, indicator, month, 1000)),
        )
        seen += ofMonth.length
      }
    }
  }
  expect(seen).toBeGreaterThan(0)
}

function extract(without: readonly string[], extractDate: string) {
  const records: SiteRecord[] = SEED_SITES.filter(([eg]) => !without.includes(eg)).map(
    ([finessEg, finessEj, dept]) => ({
      ...syntheticSite(SEED_SITES.findIndex(([e]) => e === finessEg)),
      finessEg,
      finessEj,
      sourceDepartement: dept,
      communeCode: `${dept}001`,
      postalCode: `${dept}000`,
    }),
  )
  return encodeExtract(formatEtalabExtract(records, { extractNumber: 2, extractDate }), {
    encoding: 'utf-8',
  })
}

beforeAll(async () => {
  store = await freshStore()
  await importSeedTracker(store)
  const byCode = await indicatorIds(store.db)
  ids = SUMMED_INDICATORS.map((code) => byCode.get(code) as number)
  insiCalls = byCode.get('insi.appels') as number
  dmpDocuments = byCode.get('dmp.documents') as number
  const insi = 'FINESS;Niveau FINESS;Nombre total d’appels'
  await importSourceLines(store, 'insi', '2022-08', [insi, `${BERGERAC};EG;1500`, `${AIN_EJ};EJ;2000`])
  await importSourceLines(store, 'insi', '2022-09', [insi, `${BERGERAC};EG;1700`, `${ANGOULEME};EG;60`])
  await importSourceLines(store, 'mssante', '2022-09', [
    'FINESS juridique;ES raccordé;Nb de messages envoyés;Nb de BAL',
    `${AIN_EJ};ES Emetteur;300;12`,
  ])
  // Values counted per site: Ségur orders and VA of a site and of an EJ, DMP feeding (derived), INS
  // started (derived) reported at FINESS PMSI level.
  await importSourceLines(store, 'segur-asp', '2022-09', [SEGUR, `${BERGERAC};DPI;Commande signée;Oui`])
  await importSourceLines(store, 'segur-asp', '2022-10', [
    SEGUR,
    `${BERGERAC};DPI;Commande signée;Oui`,
    `${AIN_EJ};RI;Commande signée;Non`,
    `${ANGOULEME};RI;Pas de commande;`,
  ])
  await importSourceLines(store, 'dmp', '2022-09', [
    'FINESS;Niveau FINESS;Lettres de liaison;CR de biologie;Total documents',
    `${BERGERAC};EG;10;5;15`,
    `${AIN_EJ};EJ;30;10;40`,
  ])
  await importSourceLines(store, 'insi', '2022-10', [insi, `${AIN_EJ};PMSI;500`, `${ANGOULEME};EG;70`])
})

const SEGUR = 'FINESS;Type de logiciel;Statut de la commande;VA signée'

afterAll(async () => {
  await store.close()
})

describe('the sums, cumulative totals and counts kept by the imports', () => {
  it('the Ain EJ lies in two footprints, as the test needs', () => {
    expect(syntheticSite(3).categoryCode).not.toBe(syntheticSite(4).categoryCode)
  })

  it('equal the live sums after monthly files and a tracker', async () => {
    await expectKeptEqualsLive()
  })

  it('follow a month replaced by a new file', async () => {
    await importSourceLines(store, 'insi', '2022-09', [
      'FINESS;Niveau FINESS;Nombre total d’appels',
      `${BERGERAC};EG;1900`,
      `${AIN_EJ};EJ;40`,
    ])
    await importSourceLines(store, 'segur-asp', '2022-10', [
      SEGUR,
      `${BERGERAC};DPI;Commande signée;Non`,
      `${ANGOULEME};RI;Commande signée;Oui`,
    ])
    await expectKeptEqualsLive()
  })

  it('follow sites closed by the FINESS register', async () => {
    await importFinessFile(store, {
      fileName: 'etalab-2.csv',
      bytes: extract([AIN_SECOND_SITE, BERGERAC], '2022-10-01'),
    })
    await expectKeptEqualsLive()
  })

  it('follow a site given another FINESS PMSI', async () => {
    await overridePmsi(store, {
      finessEg: ANGOULEME,
      pmsi: AIN_EJ,
      actor: { id: null, label: 'test' },
      note: 'regroupement PMSI',
    })
    // A site with no value of its own nor of its EJ: it now reads the values reported for AIN_EJ as PMSI.
    await overridePmsi(store, {
      finessEg: CLINICAL,
      pmsi: AIN_EJ,
      actor: { id: null, label: 'test' },
      note: 'regroupement PMSI',
    })
    await expectKeptEqualsLive()
  })
})
