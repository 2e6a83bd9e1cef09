// A fresh, migrated database per test file: on PGlite (default) a clone of a template data directory made
// once per run; with DATABASE_URL, a new PostgreSQL database created from a template database.
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { prepareStore } from '../src/app/database'
import { openStore, type Store } from '../src/store/database'

/** The template changes whenever a migration or a reference file does. */
function schemaVersion(): string {
  const hash = createHash('sha256')
  for (const dir of ['../src/store/migrations/', '../reference/', '../reference/nomenclatures/']) {
    const url = new URL(dir, import.meta.url)
    for (const f of readdirSync(url)
      .filter((n) => /\.(sql|csv)$/.test(n))
      .sort()) {
      hash.update(f).update(readFileSync(new URL(f, url)))
    }
  }
  return hash.digest('hex').slice(0, 12)
}

async function pgliteTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `jalon-template-${schemaVersion()}.tar`)
  if (!existsSync(file)) {
    const store = await prepareStore(await openStore({}))
    if (!store.dump) throw new Error('PGlite store without dump()')
    const dump = await store.dump()
    await store.close()
    const partial = `${file}.${process.pid}`
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
    renameSync(partial, file)
  }
  return new Blob([readFileSync(file)])
}

async function postgresDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = `jalon_template_${schemaVersion()}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query('select pg_advisory_lock(20260102)')
    const exists = await admin.query('select 1 from pg_database where datname = $1', [template])
    if (exists.rowCount === 0) {
      await admin.query(`create database ${template}`)
      const templateUrl = new URL(serverUrl)
      templateUrl.pathname = `/${template}`
      const store = await prepareStore(await openStore({ databaseUrl: templateUrl.toString() }))
      await store.close()
    }
    const name = `jalon_test_${randomBytes(6).toString('hex')}`
    // A pool that has just ended may hold its backend a moment longer, and a template must have no session.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`)
        break
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt === 50) throw error
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    await admin.query('select pg_advisory_unlock(20260102)')
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    return {
      url: url.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: serverUrl })
        await c.connect()
        await c.query(`drop database if exists ${name} with (force)`)
        await c.end()
      },
    }
  } finally {
    await admin.end()
  }
}

/** A migrated, empty database for one test file. Close it in afterAll. */
export async function freshStore(): Promise<Store> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) return openStore({ pgliteDump: await pgliteTemplate() })
  const { url, drop } = await postgresDatabase(serverUrl)
  const store = await openStore({ databaseUrl: url })
  return {
    ...store,
    close: async () => {
      await store.close()
      await drop()
    },
  }
}
