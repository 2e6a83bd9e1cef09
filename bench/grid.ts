// `npm run bench -- grid`: the tracking grid's server time on national-size data. The 2021 FINESS register
// (95 333 sites) and two consecutive months (2026-10, 2026-11) of every national source file are imported
// through the real importers (not measured), météo and comments typed for most sites of one région (the one
// closest to 5 000 open sites), then each request of the grid's budget is timed: `gridPage` in process
// (median and p95 over several runs after a warm-up), and the first national page and the regional view
// once more through GET /api/grid (fastify inject: session, validation, JSON serialisation). Baseline, in
// the same process and interleaved with the grid's runs: the same page of sites from the referential
// alone (`searchStructures`: same filters, order and total, no value), so the ratio is the cost of the
// values. Options: --backend pg|pglite|all (default pg), --size N (N sites of the register, taken evenly),
// --runs N (timed runs per line, default 15), --explain (EXPLAIN ANALYZE of the slowest query of each line
// over budget, or of the slowest line), --fhir-dir DIR. Then the national Excel and CSV exports
// (bench/_grid-export.ts).
import { performance } from 'node:perf_hooks'
import type { FastifyInstance } from 'fastify'
import { CompiledQuery } from 'kysely'
import { gridPage } from '../src/app/grid'
import { importFinessFile } from '../src/app/import-finess'
import { searchStructures } from '../src/app/structures'
import type { AccessUser } from '../src/domain/access/permissions'
import { gridQuery, type GridQuery } from '../src/domain/contract/grid'
import type { StructureListQuery } from '../src/domain/contract/structures'
import { METEO_STATUSES } from '../src/domain/observations/indicators'
import { buildServer } from '../src/server/app'
import type { CopyValue } from '../src/store/copy-format'
import type { Store } from '../src/store/database'
import { indicatorIds } from '../src/store/observations'
import { DEFAULT_FHIR_DIR } from '../scripts/fhir-to-etalab'
import { measureExports } from './_grid-export'
import {
  CANCEL_AFTER_MS,
  cancelled,
  elapsed,
  milliseconds,
  profiledStore,
  seconds,
  shortSql,
  signInCookie,
  timeInterleaved,
  withCancel,
  type CapturedQuery,
  type Timing,
} from './_measure'
import { benchBackends, importNationalMonths, nationalExtract, type BenchBackend } from './_national-data'

const PREVIOUS = '2026-10'
const PERIOD = '2026-11'
type Params = Record<string, string>

interface Line {
  label: string
  budgetMs: number
  who: 'national' | 'regional'
  /** The request, as the web app sends it to GET /api/grid. */
  params: Params
  /** Also through the HTTP route. */
  http?: boolean
}

function lines(departement: string): Line[] {
  const national = (label: string, params: Params, budgetMs = 500): Line => ({
    label,
    budgetMs,
    who: 'national',
    params: { period: PERIOD, ...params },
  })
  return [
    { ...national('national, 100 premières lignes', {}, 300), http: true },
    national(`département ${departement}`, { departement }),
    national('secteur médico-social, catégorie 500 (EHPAD)', { sector: 'medico-social', category: '500' }),
    national('texte libre « saint »', { q: 'saint' }),
    national('where=insi.appels:lt:100', { where: 'insi.appels:lt:100' }),
    national('where=suivi.meteo:eq:alerte', { where: 'suivi.meteo:eq:alerte' }),
    national('tri sort=insi.appels&order=desc', { sort: 'insi.appels', order: 'desc' }),
    national('comparaison compare=true', { compare: 'true' }),
    {
      label: 'vue régionale complète (limit 5000)',
      budgetMs: 300,
      who: 'regional',
      params: { period: PERIOD, limit: '5000' },
      http: true,
    },
  ]
}

// ---------------------------------------------------------------------------------------------------------
// Data (not measured)

export const importMonths = (store: Store) => importNationalMonths(store, [PREVIOUS, PERIOD])

/** Open sites per région or per département, largest first. */
async function openSitesBy(store: Store, area: 'region' | 'departement') {
  const rows = await store.db
    .selectFrom('site')
    .select([area, (eb) => eb.fn.countAll<number>().as('n')])
    .where('closed_on', 'is', null)
    .where(area, 'is not', null)
    .groupBy(area)
    .execute()
  return rows.map((r) => ({ code: r[area] as string, sites: Number(r.n) })).sort((a, b) => b.sites - a.sites)
}

/** The région whose open sites come closest to 5 000 without passing them: one page holds it whole. */
export async function pickRegion(store: Store): Promise<{ code: string; sites: number }> {
  const best = (await openSitesBy(store, 'region')).find((r) => r.sites <= 5000)
  if (!best) throw new Error('no région')
  return best
}

/** The most populated département, for the département filter. */
async function pickDepartement(store: Store): Promise<string> {
  const [largest] = await openSitesBy(store, 'departement')
  if (!largest) throw new Error('no département')
  return largest.code
}

/**
 * The région team's typed fields, bulk-loaded (data setup, not the measure): météo for 70 % of its sites
 * at the previous point, changed for a third of them at this one, and a Ségur comment for one site in five.
 */
export async function typeRegionFields(store: Store, region: string): Promise<number> {
  const ids = await indicatorIds(store.db)
  const meteo = ids.get('suivi.meteo')
  const comment = ids.get('suivi.commentaire.segur')
  if (meteo === undefined || comment === undefined) throw new Error('no météo indicator')
  const sites = await store.db
    .selectFrom('site')
    .select('finess_eg')
    .where('region', '=', region)
    .where('closed_on', 'is', null)
    .orderBy('finess_eg')
    .execute()
  const rows: CopyValue[][] = []
  sites.forEach(({ finess_eg: finess }, i) => {
    if (i % 10 >= 7) return
    const status = (k: number) => (METEO_STATUSES[k % METEO_STATUSES.length] as { code: string }).code
    rows.push([finess, meteo, `${PREVIOUS}-01`, status(i)])
    if (i % 3 === 0) rows.push([finess, meteo, `${PERIOD}-01`, status(i + 1)])
    if (i % 5 === 0)
      rows.push([finess, comment, `${PREVIOUS}-01`, 'Relance faite, VA prévue le mois prochain'])
  })
  await store.transaction((s) =>
    s.copyInto('field_entry', ['finess', 'indicator_id', 'period', 'value_text'], rows),
  )
  await store.transaction((s) => s.exec('analyze field_entry'))
  return rows.length
}

// ---------------------------------------------------------------------------------------------------------
// Measuring

interface Measure {
  line: Line
  rows: number
  total: number
  /** Null: abandoned, a request ran past CANCEL_AFTER_MS. */
  grid: Timing | null
  baseline: Timing
  http: Timing | null
  queries: CapturedQuery[]
}

/** The structures list's query for the same view: same filters, scopes and order (an indicator sort: FINESS). */
function baselineQuery(q: GridQuery): StructureListQuery {
  const identitySorts: readonly string[] = ['finessEg', 'name', 'departement', 'categoryCode']
  return {
    ...q,
    sort: (identitySorts.includes(q.sort) ? q.sort : 'finessEg') as StructureListQuery['sort'],
    page: Math.floor(q.offset / q.limit) + 1,
    pageSize: q.limit,
  }
}

async function measureLine(
  store: Store,
  users: Record<Line['who'], AccessUser>,
  http: { app: FastifyInstance; cookies: Record<Line['who'], string> },
  line: Line,
  runs: number,
): Promise<Measure> {
  const user = users[line.who]
  const query = gridQuery.parse(line.params)
  const within = user.role === 'regional' ? user.scopes : null
  const baselineTask = () => searchStructures(store, baselineQuery(query), within)
  let grid: Timing | null = null
  let baseline: Timing
  try {
    ;[grid, baseline] = (await timeInterleaved(
      [() => withCancel(store, () => gridPage(store, user, query)), baselineTask],
      runs,
    )) as [Timing, Timing]
  } catch (error) {
    if (!cancelled(error)) throw error
    ;[baseline] = (await timeInterleaved([baselineTask], runs)) as [Timing]
  }
  const captured: CapturedQuery[] = []
  const page = await withCancel(store, () => gridPage(profiledStore(store, captured), user, query)).catch(
    (error: unknown) => {
      if (!cancelled(error)) throw error
      return null
    },
  )
  let overHttp: Timing | null = null
  if (line.http && grid) {
    const url = `/api/grid?${new URLSearchParams(line.params).toString()}`
    const [t] = await timeInterleaved(
      [
        async () => {
          const response = await withCancel(store, () =>
            http.app.inject({ method: 'GET', url, headers: { cookie: http.cookies[line.who] } }),
          )
          if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`)
        },
      ],
      runs,
    )
    overHttp = t ?? null
  }
  return {
    line,
    rows: page?.rows.length ?? 0,
    total: page?.total ?? 0,
    grid,
    baseline,
    http: overHttp,
    queries: captured,
  }
}

const verdict = (t: Timing | null, budgetMs: number) => (t && t.p95 < budgetMs ? 'OK' : 'OVER')

function printHeader(): void {
  console.log(
    [
      'requête / request'.padEnd(46),
      'lignes'.padStart(6),
      'total'.padStart(7),
      'médiane'.padStart(9),
      'p95'.padStart(8),
      'lignes/s'.padStart(10),
      'référence'.padStart(10),
      'ratio'.padStart(7),
      'requêtes SQL (la plus lente)'.padStart(29),
      'budget'.padStart(8),
      '',
    ].join('  '),
  )
}

function printMeasure(m: Measure): void {
  const slowest = Math.max(...m.queries.map((q) => q.ms))
  const queries = `${m.queries.length} (${elapsed(slowest)})`
  if (!m.grid) {
    console.log(
      [
        m.line.label.padEnd(46),
        `abandonnée : une requête dépasse ${CANCEL_AFTER_MS / 1000} s`.padStart(55),
        milliseconds(m.baseline.median).padStart(10),
        ''.padStart(7),
        queries.padStart(29),
        `< ${m.line.budgetMs} ms`.padStart(8),
        'OVER',
      ].join('  '),
    )
    return
  }
  const row = (label: string, t: Timing, reference: Timing, queries: string) =>
    console.log(
      [
        label.padEnd(46),
        String(m.rows).padStart(6),
        String(m.total).padStart(7),
        milliseconds(t.median).padStart(9),
        milliseconds(t.p95).padStart(8),
        Math.round((m.rows / t.median) * 1000)
          .toLocaleString('fr-FR')
          .padStart(10),
        milliseconds(reference.median).padStart(10),
        `×${(t.median / reference.median).toFixed(1)}`.padStart(7),
        queries.padStart(29),
        `< ${m.line.budgetMs} ms`.padStart(8),
        `${verdict(t, m.line.budgetMs)} (${t.runs} passes)`,
      ].join('  '),
    )
  row(m.line.label, m.grid, m.baseline, queries)
  if (m.http) row('  … par HTTP (GET /api/grid, inject)', m.http, m.grid, 'réf. = gridPage')
}

function printQueries(m: Measure): void {
  console.log(`  ${m.line.label} : ${m.queries.length} requêtes (profilage, une passe)`)
  for (const q of [...m.queries].sort((a, b) => b.ms - a.ms))
    console.log(`    ${elapsed(q.ms).padStart(8)}  ${shortSql(q.sql)}`)
}

async function explainSlowest(store: Store, m: Measure): Promise<void> {
  const query = [...m.queries].sort((a, b) => b.ms - a.ms)[0]
  if (!query) return
  // A cancelled statement is only planned: run, it would take minutes again.
  const finished = Number.isFinite(query.ms)
  const explain = finished ? 'explain (analyze, buffers)' : 'explain'
  console.log(`\n--- ${explain} : ${m.line.label} — requête la plus lente (${elapsed(query.ms)}) ---`)
  console.log(shortSql(query.sql, 4000))
  const plan = await store.db.executeQuery<Record<string, string>>(
    CompiledQuery.raw(`${explain} ${query.sql}`, [...query.parameters]),
  )
  for (const r of plan.rows) console.log(Object.values(r)[0])
}

async function measureBackend(
  backend: BenchBackend,
  extract: Uint8Array,
  options: { runs: number; explain: boolean },
): Promise<Measure[]> {
  const { store, done } = await backend.open()
  let app: FastifyInstance | null = null
  try {
    let start = performance.now()
    await importFinessFile(store, { fileName: 'national.csv', bytes: extract })
    console.log(`${backend.name} : référentiel FINESS importé en ${seconds(performance.now() - start)}`)
    start = performance.now()
    await importMonths(store)
    const region = await pickRegion(store)
    const typed = await typeRegionFields(store, region.code)
    const departement = await pickDepartement(store)
    await store.transaction((s) => s.exec('analyze'))
    console.log(
      `${backend.name} : deux mois importés et ${typed} saisies (météo, commentaires) pour la région ${region.code} (${region.sites} sites ouverts) en ${seconds(performance.now() - start)} (non mesuré)`,
    )
    app = await buildServer({ store, webRoot: '/nonexistent', logger: false })
    const national = await signInCookie(app, store, 'national', [])
    const regional = await signInCookie(app, store, 'regional', [{ kind: 'region', code: region.code }])
    const users = { national: national.user, regional: regional.user }
    const http = { app, cookies: { national: national.cookie, regional: regional.cookie } }
    printHeader()
    const measures: Measure[] = []
    for (const line of lines(departement)) {
      const m = await measureLine(store, users, http, line, options.runs)
      printMeasure(m)
      measures.push(m)
    }
    await measureExports(store, users.national, PERIOD, departement)
    const over = measures.filter((m) => verdict(m.grid, m.line.budgetMs) === 'OVER')
    for (const m of over)
      console.log(
        m.grid
          ? `${backend.name} : « ${m.line.label} » dépasse son budget de ${milliseconds(m.grid.p95 - m.line.budgetMs)} au p95 (×${(m.grid.p95 / m.line.budgetMs).toFixed(1)})`
          : `${backend.name} : « ${m.line.label} » abandonnée après ${CANCEL_AFTER_MS / 1000} s (plus de ×${Math.floor(CANCEL_AFTER_MS / m.line.budgetMs)} le budget)`,
      )
    if (options.explain) {
      console.log(
        '\nTemps de chaque requête SQL (temps écoulé vu du processus, file d’attente du pool comprise) :',
      )
      for (const m of measures) printQueries(m)
      const slowest = [...measures].sort(
        (a, b) => (b.grid?.median ?? Infinity) - (a.grid?.median ?? Infinity),
      )[0]
      for (const m of over.length ? over : slowest ? [slowest] : []) await explainSlowest(store, m)
    }
    return measures
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
  const size = Number(option('--size') ?? 100_000)
  const runs = Number(option('--runs') ?? 15)
  const fhirDir = option('--fhir-dir') ?? DEFAULT_FHIR_DIR
  const extract = await nationalExtract(fhirDir, size)
  const { backends, stop } = benchBackends(backend)
  try {
    for (const b of backends) await measureBackend(b, extract, { runs, explain: args.includes('--explain') })
  } finally {
    stop()
  }
  console.log(
    'Temps serveur : médiane et p95 (rang le plus proche) après 2 passes de chauffe ; verdict sur le p95. ' +
      'Référence : la même page du référentiel seul (searchStructures, mêmes filtres, ordre et total, sans ' +
      'valeur ; tri par indicateur : par FINESS), mesurée en alternance dans le même processus.',
  )
  console.log(
    `Mémoire résidente maximale du processus : ${Math.round(process.resourceUsage().maxRSS / 1024)} Mo`,
  )
}
