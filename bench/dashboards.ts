// `npm run bench -- dashboards`: the dashboards' server time on national-size data with 36 months of history
// (issue 7 §6: a national dashboard renders under 1 s on PostgreSQL), with the map and a région's
// priorities. The 2021 FINESS register (95 333 sites) and 36 consecutive months (2023-12 to 2026-11) of every
// national source file are imported through the real importers as a history load is (each file's
// derivation deferred, every month derived once at the end; not measured), then each request is timed in process
// (median and p95 over several runs after a warm-up) and once more through HTTP (fastify inject: session,
// validation, JSON serialisation). Baseline, interleaved in the same process: the tracking grid's first page
// for the same user and point (`gridPage`, 100 rows), whose totals the dashboard's counts equal. A profiling
// pass lists each line's slowest SQL statements. Options: --backend pg|pglite|all (default pg), --size N,
// --months N (default 36), --runs N (default 15), --fhir-dir DIR, --keep (PostgreSQL given by DATABASE_URL:
// keep the database `jalon_bench_dashboards_<size>_<months>` and reuse it on the next run, importing once).
import type { FastifyInstance } from 'fastify'
import { dashboard } from '../src/app/dashboard'
import { programmeViews } from '../src/app/dashboard-programmes'
import { mapFigures } from '../src/app/map'
import { topPriorities } from '../src/app/priority-report'
import { mapQuery } from '../src/domain/contract/map'
import { gridPage } from '../src/app/grid'
import { importFinessFile } from '../src/app/import-finess'
import type { AccessUser } from '../src/domain/access/permissions'
import { dashboardQuery } from '../src/domain/contract/dashboard'
import { gridQuery } from '../src/domain/contract/grid'
import { addMonths, type Period } from '../src/domain/observations/period'
import { buildServer } from '../src/server/app'
import type { Store } from '../src/store/database'
import { DEFAULT_FHIR_DIR } from '../scripts/fhir-to-etalab'
import { pickRegion } from './grid'
import {
  elapsed,
  milliseconds,
  profiledStore,
  seconds,
  shortSql,
  signInCookie,
  timeInterleaved,
  type CapturedQuery,
  type Timing,
} from './_measure'
import { benchBackends, importNationalMonths, nationalExtract, type BenchBackend } from './_national-data'

const PERIOD: Period = '2026-11'
const DPI_MAP = { indicator: 'segur.commande.dpi', status: 'signee' }
const BUDGET_MS = 1000

type Who = 'national' | 'regional'

interface Line {
  label: string
  who: Who
  /** The use case, in process. */
  run: (store: Store, user: AccessUser) => Promise<unknown>
  /** The same through the HTTP API. */
  url: string
}

function lines(region: string): Line[] {
  const query = (extra: Record<string, string> = {}) => dashboardQuery.parse({ period: PERIOD, ...extra })
  return [
    {
      label: 'tableau de bord national',
      who: 'national',
      run: (store, user) => dashboard(store, user, query()),
      url: `/api/dashboard?period=${PERIOD}`,
    },
    {
      label: 'programmes, national',
      who: 'national',
      run: (store, user) => programmeViews(store, user, query()),
      url: `/api/dashboard/programmes?period=${PERIOD}`,
    },
    {
      label: 'carte nationale des départements (commande DPI signée)',
      who: 'national',
      run: (store, user) => mapFigures(store, user, mapQuery.parse({ period: PERIOD, ...DPI_MAP })),
      url: `/api/map?period=${PERIOD}&indicator=${DPI_MAP.indicator}&status=${DPI_MAP.status}`,
    },
    {
      label: 'carte nationale des départements (appels INSi, moyenne)',
      who: 'national',
      run: (store, user) =>
        mapFigures(store, user, mapQuery.parse({ period: PERIOD, indicator: 'insi.appels' })),
      url: `/api/map?period=${PERIOD}&indicator=insi.appels`,
    },
    {
      label: `tableau de bord, région ${region} (compte régional)`,
      who: 'regional',
      run: (store, user) => dashboard(store, user, query()),
      url: `/api/dashboard?period=${PERIOD}`,
    },
    {
      label: `programmes, région ${region} (compte régional)`,
      who: 'regional',
      run: (store, user) => programmeViews(store, user, query()),
      url: `/api/dashboard/programmes?period=${PERIOD}`,
    },
    {
      label: `priorités par défaut, région ${region} (compte régional)`,
      who: 'regional',
      run: (store, user) => topPriorities(store, user, { region, period: PERIOD, limit: 50 }),
      url: `/api/priorities/results?period=${PERIOD}`,
    },
  ]
}

interface Measure {
  line: Line
  inProcess: Timing
  http: Timing
  baseline: Timing
  bytes: number
  queries: CapturedQuery[]
}

async function measureLine(
  store: Store,
  app: FastifyInstance,
  accounts: Record<Who, { user: AccessUser; cookie: string }>,
  line: Line,
  runs: number,
): Promise<Measure> {
  const { user, cookie } = accounts[line.who]
  const firstPage = gridQuery.parse({ period: PERIOD })
  let bytes = 0
  const [inProcess, http, baseline] = (await timeInterleaved(
    [
      () => line.run(store, user),
      async () => {
        const response = await app.inject({ method: 'GET', url: line.url, headers: { cookie } })
        if (response.statusCode !== 200)
          throw new Error(`${line.url}: ${response.statusCode} ${response.body}`)
        bytes = response.rawPayload.length
      },
      () => gridPage(store, user, firstPage),
    ],
    runs,
  )) as [Timing, Timing, Timing]
  const queries: CapturedQuery[] = []
  await line.run(profiledStore(store, queries), user)
  return { line, inProcess, http, baseline, bytes, queries }
}

function printMeasure(m: Measure): void {
  const verdict = (t: Timing) => (t.p95 < BUDGET_MS ? 'OK' : 'OVER')
  const row = (label: string, t: Timing, reference: Timing, note: string) =>
    console.log(
      [
        label.padEnd(52),
        milliseconds(t.median).padStart(9),
        milliseconds(t.p95).padStart(8),
        milliseconds(reference.median).padStart(10),
        `×${(t.median / reference.median).toFixed(1)}`.padStart(7),
        note.padStart(24),
        `< ${BUDGET_MS} ms`.padStart(9),
        `${verdict(t)} (${t.runs} passes)`,
      ].join('  '),
    )
  const slowest = Math.max(...m.queries.map((q) => q.ms))
  row(m.line.label, m.inProcess, m.baseline, `${m.queries.length} SQL (${elapsed(slowest)})`)
  row('  … par HTTP (inject)', m.http, m.inProcess, `${Math.round(m.bytes / 1024)} Kio JSON`)
}

interface Options {
  size: number
  months: number
  runs: number
  /** Keep the PostgreSQL database between runs: import once, measure again. */
  keep: boolean
}

async function measureBackend(backend: BenchBackend, extract: Uint8Array, options: Options) {
  const { months, runs } = options
  const keep = options.keep ? `jalon_bench_dashboards_${options.size}_${months}` : undefined
  const { store, done, fresh } = await backend.open(keep)
  let app: FastifyInstance | null = null
  try {
    if (fresh) {
      let start = performance.now()
      await importFinessFile(store, { fileName: 'national.csv', bytes: extract })
      console.log(`${backend.name} : référentiel FINESS importé en ${seconds(performance.now() - start)}`)
      start = performance.now()
      const periods = Array.from({ length: months }, (_, i) => addMonths(PERIOD, i - months + 1))
      await importNationalMonths(store, periods, { deriveLater: true })
      await store.transaction((s) => s.exec('analyze'))
      console.log(
        `${backend.name} : ${months} mois (${periods[0]} à ${PERIOD}) importés en ${seconds(performance.now() - start)} (non mesuré)`,
      )
    } else console.log(`${backend.name} : base ${keep} reprise telle quelle (--keep)`)
    const region = await pickRegion(store)
    app = await buildServer({ store, webRoot: '/nonexistent', logger: false })
    const accounts = {
      national: await signInCookie(app, store, 'national', []),
      regional: await signInCookie(app, store, 'regional', [{ kind: 'region', code: region.code }]),
    }
    console.log(`${backend.name} : région ${region.code}, ${region.sites} sites ouverts`)
    console.log(
      [
        'requête / request'.padEnd(52),
        'médiane'.padStart(9),
        'p95'.padStart(8),
        'référence'.padStart(10),
        'ratio'.padStart(7),
        ''.padStart(24),
        'budget'.padStart(9),
        '',
      ].join('  '),
    )
    const measures: Measure[] = []
    for (const line of lines(region.code)) {
      const m = await measureLine(store, app, accounts, line, runs)
      printMeasure(m)
      measures.push(m)
    }
    console.log('\nRequêtes SQL les plus lentes de chaque ligne (une passe de profilage) :')
    for (const m of measures) {
      console.log(`  ${m.line.label} :`)
      for (const q of [...m.queries].sort((a, b) => b.ms - a.ms).slice(0, 4))
        console.log(`    ${elapsed(q.ms).padStart(8)}  ${shortSql(q.sql)}`)
    }
  } finally {
    await app?.close()
    await done()
  }
}

export default async function run(args: string[]): Promise<void> {
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
  const backend = option('--backend') ?? 'pg'
  if (backend !== 'pglite' && backend !== 'pg' && backend !== 'all')
    throw new Error('--backend pglite|pg|all')
  const options: Options = {
    size: Number(option('--size') ?? 100_000),
    months: Number(option('--months') ?? 36),
    runs: Number(option('--runs') ?? 15),
    keep: args.includes('--keep'),
  }
  const extract = await nationalExtract(option('--fhir-dir') ?? DEFAULT_FHIR_DIR, options.size)
  const { backends, stop } = benchBackends(backend)
  try {
    for (const b of backends) await measureBackend(b, extract, options)
  } finally {
    stop()
  }
  console.log(
    'Temps serveur : médiane et p95 (rang le plus proche) après 2 passes de chauffe ; verdict sur le p95. ' +
      'Référence : la première page de la grille (gridPage, 100 lignes) pour le même compte et le même point, ' +
      'mesurée en alternance dans le même processus ; pour la ligne HTTP, la référence est la ligne du dessus.',
  )
  console.log(
    `Mémoire résidente maximale du processus : ${Math.round(process.resourceUsage().maxRSS / 1024)} Mo`,
  )
}
