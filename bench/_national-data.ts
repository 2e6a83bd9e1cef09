// The national data the benchmarks share: the 2021 FINESS register (95 333 sites, or N of them taken evenly)
// written as an etalab extract, one month of every national source file generated for its open sites with a
// seeded PRNG at each source's level and in its documented layout, and the backends to run on.
import { performance } from 'node:perf_hooks'
import { prepareStore } from '../src/app/database'
import { importSourceFile } from '../src/app/import-source'
import { recomputeAllDerived } from '../src/app/recompute-derived'
import {
  DMP_DOCUMENT_TYPES,
  PROGRAMME_INDICATORS,
  SEGUR_KINDS,
  type SegurKind,
} from '../src/domain/observations/indicators'
import type { SiteRecord } from '../src/domain/structure'
import { encodeExtract, formatEtalabExtract } from '../src/sources/finess/etalab-writer'
import { NATIONAL_SOURCES, type NationalSourceCode } from '../src/sources/monthly/sources/index'
import { openStore, type Store } from '../src/store/database'
import { readFhirRegister } from '../scripts/fhir-to-etalab'
import { startBenchPostgres, type BenchPostgres } from './_postgres'

const SEED = 0x50_2026
/** The month whose files keep the seeds they were first measured with (`sources`). */
const FIRST_PERIOD = '2026-10'

/** The order of a monthly run: orders and usage first, then programme results and activity. */
export const ORDER: readonly NationalSourceCode[] = [
  'segur-asp',
  'insi',
  'mssante',
  'dmp',
  'programmes',
  'activite',
  'esms-numerique',
]

// ---------------------------------------------------------------------------------------------------------
// Deterministic generation

/** mulberry32: one seeded stream, drawn in FINESS order, so that the files are the same on every run. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    /** Log-uniform: sizes of establishments spread over orders of magnitude. */
    size: (min: number, max: number) =>
      Math.round(Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min)))),
  }
}
type Random = ReturnType<typeof random>

export interface BenchSite {
  finessEg: string
  finessEj: string
  pmsi: string | null
  category: string | null
  sector: string
}

/** Categories treated as hospitals (the sites that order Ségur software and have programme results). */
const HOSPITAL = new Set([
  '101',
  '355',
  '106',
  '292',
  '161',
  '128',
  '129',
  '365',
  '122',
  '109',
  '362',
  '127',
  '131',
])
const SURGICAL = new Set(['101', '355', '128', '129', '365', '131'])
const WITH_LAB = new Set(['101', '355', '131'])
const PHARMACY = '620'
const EHPAD = '500'

export async function openSites(store: Store): Promise<BenchSite[]> {
  const rows = await store.db
    .selectFrom('site')
    .select([
      'finess_eg',
      'finess_ej',
      'finess_pmsi_computed',
      'finess_pmsi_override',
      'category_code',
      'sector',
    ])
    .where('closed_on', 'is', null)
    .orderBy('finess_eg')
    .execute()
  return rows.map((r) => ({
    finessEg: r.finess_eg,
    finessEj: r.finess_ej,
    pmsi: r.finess_pmsi_override ?? r.finess_pmsi_computed,
    category: r.category_code,
    sector: r.sector,
  }))
}

type Row = Record<string, string>

/** "1234,56": amounts and rates as a French spreadsheet writes them. */
const decimal = (value: number, digits = 2) => value.toFixed(digits).replace('.', ',')
const dd = (n: number) => String(n).padStart(2, '0')

function segurRows(sites: readonly BenchSite[], r: Random): Row[] {
  const rows: Row[] = []
  const vendors = [
    'Armor Santé',
    'Kerlann',
    'Opale Santé',
    'Medisys',
    'Identis',
    'Nexus',
    'LaboSys',
    'Radiance',
  ]
  const kinds: Record<SegurKind, string> = {
    dpi: 'DPI',
    pfi: 'PFI',
    ri: 'RI',
    loinc: 'LOINC',
    sgl: 'SGL',
    radio: 'RADIO',
  }
  for (const site of sites) {
    if (!HOSPITAL.has(site.category ?? '')) continue
    for (const kind of SEGUR_KINDS) {
      const concerned =
        kind === 'loinc' || kind === 'sgl'
          ? WITH_LAB.has(site.category ?? '')
          : kind === 'radio'
            ? SURGICAL.has(site.category ?? '')
            : true
      // No line at all for a kind: the import completes it as "Pas de commande signée".
      if (!r.chance(concerned ? 0.85 : 0.3)) continue
      if (!concerned) {
        rows.push({ finess: site.finessEg, kind: kinds[kind], status: 'Non concerné' })
        continue
      }
      if (r.chance(0.15)) {
        rows.push({ finess: site.finessEg, kind: kinds[kind], status: 'Pas de commande signée' })
        continue
      }
      const vendor = r.pick(vendors)
      const ceiling = r.size(3_000, 85_000)
      const advance = Math.round(ceiling * 0.3)
      const vaSigned = r.chance(0.6)
      const row: Row = {
        finess: site.finessEg,
        kind: kinds[kind],
        status: 'Commande signée',
        editeur: vendor,
        solution: `${vendor} ${kinds[kind]} ${r.int(1, 9)}.${r.int(0, 9)}`,
        va: vaSigned ? `${dd(r.int(1, 28))}/${dd(r.int(1, 12))}/${r.int(2022, 2026)}` : 'Non',
        avance: decimal(advance),
      }
      if (vaSigned) {
        row.solde = decimal(ceiling - advance)
        row.total = decimal(ceiling)
      }
      rows.push(row)
    }
  }
  return rows
}

/** INSi: hospitals nearly all, other sanitary sites (not pharmacies) often, medico-social ones with a DUI sometimes. */
function insiRows(sites: readonly BenchSite[], r: Random): Row[] {
  const rows: Row[] = []
  for (const site of sites) {
    const hospital = HOSPITAL.has(site.category ?? '')
    const p = hospital
      ? 0.95
      : site.sector === 'sanitaire' && site.category !== PHARMACY
        ? 0.6
        : site.sector === 'medico-social'
          ? 0.35
          : 0
    if (!r.chance(p)) continue
    const calls = hospital ? r.size(200, 30_000) : r.size(5, 800)
    const cv = Math.round(calls * 0.7)
    const traits = Math.round(calls * 0.2)
    const verification = calls - cv - traits
    const row: Row = {
      finess: site.finessEg,
      calls: String(calls),
      'recherche-carte-vitale': String(cv),
      'recherche-traits': String(traits),
      verification: String(verification),
    }
    const kind = r.int(1, 10)
    if (kind <= 7) {
      const patients = r.size(10, 20_000)
      row.qualified = String(r.int(0, patients))
      row.patients = String(patients)
    } else if (kind <= 9) row.qualifiedRate = decimal(r.int(0, 1000) / 10, 1)
    else row.qualifiedRate = 'pas disponible'
    rows.push(row)
  }
  return rows
}

/** MSSanté: one row per legal entity of a sanitary or medico-social site (not pharmacies). */
function mssanteRows(sites: readonly BenchSite[], r: Random): Row[] {
  const seen = new Set<string>()
  const rows: Row[] = []
  for (const site of sites) {
    if (site.category === PHARMACY || (site.sector !== 'sanitaire' && site.sector !== 'medico-social'))
      continue
    if (seen.has(site.finessEj)) continue
    seen.add(site.finessEj)
    const status = r.pick(['ES Emetteur', 'ES Emetteur', 'ES Récepteur', 'ES Raccordé', 'Non raccordé'])
    rows.push({
      finess: site.finessEj,
      raccordement: status,
      messages: status === 'Non raccordé' ? '0' : String(r.size(1, 20_000)),
      bal: String(r.size(1, 1_500)),
    })
  }
  return rows
}

/** DMP: document counts for hospitals and other care sites, DLU and convention for EHPAD, certificates per EJ. */
function dmpRows(sites: readonly BenchSite[], r: Random): Row[] {
  const rows: Row[] = []
  const certified = new Set<string>()
  for (const site of sites) {
    const hospital = HOSPITAL.has(site.category ?? '')
    if (hospital || (site.sector === 'sanitaire' && site.category !== PHARMACY)) {
      if (!r.chance(hospital ? 0.9 : 0.35)) continue
      const scale = hospital ? r.size(50, 8_000) : r.size(1, 300)
      const row: Row = { finess: site.finessEg, niveau: 'EG' }
      let total = 0
      for (const type of DMP_DOCUMENT_TYPES) {
        if (type === 'dlu') continue
        const n = Math.round(scale * (0.2 + r.int(0, 100) / 100))
        row[type] = String(n)
        total += n
      }
      row.total = String(total)
      row.fedDmp = String(Math.round(total * 0.4))
      row.fedDischarge = r.chance(0.8) ? 'Oui' : 'Non'
      row.fedBiology = r.chance(0.6) ? 'Oui' : 'Non'
      row.fedImaging = r.chance(0.5) ? 'Oui' : 'Non'
      rows.push(row)
      if (hospital && !certified.has(site.finessEj)) {
        certified.add(site.finessEj)
        const ordered = r.chance(0.8)
        rows.push({
          finess: site.finessEj,
          niveau: 'EJ',
          certificateOrder: ordered ? 'Commande effectuée' : 'Pas de commande',
          certificateInstalled: ordered && r.chance(0.7) ? 'Oui' : 'Non',
        })
      }
    } else if (site.sector === 'medico-social') {
      const ehpad = site.category === EHPAD
      if (!r.chance(ehpad ? 0.85 : 0.12)) continue
      const dlu = r.size(1, 60)
      const other = r.int(0, 20)
      rows.push({
        finess: site.finessEg,
        niveau: 'EG',
        dlu: String(dlu),
        autre: String(other),
        total: String(dlu + other),
        fedDmp: String(Math.min(dlu + other, r.size(1, 60))),
        convention: r.chance(0.7) ? 'Oui' : 'Non',
      })
    }
  }
  return rows
}

/** The hospitals' FINESS PMSI, once each: programme results and activity are reported at that level. */
function hospitalPmsi(sites: readonly BenchSite[]): string[] {
  return [...new Set(sites.filter((s) => HOSPITAL.has(s.category ?? '') && s.pmsi).map((s) => s.pmsi ?? ''))]
}

function programmeRows(sites: readonly BenchSite[], r: Random, period: string): Row[] {
  const [year, monthOfYear] = period.split('-')
  const lastDay = new Date(Date.UTC(Number(year), Number(monthOfYear), 0)).getUTCDate()
  const labels = { 'sun-es': 'SUN-ES', hopen2: 'HOPEN 2', ifaq: 'IFAQ' } as const
  const written = (code: string) => code.replace('P1.O2.', 'P1.O2 ')
  const rows: Row[] = []
  for (const finess of hospitalPmsi(sites))
    for (const indicator of PROGRAMME_INDICATORS) {
      if (!r.chance(0.9)) continue
      const denominator = r.size(20, 60_000)
      rows.push({
        finess,
        programme: labels[indicator.programme],
        indicator: written(indicator.code),
        numerator: String(r.int(0, denominator)),
        denominator: String(denominator),
        debut: `01/${monthOfYear}/${year}`,
        periode: `${lastDay}/${monthOfYear}/${year}`,
      })
    }
  return rows
}

function activiteRows(sites: readonly BenchSite[], r: Random): Row[] {
  const weights = {
    mcoDays: 2,
    mcoSessions: 1,
    ambulatoryStays: 3,
    ssrDays: 1,
    psyDays: 1,
    hadDays: 1,
    usldDays: 1,
  }
  return hospitalPmsi(sites).map((finess) => {
    const row: Row = { finess, year: '2019' }
    let halves = 0
    for (const [key, weight] of Object.entries(weights)) {
      const n = r.chance(0.6) ? r.size(100, 150_000) : 0
      row[key] = String(n)
      halves += n * weight
    }
    row.combined = decimal(halves / 2, halves % 2 ? 1 : 0)
    return row
  })
}

function esmsRows(sites: readonly BenchSite[], r: Random): Row[] {
  const rows: Row[] = []
  for (const site of sites) {
    if (site.sector !== 'medico-social' || !r.chance(0.7)) continue
    const financed = r.chance(0.75)
    const row: Row = {
      finess: site.finessEg,
      niveau: 'EG',
      financed: financed ? 'Oui' : 'Non',
      dui: r.chance(0.8) ? 'Oui' : 'Non',
      editeur: r.pick(['Éditeur F', 'Éditeur G', 'Éditeur H', 'Éditeur K']),
    }
    if (financed) {
      row.grappe = `Grappe ${site.finessEg.slice(0, 2)}-${r.int(1, 12)}`
      row.amount = decimal(r.size(3_000, 60_000))
    }
    rows.push(row)
  }
  return rows
}

const GENERATORS: Record<
  NationalSourceCode,
  (sites: readonly BenchSite[], r: Random, period: string) => Row[]
> = {
  'segur-asp': segurRows,
  insi: insiRows,
  mssante: mssanteRows,
  dmp: dmpRows,
  programmes: programmeRows,
  activite: activiteRows,
  'esms-numerique': esmsRows,
}

function csvCell(value: string): string {
  return /[;"\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** The file as a French spreadsheet saves it: UTF-8 with a BOM, `;`, CRLF, the documented headers. */
function csvFile(source: NationalSourceCode, rows: readonly Row[]): Uint8Array {
  const columns = NATIONAL_SOURCES[source].columns
  const keys = Object.keys(columns)
  const lines = [keys.map((k) => csvCell(columns[k]?.header ?? k)).join(';')]
  for (const row of rows) lines.push(keys.map((k) => csvCell(row[k] ?? '')).join(';'))
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`)
}

export interface SourceFile {
  source: NationalSourceCode
  fileName: string
  rows: number
  bytes: Uint8Array
}

const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7))

/**
 * One month of every national source file for the sites. Each month draws from its own seeds, so that two
 * consecutive months differ as real ones do (values, and which sites report).
 */
export function generateMonth(sites: readonly BenchSite[], period: string): SourceFile[] {
  const offset = 100 * (monthIndex(period) - monthIndex(FIRST_PERIOD))
  return ORDER.map((source, i) => {
    const rows = GENERATORS[source](sites, random(SEED + offset + i), period)
    return { source, fileName: `${source}-${period}.csv`, rows: rows.length, bytes: csvFile(source, rows) }
  })
}

/**
 * Every national source file of each month, for the open sites, through the real importer (derivation
 * included), each month's time printed; a rejected row stops the run (the generator writes none).
 */
/**
 * Imports every source file of each month through the real importer. `deriveLater`: as a history load
 * would, each file leaves the derived indicators alone and every month is derived once at the end (the
 * same values, test/integration/derive-later.test.ts); otherwise each file derives its own.
 */
export async function importNationalMonths(
  store: Store,
  periods: readonly string[],
  options: { deriveLater?: boolean } = {},
): Promise<void> {
  const sites = await openSites(store)
  for (const period of periods) {
    const start = performance.now()
    const files = generateMonth(sites, period)
    for (const file of files) {
      const report = await importSourceFile(store, {
        source: file.source,
        fileName: file.fileName,
        bytes: file.bytes,
        period,
        actor: { id: null, label: 'bench' },
        deriveLater: options.deriveLater ?? false,
      })
      if (report.counts.rejected > 0)
        throw new Error(`${file.source} ${period}: ${report.counts.rejected} rows rejected`)
    }
    const rows = files.reduce((n, f) => n + f.rows, 0)
    console.log(
      `${period} : ${rows} lignes des ${files.length} sources importées en ${((performance.now() - start) / 1000).toFixed(1)} s`,
    )
  }
  if (options.deriveLater && periods.length > 0) {
    const start = performance.now()
    const derived = await recomputeAllDerived(store, periods[0] as string)
    console.log(
      `indicateurs dérivés de ${derived.from} à ${derived.to} : ${derived.values} valeurs pour ${derived.structures} structures en ${((performance.now() - start) / 1000).toFixed(1)} s`,
    )
  }
}

/** The 2021 register as an etalab extract (UTF-8), all of it or `size` sites taken evenly. */
export async function nationalExtract(fhirDir: string, size: number | null): Promise<Uint8Array> {
  let register: SiteRecord[] = await readFhirRegister(fhirDir)
  if (size !== null && size < register.length) {
    const step = register.length / size
    register = Array.from({ length: size }, (_, i) => register[Math.floor(i * step)] as SiteRecord)
  }
  return encodeExtract(formatEtalabExtract(register, { extractNumber: 95, extractDate: '2021-01-29' }), {
    encoding: 'utf-8',
  })
}

export interface BenchBackend {
  name: string
  /**
   * A new migrated store, and what closes (and on a server drops) it. With `keep` (PostgreSQL only), the
   * database of that name is kept between runs; `fresh` says whether it was just created.
   */
  open: (keep?: string) => Promise<{ store: Store; done: () => Promise<void>; fresh: boolean }>
}

/** PGlite in memory and/or a PostgreSQL server (`_postgres`); `stop` ends the server when one was started. */
export function benchBackends(choice: 'pglite' | 'pg' | 'all'): {
  backends: BenchBackend[]
  stop: () => void
} {
  const backends: BenchBackend[] = []
  if (choice !== 'pg')
    backends.push({
      name: 'PGlite',
      open: async () => {
        const store = await prepareStore(await openStore({}))
        return { store, done: () => store.close(), fresh: true }
      },
    })
  const pg: BenchPostgres | null = choice === 'pglite' ? null : startBenchPostgres()
  if (pg)
    backends.push({
      name: 'PostgreSQL',
      open: async (keep) => {
        if (keep) {
          const { url, created } = await pg.keptDatabase(keep)
          const store = await prepareStore(await openStore({ databaseUrl: url }))
          return { store, done: () => store.close(), fresh: created }
        }
        const { url, drop } = await pg.newDatabase()
        const store = await prepareStore(await openStore({ databaseUrl: url }))
        return { store, done: async () => (await store.close(), await drop()), fresh: true }
      },
    })
  else if (choice !== 'pglite')
    console.log('No PostgreSQL server (DATABASE_URL unset, no /usr/lib/postgresql): PGlite only.')
  return { backends, stop: () => pg?.stop() }
}
