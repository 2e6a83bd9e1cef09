// Opening the database: embedded PGlite by default, a PostgreSQL server when DATABASE_URL is set. Both are
// driven through Kysely; bulk loads go through COPY on both.
import { mkdirSync } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { PGlite, type Transaction as PgliteTransaction } from '@electric-sql/pglite'
import { Kysely, PostgresDialect, type KyselyConfig } from 'kysely'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { assertIdentifier, binaryCopyOfBytes, copyChunks, type CopyValue } from './copy-format'
import { pgliteDialect } from './pglite-dialect'
import type { Database } from './schema'

export type StoreKind = 'pglite' | 'postgres'

/** One connection's view of the database: inside a transaction, or the shared one outside. */
export interface Session {
  db: Kysely<Database>
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>
  /** Bulk-loads rows with COPY. Table and columns are identifiers from code, never from input. */
  copyInto(table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<void>
  /** Bulk-loads one bytea value (a received file) into a one-column table. */
  copyBytes(table: string, column: string, data: Uint8Array): Promise<void>
}

export interface Store {
  kind: StoreKind
  /** Where the data lives, for people (no password). */
  location: string
  db: Kysely<Database>
  transaction<T>(work: (session: Session) => Promise<T>): Promise<T>
  close(): Promise<void>
  /** PGlite only: the whole data directory, to clone a database quickly (tests). */
  dump?: () => Promise<Blob>
}

export interface StoreOptions {
  databaseUrl?: string | undefined
  /** PGlite data directory; absent means in memory. */
  pgliteDir?: string | undefined
  /** A PGlite data directory dump to start from (tests clone a migrated template this way). */
  pgliteDump?: Blob | undefined
}

// Dates stay ISO strings and counts plain numbers, the same on both backends.
const asString = (value: string): string => value
const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  20: Number, // int8 (count(*))
  1700: asString, // numeric: exact decimal text, never a float
  1082: asString, // date
  1114: asString, // timestamp
  1184: asString, // timestamptz
}

/** JALON_SQL_LOG=1 prints every statement with its duration on stderr, to find a slow one. */
const sqlLog: KyselyConfig['log'] = process.env.JALON_SQL_LOG
  ? (event) => {
      const ms = event.queryDurationMillis.toFixed(1).padStart(9)
      console.error(`[sql ${ms} ms] ${event.query.sql.replace(/\s+/g, ' ').slice(0, 160)}`)
    }
  : undefined

/** With JALON_SQL_LOG, scripts and COPY are timed too. */
function logged(session: Session): Session {
  if (!sqlLog) return session
  const time = async (label: string, work: () => Promise<void>) => {
    const start = performance.now()
    await work()
    console.error(
      `[sql ${(performance.now() - start).toFixed(1).padStart(9)} ms] ${label.replace(/\s+/g, ' ').slice(0, 160)}`,
    )
  }
  return {
    db: session.db,
    exec: (script) => time(script, () => session.exec(script)),
    copyInto: (table, columns, rows) => time(`copy ${table}`, () => session.copyInto(table, columns, rows)),
    copyBytes: (table, column, data) =>
      time(`copy ${table} (binary)`, () => session.copyBytes(table, column, data)),
  }
}

function copyStatement(table: string, columns: readonly string[], from: string): string {
  return `copy ${assertIdentifier(table)} (${columns.map(assertIdentifier).join(', ')}) from ${from}`
}

async function openPglite(options: StoreOptions): Promise<Store> {
  if (options.pgliteDir) mkdirSync(options.pgliteDir, { recursive: true })
  const client = await PGlite.create({
    ...(options.pgliteDir ? { dataDir: options.pgliteDir } : {}),
    ...(options.pgliteDump ? { loadDataDir: options.pgliteDump } : {}),
    parsers: TYPE_PARSERS,
  })
  const sessionOf = (target: PGlite | PgliteTransaction): Session =>
    logged({
      db: new Kysely<Database>({ dialect: pgliteDialect(target), log: sqlLog }),
      exec: async (script) => {
        await target.exec(script)
      },
      copyInto: async (table, columns, rows) => {
        const blob = new Blob([...copyChunks(rows)])
        await target.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob })
      },
      copyBytes: async (table, column, data) => {
        const blob = new Blob([binaryCopyOfBytes(data)])
        await target.query(`${copyStatement(table, [column], "'/dev/blob'")} with (format binary)`, [], {
          blob,
        })
      },
    })
  const shared = sessionOf(client)
  return {
    kind: 'pglite',
    location: options.pgliteDir ? `PGlite (${options.pgliteDir})` : 'PGlite (en mémoire)',
    db: shared.db,
    transaction: (work) => client.transaction((tx) => work(sessionOf(tx))),
    close: () => client.close(),
    dump: async () => (await client.dumpDataDir('none')) as Blob,
  }
}

async function openPostgres(databaseUrl: string): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    // No JIT compilation: on the dashboard's national counts it cost 0.7 s of 2.2 s (EXPLAIN ANALYZE, 95 333
    // sites) for statements that run once; Jalon's queries are short and planned cost-high, not CPU-bound.
    options: '-c jit=off',
    types: {
      getTypeParser: (oid: number, format?: string) =>
        TYPE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
    },
  })
  // An idle connection the server drops (restart, failover) must not bring the process down.
  pool.on('error', (error) => console.error(`PostgreSQL : connexion inactive perdue (${error.message})`))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: sqlLog })
  const url = new URL(databaseUrl)
  return {
    kind: 'postgres',
    location: `PostgreSQL (${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname})`,
    db,
    transaction: async (work) => {
      const client = await pool.connect()
      // A Kysely bound to this one client, so that every statement of the work runs in the transaction.
      const single = {
        connect: async () => ({ query: client.query.bind(client), release: () => {} }),
        end: async () => {},
      }
      const session: Session = logged({
        db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: single }), log: sqlLog }),
        exec: async (script) => {
          await client.query(script)
        },
        copyInto: async (table, columns, rows) => {
          await pipeline(
            Readable.from(copyChunks(rows)),
            client.query(copyFrom(copyStatement(table, columns, 'stdin'))),
          )
        },
        copyBytes: async (table, column, data) => {
          const statement = `${copyStatement(table, [column], 'stdin')} with (format binary)`
          await pipeline(Readable.from([binaryCopyOfBytes(data)]), client.query(copyFrom(statement)))
        },
      })
      try {
        await client.query('begin')
        const result = await work(session)
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    close: async () => {
      // Kysely ends the pool only if it used it itself; transactions use the pool directly.
      await db.destroy()
      if (!pool.ended) await pool.end()
    },
  }
}

export async function openStore(options: StoreOptions): Promise<Store> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options)
}
