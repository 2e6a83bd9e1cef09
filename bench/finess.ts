// `npm run bench -- finess`: import a national-size FINESS extract (the 2021 register written out in the
// etalab layout, 95 333 sites) on PGlite and on PostgreSQL, and compare with a raw COPY of the same rows
// into a bare table in the same run. Also 10 000 rows, to check that the import is linear.
import { performance } from 'node:perf_hooks'
import { prepareStore } from '../src/app/database'
import { importFinessFile } from '../src/app/import-finess'
import { siteColumnValues } from '../src/app/site-columns'
import { deriveSite } from '../src/domain/derive-site'
import type { SiteRecord } from '../src/domain/structure'
import { parseEtalabExtract } from '../src/sources/finess/etalab-parser'
import { encodeExtract, formatEtalabExtract } from '../src/sources/finess/etalab-writer'
import type { CopyValue } from '../src/store/copy-format'
import { openStore, type Store } from '../src/store/database'
import { loadDerivationContext } from '../src/store/derivation-lookups'
import { SITE_SOURCE_COLUMNS } from '../src/store/site-import'
import { DEFAULT_FHIR_DIR, readFhirRegister } from '../scripts/fhir-to-etalab'
import { startBenchPostgres, type BenchPostgres } from './_postgres'

interface Measure {
  backend: string
  rows: number
  copyMs: number
  importMs: number
  reimportMs: number
  peakRssMb: number
}

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

/** The rows of the file as the import stages them, loaded by a plain COPY into a bare table. */
async function rawCopyMs(store: Store, file: Uint8Array): Promise<number> {
  const ctx = await loadDerivationContext(store.db)
  let rows: CopyValue[][] | null = parseEtalabExtract('national.csv', file).sites.map(({ record }) => [
    record.finessEg,
    ...siteColumnValues(deriveSite(record, ctx)),
  ])
  await store.transaction((s) =>
    s.exec(
      `create table bench_raw as select finess_eg, ${SITE_SOURCE_COLUMNS.join(', ')} from site with no data`,
    ),
  )
  const start = performance.now()
  await store.transaction((s) => s.copyInto('bench_raw', ['finess_eg', ...SITE_SOURCE_COLUMNS], rows ?? []))
  const ms = performance.now() - start
  rows = null
  await store.transaction((s) => s.exec('drop table bench_raw'))
  return ms
}

async function measure(
  backend: string,
  open: () => Promise<{ store: Store; done: () => Promise<void> }>,
  rows: number,
  file: Uint8Array,
): Promise<Measure> {
  const { store, done } = await open()
  try {
    const copyMs = await rawCopyMs(store, file)
    let start = performance.now()
    const { result: report, peakRssMb } = await withPeakRss(() =>
      importFinessFile(store, { fileName: 'national.csv', bytes: file }),
    )
    const importMs = performance.now() - start
    if (report.counts.created !== rows) throw new Error(`imported ${report.counts.created} of ${rows}`)
    start = performance.now()
    const again = await importFinessFile(store, { fileName: 'national.csv', bytes: file })
    const reimportMs = performance.now() - start
    if (again.counts.unchanged !== rows) throw new Error('second import changed something')
    return { backend, rows, copyMs, importMs, reimportMs, peakRssMb }
  } finally {
    await done()
  }
}

function print(m: Measure): void {
  const perSecond = Math.round((m.rows / m.importMs) * 1000)
  console.log(
    [
      m.backend.padEnd(10),
      String(m.rows).padStart(7),
      `${(m.copyMs / 1000).toFixed(2)} s`.padStart(9),
      `${(m.importMs / 1000).toFixed(2)} s`.padStart(9),
      `${perSecond.toLocaleString('fr-FR')} lignes/s`.padStart(16),
      `×${(m.importMs / m.copyMs).toFixed(2)}`.padStart(7),
      `${(m.reimportMs / 1000).toFixed(2)} s`.padStart(9),
      `${Math.round(m.peakRssMb)} Mo`.padStart(8),
    ].join('  '),
  )
}

export default async function run(args: string[]): Promise<void> {
  const fhirDir = args.includes('--fhir-dir')
    ? (args[args.indexOf('--fhir-dir') + 1] ?? DEFAULT_FHIR_DIR)
    : DEFAULT_FHIR_DIR
  console.log(`Reading the 2021 FINESS register from ${fhirDir}…`)
  const header = { extractNumber: 95, extractDate: '2021-01-29' }
  const extract = (sites: SiteRecord[]) =>
    encodeExtract(formatEtalabExtract(sites, header), { encoding: 'utf-8' })
  // Only the files stay in memory: the register itself would weigh on the garbage collector of every import.
  const sizes = await (async () => {
    const register = await readFhirRegister(fhirDir)
    // A tenth of the register taken evenly, so that both sizes have the same mix of territories and categories.
    const tenth = register.filter((_, i) => i % 10 === 0).slice(0, 10_000)
    return {
      warmUp: { rows: 2_000, file: extract(register.slice(0, 2_000)) },
      small: { rows: tenth.length, file: extract(tenth) },
      full: { rows: register.length, file: extract(register) },
    }
  })()
  const pg: BenchPostgres | null = startBenchPostgres()
  const backends: [string, () => Promise<{ store: Store; done: () => Promise<void> }>][] = [
    [
      'PGlite',
      async () => {
        const store = await prepareStore(await openStore({}))
        return { store, done: () => store.close() }
      },
    ],
  ]
  if (pg) {
    backends.push([
      'PostgreSQL',
      async () => {
        const { url, drop } = await pg.newDatabase()
        const store = await prepareStore(await openStore({ databaseUrl: url }))
        return { store, done: async () => (await store.close(), await drop()) }
      },
    ])
  } else console.log('No PostgreSQL server (DATABASE_URL unset, no /usr/lib/postgresql): PGlite only.')
  console.log('backend      lignes  COPY brut     import        débit   ratio  réimport  mém. max')
  try {
    for (const [name, open] of backends) {
      // One untimed import first, so that neither size pays for the JIT and the first connection.
      await measure(name, open, sizes.warmUp.rows, sizes.warmUp.file)
      const small = await measure(name, open, sizes.small.rows, sizes.small.file)
      print(small)
      const full = await measure(name, open, sizes.full.rows, sizes.full.file)
      print(full)
      const perRowDrift = full.importMs / full.rows / (small.importMs / small.rows) - 1
      console.log(
        `${name}: temps par ligne, ${full.rows} vs ${small.rows} lignes : ${(perRowDrift * 100).toFixed(1)} % (cible : ±20 %) ; import / COPY brut : ×${(full.importMs / full.copyMs).toFixed(2)} (cible : ≤ ×3)`,
      )
    }
  } finally {
    pg?.stop()
  }
}
