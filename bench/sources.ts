// `npm run bench -- sources`: one national month (2026-10) of every national source file, generated for the
// 2021 FINESS register (95 333 sites) at each source's level, imported one after the other on PGlite and on
// PostgreSQL. Each import is timed with its derivation (the rules engine runs inside the import's
// transaction) and compared with a raw COPY of the same observations into a bare table in the same
// database. Options: --backend pglite|pg|all (default all), --size N (N sites of the register, taken
// evenly), --fhir-dir DIR.
import { performance } from 'node:perf_hooks'
import { importFinessFile } from '../src/app/import-finess'
import { importSourceFile, type SourceImportReport } from '../src/app/import-source'
import { recomputeDerived } from '../src/app/recompute-derived'
import type { NationalSourceCode } from '../src/sources/monthly/sources/index'
import type { CopyValue } from '../src/store/copy-format'
import type { Store } from '../src/store/database'
import { indicatorIds } from '../src/store/observations'
import { DEFAULT_FHIR_DIR } from '../scripts/fhir-to-etalab'
import { benchBackends, generateMonth, nationalExtract, openSites, type SourceFile } from './_national-data'

const PERIOD = '2026-10'

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
      files.current = generateMonth(sites, PERIOD)
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
  const extract = await nationalExtract(fhirDir, size)
  const { backends, stop } = benchBackends(backend as 'pglite' | 'pg' | 'all')
  const files: { current: SourceFile[] | null } = { current: null }
  try {
    for (const { name, open } of backends) await measureBackend(name, open, extract, files)
  } finally {
    stop()
  }
  console.log(
    `Mémoire résidente maximale du processus : ${Math.round(process.resourceUsage().maxRSS / 1024)} Mo`,
  )
}
