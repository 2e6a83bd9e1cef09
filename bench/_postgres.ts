// A PostgreSQL server for benchmarks: DATABASE_URL when given, else a throwaway cluster started with the
// Debian binaries (as CI does), removed at the end.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export interface BenchPostgres {
  /** A new empty database on the server, and a function that drops it. */
  newDatabase(): Promise<{ url: string; drop: () => Promise<void> }>
  /** A database kept between runs (created when missing), to measure again without importing again. */
  keptDatabase(name: string): Promise<{ url: string; created: boolean }>
  stop(): void
}

function postgresBin(): string | null {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a))
  const bin = versions.map((v) => `${root}/${v}/bin`).find((b) => existsSync(`${b}/initdb`))
  return bin ?? null
}

export function startBenchPostgres(): BenchPostgres | null {
  let serverUrl = process.env.DATABASE_URL
  let stop: () => void = () => undefined
  if (!serverUrl) {
    const bin = postgresBin()
    if (!bin) return null
    const dir = mkdtempSync('/tmp/jalon-bench-pg-')
    const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : []
    if (asPostgres.length) execFileSync('chown', ['postgres', dir])
    const run = (cmd: string, args: string[]) => {
      const [exe = cmd, ...rest] = [...asPostgres, cmd, ...args]
      const result = spawnSync(exe, rest, { stdio: 'pipe' })
      if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr.toString()}`)
    }
    const port = 55400 + Math.floor(Math.random() * 50)
    run(`${bin}/initdb`, [
      '-D',
      `${dir}/data`,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ])
    run(`${bin}/pg_ctl`, [
      '-D',
      `${dir}/data`,
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      '-l',
      `${dir}/log`,
      '-w',
      'start',
    ])
    serverUrl = `postgres://postgres@127.0.0.1:${port}/postgres`
    stop = () => {
      try {
        run(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'fast', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
  const admin = serverUrl
  const urlOf = (name: string) => {
    const url = new URL(admin)
    url.pathname = `/${name}`
    return url.toString()
  }
  return {
    keptDatabase: async (name) => {
      if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`database name: ${name}`)
      const client = new pg.Client({ connectionString: admin })
      await client.connect()
      const found = await client.query('select 1 from pg_database where datname = $1', [name])
      if (found.rowCount === 0) await client.query(`create database ${name}`)
      await client.end()
      return { url: urlOf(name), created: found.rowCount === 0 }
    },
    newDatabase: async () => {
      const name = `jalon_bench_${randomBytes(4).toString('hex')}`
      const client = new pg.Client({ connectionString: admin })
      await client.connect()
      await client.query(`create database ${name}`)
      await client.end()
      return {
        url: urlOf(name),
        drop: async () => {
          const c = new pg.Client({ connectionString: admin })
          await c.connect()
          await c.query(`drop database if exists ${name} with (force)`)
          await c.end()
        },
      }
    },
    stop,
  }
}
