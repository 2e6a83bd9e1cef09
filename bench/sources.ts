// `npm run bench -- sources`: one national month (2026-10) of every national source file, generated for the
// 2021 FINESS register (95 333 sites) at each source's level, imported one after the other on PGlite and on
// PostgreSQL. Each import is timed with its derivation (the rules engine runs inside the import's
// transaction) and compared with a raw COPY of the same observations into a bare table in the same
// database. Options: --backend pglite|pg|all (default all), --size N (N sites of the register, taken
// evenly), --fhir-dir DIR.
import { performance } from 'node:perf_hooks'
import { prepareStore } from '../src/app/database'
import { importFinessFile } from '../src/app/import-finess'
import { importSourceFile, type SourceImportReport } from '../src/app/import-source'
import { recomputeDerived } from '../src/app/recompute-derived'
import {
  DMP_DOCUMENT_TYPES,
  PROGRAMME_INDICATORS,
  SEGUR_KINDS,
  type SegurKind,
} from '../src/domain/observations/indicators'
import type { SiteRecord } from '../src/domain/structure'
import { encodeExtract, formatEtalabExtract } from '../src/sources/finess/etalab-writer'
import { NATIONAL_SOURCES, type NationalSourceCode } from '../src/sources/monthly/sources/index'
import type { CopyValue } from '../src/store/copy-format'
import { openStore, type Store } from '../src/store/database'
import { indicatorIds } from '../src/store/observations'
import { DEFAULT_FHIR_DIR, readFhirRegister } from '../scripts/fhir-to-etalab'
import { startBenchPostgres, type BenchPostgres } from './_postgres'

const PERIOD = '2026-10'
const SEED = 0x50_2026

/** The order of a monthly run: orders and usage first, then programme results and activity. */
const ORDER: readonly NationalSourceCode[] = [
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

interface BenchSite {
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

async function openSites(store: Store): Promise<BenchSite[]> {
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

function programmeRows(sites: readonly BenchSite[], r: Random): Row[] {
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
        debut: '01/10/2026',
        periode: '31/10/2026',
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

const GENERATORS: Record<NationalSourceCode, (sites: readonly BenchSite[], r: Random) => Row[]> = {
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

interface SourceFile {
  source: NationalSourceCode
  fileName: string
  rows: number
  bytes: Uint8Array
}

function generateMonth(sites: readonly BenchSite[]): SourceFile[] {
  return ORDER.map((source, i) => {
    const rows = GENERATORS[source](sites, random(SEED + i))
    return { source, fileName: `${source}-${PERIOD}.csv`, rows: rows.length, bytes: csvFile(source, rows) }
  })
}

// ---------------------------------------------------------------------------------------------------------
// Measuring

/** Peak resident memory while `work` runs, sampled every 20 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  try {
    const result = await work()
    peak = Math.max(peak, process.memoryUsage().rss)
    return { result, peakRssMb: peak / 2 ** 20 }
  } finally {
    clearInterval(timer)
  }
}

const VALUE_COLUMNS = [
  'indicator_id',
  'level',
  'finess',
  'period',
  'value_number',
  'value_text',
  'numerator',
  'denominator',
] as const

/** The observations an import wrote, loaded again by a plain COPY into a bare table without index. */
async function rawCopyMs(store: Store, importId: number): Promise<number> {
  const rows = (
    await store.db.selectFrom('observation').select(VALUE_COLUMNS).where('import_id', '=', importId).execute()
  ).map((o) => VALUE_COLUMNS.map((c) => o[c]))
  return copyRowsMs(store, rows)
}

async function copyRowsMs(store: Store, rows: CopyValue[][]): Promise<number> {
  await store.transaction((s) =>
    s.exec(`create table bench_raw as select ${VALUE_COLUMNS.join(', ')} from observation with no data`),
  )
  const start = performance.now()
  await store.transaction((s) => s.copyInto('bench_raw', VALUE_COLUMNS, rows))
  const ms = performance.now() - start
  await store.transaction((s) => s.exec('drop table bench_raw'))
  return ms
}

/** Where an import's time goes, from its progress steps (the first time each step is announced). */
const PHASES = [
  ['lecture du référentiel', 'setup'],
  ['lecture des lignes', 'load'],
  ['comparaison avec l’import précédent', 'compare'],
  ['calcul des indicateurs dérivés', 'derive'],
  ['terminé', 'commit'],
] as const
type Phase = (typeof PHASES)[number][1]

interface SourceMeasure {
  source: NationalSourceCode
  rows: number
  observations: number
  derived: number
  rejected: number
  warnings: number
  copyMs: number
  importMs: number
  phases: Record<Phase, number>
  peakRssMb: number
}

async function timedImport(
  store: Store,
  file: SourceFile,
): Promise<{ report: SourceImportReport; ms: number; phases: Record<Phase, number>; peakRssMb: number }> {
  const marks: [string, number][] = []
  const start = performance.now()
  const { result: report, peakRssMb } = await withPeakRss(() =>
    importSourceFile(store, {
      source: file.source,
      fileName: file.fileName,
      bytes: file.bytes,
      period: PERIOD,
      actor: { id: null, label: 'bench' },
      onProgress: (step) => {
        if (!marks.some(([s]) => s === step)) marks.push([step, performance.now()])
      },
    }),
  )
  const end = performance.now()
  const phases = { setup: 0, load: 0, compare: 0, derive: 0, commit: 0 }
  let previous = start
  let phase: Phase | null = null
  for (const [step, at] of [...marks, ['', end] as [string, number]]) {
    if (phase) phases[phase] += at - previous
    else phases.setup += at - previous
    phase = PHASES.find(([s]) => s === step)?.[1] ?? phase
    previous = at
  }
  return { report, ms: end - start, phases, peakRssMb }
}

interface BackendMeasure {
  backend: string
  finessMs: number
  sources: SourceMeasure[]
  reimport: { source: NationalSourceCode; ms: number; unchanged: number }
  deriveAloneMs: number
  derivedValues: number
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function measureBackend(
  backend: string,
  open: () => Promise<{ store: Store; done: () => Promise<void> }>,
  extract: Uint8Array,
  files: { current: SourceFile[] | null },
): Promise<BackendMeasure> {
  const { store, done } = await open()
  try {
    let start = performance.now()
    await importFinessFile(store, { fileName: 'national.csv', bytes: extract })
    const finessMs = performance.now() - start
    console.log(`${backend}: référentiel FINESS importé en ${seconds(finessMs)} (non compté dans le mois)`)
    if (!files.current) {
      const sites = await openSites(store)
      files.current = generateMonth(sites)
      console.log(
        `${sites.length} sites ouverts ; fichiers de ${PERIOD} : ${files.current
          .map((f) => `${f.source} ${f.rows} lignes (${(f.bytes.length / 2 ** 20).toFixed(1)} Mo)`)
          .join(', ')}`,
      )
    }
    // A dry run of a few rows of each source first, so that no measure pays for the JIT or first queries.
    for (const file of files.current) {
      const text = new TextDecoder().decode(file.bytes).split('\r\n').slice(0, 200).join('\r\n')
      await importSourceFile(store, {
        source: file.source,
        fileName: file.fileName,
        bytes: new TextEncoder().encode(`${text}\r\n`),
        period: PERIOD,
        actor: { id: null, label: 'bench' },
        dryRun: true,
      })
    }
    await copyRowsMs(
      store,
      Array.from({ length: 1_000 }, (_, i) => [
        1,
        'EG',
        String(i).padStart(9, '0'),
        `${PERIOD}-01`,
        i,
        null,
        null,
        null,
      ]),
    )
    console.log(
      'source            lignes  observ.   dérivées  COPY brut  import+dérivé   lecture  comparaison  dérivation     autre      débit   ratio  mém. max',
    )
    const sources: SourceMeasure[] = []
    for (const file of files.current) {
      const { report, ms, phases, peakRssMb } = await timedImport(store, file)
      if (report.importId === null) throw new Error('no import id')
      if (report.counts.rejected > 0)
        throw new Error(
          `${file.source}: ${report.counts.rejected} rows rejected, e.g. ${JSON.stringify(report.issues[0])}`,
        )
      const copyMs = await rawCopyMs(store, report.importId)
      const m: SourceMeasure = {
        source: file.source,
        rows: report.counts.rowsRead,
        observations: report.counts.observations,
        derived: report.derived.values,
        rejected: report.counts.rejected,
        warnings: report.counts.warnings,
        copyMs,
        importMs: ms,
        phases,
        peakRssMb,
      }
      sources.push(m)
      printSource(m)
      if (m.warnings > 0)
        console.log(`  ${m.warnings} avertissements, ex. ${report.issues[0]?.message ?? ''}`)
    }
    const stored = await store.db
      .selectFrom('derived_observation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    printTotal(backend, sources, Number(stored?.n ?? 0))
    // The same INSi file again: every value compared, nothing changes, the derived values recomputed.
    const insi = files.current.find((f) => f.source === 'insi')
    if (!insi) throw new Error('no INSi file')
    const again = await timedImport(store, insi)
    if (again.report.counts.added + again.report.counts.changed + again.report.counts.removed !== 0)
      throw new Error('the second INSi import changed something')
    console.log(
      `${backend}: réimport du fichier INSi (${again.report.counts.unchanged} valeurs inchangées) : ${seconds(again.ms)} (lecture ${seconds(again.phases.load)}, comparaison et retrait de l’ancien ${seconds(again.phases.compare)}, dérivation ${seconds(again.phases.derive)})`,
    )
    // The derivation alone, over the whole month once every source is in.
    const ids = await indicatorIds(store.db)
    start = performance.now()
    const derived = await store.transaction((s) => recomputeDerived(s, PERIOD, ids))
    const deriveAloneMs = performance.now() - start
    console.log(
      `${backend}: dérivation seule du mois complet : ${derived.values} valeurs pour ${derived.structures} structures en ${seconds(deriveAloneMs)}`,
    )
    return {
      backend,
      finessMs,
      sources,
      reimport: { source: 'insi', ms: again.ms, unchanged: again.report.counts.unchanged },
      deriveAloneMs,
      derivedValues: derived.values,
    }
  } finally {
    await done()
  }
}

function printSource(m: SourceMeasure): void {
  console.log(
    [
      m.source.padEnd(15),
      String(m.rows).padStart(7),
      String(m.observations).padStart(8),
      String(m.derived).padStart(9),
      seconds(m.copyMs).padStart(9),
      seconds(m.importMs).padStart(13),
      seconds(m.phases.load).padStart(8),
      seconds(m.phases.compare).padStart(11),
      seconds(m.phases.derive).padStart(10),
      seconds(m.phases.setup + m.phases.commit).padStart(8),
      `${Math.round((m.rows / m.importMs) * 1000).toLocaleString('fr-FR')} l/s`.padStart(11),
      `×${(m.importMs / m.copyMs).toFixed(1)}`.padStart(7),
      `${Math.round(m.peakRssMb)} Mo`.padStart(9),
    ].join('  '),
  )
}

function printTotal(backend: string, sources: readonly SourceMeasure[], derivedStored: number): void {
  const sum = (f: (m: SourceMeasure) => number) => sources.reduce((acc, m) => acc + f(m), 0)
  const total: SourceMeasure = {
    source: 'total' as NationalSourceCode,
    rows: sum((m) => m.rows),
    observations: sum((m) => m.observations),
    derived: derivedStored,
    rejected: 0,
    warnings: 0,
    copyMs: sum((m) => m.copyMs),
    importMs: sum((m) => m.importMs),
    phases: {
      setup: sum((m) => m.phases.setup),
      load: sum((m) => m.phases.load),
      compare: sum((m) => m.phases.compare),
      derive: sum((m) => m.phases.derive),
      commit: sum((m) => m.phases.commit),
    },
    peakRssMb: Math.max(...sources.map((m) => m.peakRssMb)),
  }
  printSource(total)
  const met = total.importMs < 60_000 ? 'atteinte' : 'NON atteinte'
  console.log(
    `${backend}: mois national complet importé et dérivé en ${seconds(total.importMs)} (cible < 60 s sur PostgreSQL : ${met}) ; lecture ${seconds(total.phases.load)}, dérivation ${seconds(total.phases.derive)}, le reste ${seconds(total.phases.setup + total.phases.compare + total.phases.commit)}`,
  )
}

export default async function run(args: string[]): Promise<void> {
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
  const fhirDir = option('--fhir-dir') ?? DEFAULT_FHIR_DIR
  const backend = option('--backend') ?? 'all'
  if (!['pglite', 'pg', 'all'].includes(backend)) throw new Error('--backend pglite|pg|all')
  const size = option('--size') === undefined ? null : Number(option('--size'))
  console.log(`Reading the 2021 FINESS register from ${fhirDir}…`)
  const extract = await (async () => {
    let register: SiteRecord[] = await readFhirRegister(fhirDir)
    if (size !== null && size < register.length) {
      const step = register.length / size
      register = Array.from({ length: size }, (_, i) => register[Math.floor(i * step)] as SiteRecord)
    }
    return encodeExtract(formatEtalabExtract(register, { extractNumber: 95, extractDate: '2021-01-29' }), {
      encoding: 'utf-8',
    })
  })()
  const backends: [string, () => Promise<{ store: Store; done: () => Promise<void> }>][] = []
  if (backend !== 'pg')
    backends.push([
      'PGlite',
      async () => {
        const store = await prepareStore(await openStore({}))
        return { store, done: () => store.close() }
      },
    ])
  const pg: BenchPostgres | null = backend === 'pglite' ? null : startBenchPostgres()
  if (pg)
    backends.push([
      'PostgreSQL',
      async () => {
        const { url, drop } = await pg.newDatabase()
        const store = await prepareStore(await openStore({ databaseUrl: url }))
        return { store, done: async () => (await store.close(), await drop()) }
      },
    ])
  else if (backend !== 'pglite')
    console.log('No PostgreSQL server (DATABASE_URL unset, no /usr/lib/postgresql): PGlite only.')
  const files: { current: SourceFile[] | null } = { current: null }
  try {
    for (const [name, open] of backends) await measureBackend(name, open, extract, files)
  } finally {
    pg?.stop()
  }
  console.log(
    `Mémoire résidente maximale du processus : ${Math.round(process.resourceUsage().maxRSS / 1024)} Mo`,
  )
}
