// Plain SQL migrations, applied in file-name order, each once, all in one transaction.
import { readdirSync, readFileSync } from 'node:fs'
import { sql } from 'kysely'
import type { Store } from './database'

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url)

export function migrationFiles(): { version: string; script: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({
      version: f.replace(/\.sql$/, ''),
      script: readFileSync(new URL(f, MIGRATIONS_DIR), 'utf8'),
    }))
}

/** Applies the migrations not yet applied; returns their versions. */
export async function migrate(store: Store): Promise<string[]> {
  return store.transaction(async (session) => {
    await session.exec(
      'create table if not exists schema_migration (version text primary key, applied_at timestamptz not null default now())',
    )
    // Two servers starting together on one PostgreSQL must not both migrate.
    if (store.kind === 'postgres') await sql`select pg_advisory_xact_lock(20260101)`.execute(session.db)
    const applied = new Set(
      (await session.db.selectFrom('schema_migration').select('version').execute()).map((r) => r.version),
    )
    const done: string[] = []
    for (const { version, script } of migrationFiles()) {
      if (applied.has(version)) continue
      await session.exec(script)
      await session.db.insertInto('schema_migration').values({ version }).execute()
      done.push(version)
    }
    return done
  })
}
