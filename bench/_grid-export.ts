// The national export of the tracking grid, timed for `npm run bench -- grid`: the whole national view
// (every site, the default columns) written as the tracker's Excel workbook and as CSV, each into a sink
// that only counts bytes. Baseline, in the same process: the same pages read without writing anything
// (`planExport`), so that the ratio is the cost of the file format. Memory: the process's resident size
// and heap sampled every 20 ms during each run; bounded means the peak does not follow the number of rows
// (a département's export is measured too, for comparison).
import { performance } from 'node:perf_hooks'
import { Writable } from 'node:stream'
import { gridCsv } from '../src/app/grid-csv'
import { planExport } from '../src/app/grid-export-rows'
import { gridWorkbook } from '../src/app/grid-xlsx'
import type { AccessUser } from '../src/domain/access/permissions'
import { gridQuery } from '../src/domain/contract/grid'
import type { Store } from '../src/store/database'

/** Issue 6's budget for a national Excel export. */
const EXPORT_BUDGET_MS = 60_000

interface ExportRun {
  ms: number
  bytes: number
  rows: number
  /** Peak over the run, minus the value before it (MB). */
  rssGrowthMb: number
  heapGrowthMb: number
}

/** A sink that keeps nothing: the export's memory is the export's own. */
function countingSink(): { sink: Writable; bytes: () => number } {
  let bytes = 0
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      done()
    },
  })
  return { sink, bytes: () => bytes }
}

async function sampled(work: () => Promise<{ bytes: number; rows: number }>): Promise<ExportRun> {
  global.gc?.()
  const before = process.memoryUsage()
  let rss = before.rss
  let heap = before.heapUsed
  const timer = setInterval(() => {
    const now = process.memoryUsage()
    rss = Math.max(rss, now.rss)
    heap = Math.max(heap, now.heapUsed)
  }, 20)
  const start = performance.now()
  try {
    const { bytes, rows } = await work()
    const ms = performance.now() - start
    const mb = (n: number) => Math.max(0, n) / 1024 / 1024
    return { ms, bytes, rows, rssGrowthMb: mb(rss - before.rss), heapGrowthMb: mb(heap - before.heapUsed) }
  } finally {
    clearInterval(timer)
  }
}

async function writeTo(file: { write(output: Writable): Promise<void> }): Promise<number> {
  const { sink, bytes } = countingSink()
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve)
    sink.on('error', reject)
  })
  await file.write(sink)
  if (!sink.writableFinished) await finished
  return bytes()
}

function printRun(label: string, run: ExportRun, reference: ExportRun | null, budgetMs: number | null) {
  const rowsPerSecond = Math.round((run.rows / run.ms) * 1000).toLocaleString('fr-FR')
  console.log(
    [
      label.padEnd(50),
      run.rows.toLocaleString('fr-FR').padStart(8),
      `${(run.ms / 1000).toFixed(1)} s`.padStart(8),
      rowsPerSecond.padStart(9),
      `${(run.bytes / 1024 / 1024).toFixed(1)} Mo`.padStart(9),
      (reference ? `×${(run.ms / reference.ms).toFixed(1)}` : '').padStart(6),
      `+${run.rssGrowthMb.toFixed(0)} Mo`.padStart(9),
      `+${run.heapGrowthMb.toFixed(0)} Mo`.padStart(9),
      budgetMs === null ? '' : `< ${budgetMs / 1000} s ${run.ms < budgetMs ? 'OK' : 'OVER'}`,
    ].join('  '),
  )
}

/** Times the exports of the national view and of one département, as the national user. */
export async function measureExports(
  store: Store,
  user: AccessUser,
  period: string,
  departement: string,
): Promise<void> {
  console.log(
    `\nExports (${period}, colonnes par défaut) : temps, lignes/s, taille, ratio à la lecture seule, ` +
      'croissance maximale de la mémoire résidente et du tas pendant l’export',
  )
  console.log(
    [
      'export'.padEnd(50),
      'lignes'.padStart(8),
      'temps'.padStart(8),
      'lignes/s'.padStart(9),
      'taille'.padStart(9),
      'ratio'.padStart(6),
      'RSS'.padStart(9),
      'tas'.padStart(9),
      'budget',
    ].join('  '),
  )
  for (const [label, params] of [
    [`département ${departement}`, { period, departement }],
    ['national', { period }],
  ] as const) {
    const query = gridQuery.parse(params)
    const reading = await sampled(async () => {
      const plan = await planExport(store, user, query)
      let rows = 0
      for await (const page of plan.pages) rows += page.length
      return { bytes: 0, rows }
    })
    printRun(`${label} : lecture seule (référence)`, reading, null, null)
    const xlsx = await sampled(async () => ({
      bytes: await writeTo(await gridWorkbook(store, user, query, 'banc de mesure')),
      rows: reading.rows,
    }))
    printRun(`${label} : Excel (présentation du suivi)`, xlsx, reading, EXPORT_BUDGET_MS)
    const csv = await sampled(async () => ({
      bytes: await writeTo(await gridCsv(store, user, query)),
      rows: reading.rows,
    }))
    printRun(`${label} : CSV`, csv, reading, null)
  }
}
