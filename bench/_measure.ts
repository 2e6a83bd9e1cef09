// What the benchmarks share to measure: timings (median and nearest-rank p95 over interleaved runs after a
// warm-up), a store that records each SQL statement's wall time, the cancellation of a statement gone wrong
// at national scale, a signed-in account for requests through HTTP, and French formats for the report.
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { FastifyInstance } from 'fastify'
import { sql, type KyselyPlugin, type QueryId } from 'kysely'
import { createUser } from '../src/app/access/users'
import type { Scope } from '../src/domain/access/scope'
import type { Store } from '../src/store/database'

/** Untimed runs of each task before the timed ones. */
const WARM_UP = 2
/** A line stops after this long even if it has not had all its runs, to keep the whole run short. */
const LINE_SECONDS = 25
const PASSWORD = 'mot-de-passe-du-banc-de-mesure'
/** A request still running after this long is cancelled and its line reported as abandoned (over budget). */
export const CANCEL_AFTER_MS = 10_000

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
export const milliseconds = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`
export const elapsed = (ms: number) => (Number.isFinite(ms) ? milliseconds(ms) : 'annulée')

export function quantile(sorted: readonly number[], q: number): number {
  // Nearest rank: with 15 runs the p95 is the slowest but one.
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number
}

export interface Timing {
  median: number
  p95: number
  runs: number
}

export function timing(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), runs: sorted.length }
}

/**
 * Runs each task `runs` times after a warm-up, interleaved (A B A B…) so that both see the same state of
 * the machine, and returns their timings in the order given.
 */
export async function timeInterleaved(
  tasks: readonly (() => Promise<unknown>)[],
  runs: number,
): Promise<Timing[]> {
  for (let i = 0; i < WARM_UP; i++) for (const task of tasks) await task()
  const samples = tasks.map((): number[] => [])
  const deadline = performance.now() + LINE_SECONDS * 1000
  for (let i = 0; i < runs && (i < 5 || performance.now() < deadline); i++)
    for (const [k, task] of tasks.entries()) {
      const start = performance.now()
      await task()
      samples[k]?.push(performance.now() - start)
    }
  return samples.map(timing)
}

export interface CapturedQuery {
  sql: string
  parameters: readonly unknown[]
  ms: number
}

/**
 * The store seen through a plugin that records each statement with its wall time (profiling run only); a
 * statement that never finished (cancelled) keeps an infinite time.
 */
export function profiledStore(store: Store, captured: CapturedQuery[]): Store {
  const pending = new WeakMap<QueryId, { query: CapturedQuery; start: number }>()
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      const compiled = store.db.getExecutor().compileQuery(args.node, args.queryId)
      const query = { sql: compiled.sql, parameters: compiled.parameters, ms: Infinity }
      // A query builder embedded in a raw statement passes here too, without a result: dropped below.
      captured.push(query)
      for (const [i, c] of [...captured.entries()].reverse())
        if (c !== query && !Number.isFinite(c.ms) && query.sql.includes(c.sql)) captured.splice(i, 1)
      pending.set(args.queryId, { query, start: performance.now() })
      return args.node
    },
    transformResult: async (args) => {
      const p = pending.get(args.queryId)
      if (p) p.query.ms = performance.now() - p.start
      return args.result
    },
  }
  return { ...store, db: store.db.withPlugin(plugin) }
}

/**
 * Runs `work`, cancelling the database's running statements if it takes longer than CANCEL_AFTER_MS: a plan
 * gone wrong at national scale runs for tens of minutes. PostgreSQL only (PGlite runs on this thread).
 */
export async function withCancel<T>(store: Store, work: () => Promise<T>): Promise<T> {
  if (store.kind !== 'postgres') return work()
  const timer = setTimeout(() => {
    void sql`select pg_cancel_backend(pid) from pg_stat_activity
             where datname = current_database() and pid <> pg_backend_pid() and state = 'active'`
      .execute(store.db)
      .catch(() => undefined)
  }, CANCEL_AFTER_MS)
  try {
    return await work()
  } finally {
    clearTimeout(timer)
  }
}

export const cancelled = (error: unknown) => String(error).includes('canceling statement')

/** The statement as read by a person: one line, the long lists of bound keys cut short. */
export function shortSql(text: string, max = 120): string {
  const one = text
    .replace(/\s+/g, ' ')
    .replace(
      /(\((?:\$\d+(?:::\w+)?, )*\$\d+(?:::\w+)?\))(?:, \((?:\$\d+(?:::\w+)?, )*\$\d+(?:::\w+)?\))+/g,
      '$1, …',
    )
    .replace(/(\$\d+, ){3,}\$\d+/g, '$…')
    .trim()
  return one.length > max ? `${one.slice(0, max)}…` : one
}

export async function signInCookie(
  app: FastifyInstance,
  store: Store,
  role: 'national' | 'regional',
  scopes: Scope[],
) {
  // One account per run: a database kept between runs (--keep) already holds the previous run's.
  const email = `banc-${role}-${randomBytes(4).toString('hex')}@bench.jalon.fr`
  const user = await createUser(
    store,
    { id: null, label: 'bench' },
    { email, displayName: `Banc ${role}`, role, organisation: null, password: PASSWORD, scopes },
  )
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: PASSWORD },
  })
  if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`)
  return { user, cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; ') }
}
