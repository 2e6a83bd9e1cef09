// `npm run bench -- finess`: import a national-size FINESS extract (the 2021 register written out in the
// etalab layout, 95 333 sites) on PGlite and on PostgreSQL, and compare with a raw COPY of the same rows
// into a bare table in the same run. Also 10 000 rows, to check that the import is linear.
import { performance } from 'node:perf_hooks'
import { prepareStore } from '../src/app/database'
import { importFinessFile } from '../src/app/import-finess'
import { siteColumnValues } from '../src/app/site-columns'
import { deriveSite } from '../src/domain/derive-site'
import type { SiteRecord } from '../src/domain/structure'
import { encodeExtract, formatEtalabExtract } from '../src/sources/finess/etalab-writer'
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

async function rawCopyMs(store: Store, sites: readonly SiteRecord[]): Promise<number> {
  const ctx = await loadDerivationContext(store.db)
  const rows = sites.map((s) => [s.finessEg, ...siteColumnValues(deriveSite(s, ctx))])
  await store.transaction((s) =>
    s.exec(
      `create table bench_raw as select finess_eg, ${SITE_SOURCE_COLUMNS.join(', ')} from site with no data`,
    ),
  )
  const start = performance.now()
  await store.transaction((s) => s.copyInto('bench_raw', ['finess_eg', ...SITE_SOURCE_COLUMNS], rows))
  const ms = performance.now() - start
  await store.transaction((s) => s.exec('drop table bench_raw'))
  return ms
}

async function measure(
  backend: string,
  open: () => Promise<{ store: Store; done: () => Promise<void> }>,
  sites: SiteRecord[],
): Promise<Measure> {
  const file = encodeExtract(formatEtalabExtract(sites, { extractNumber: 95, extractDate: '2021-01-29' }), {
    encoding: 'utf-8',
  })
  const { store, done } = await open()
  try {
    const copyMs = await rawCopyMs(store, sites)
    let start = performance.now()
    const { result: report, peakRssMb } = await withPeakRss(() =>
      importFinessFile(store, { fileName: 'national.csv', bytes: file }),
    )
    const importMs = performance.now() - start
    if (report.counts.created !== sites.length)
      throw new Error(`imported ${report.counts.created} of ${sites.length}`)
    start = performance.now()
    const again = await importFinessFile(store, { fileName: 'national.csv', bytes: file })
    const reimportMs = performance.now() - start
    if (again.counts.unchanged !== sites.length) throw new Error('second import changed something')
    return { backend, rows: sites.length, copyMs, importMs, reimportMs, peakRssMb }
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
  const register = await readFhirRegister(fhirDir)
  // A tenth of the register taken evenly, so that both sizes have the same mix of territories and categories.
  const tenth = register.filter((_, i) => i % 10 === 0).slice(0, 10_000)
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
      await measure(name, open, register.slice(0, 2_000))
      const small = await measure(name, open, tenth)
      print(small)
      const full = await measure(name, open, register)
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
