// The API server (without the web build) on a fresh database holding seed 002's sites, for integration
// tests that sign accounts in and call the API (test/support/api-session.ts).
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { importSeedSites } from './seed-sites'

export async function openSeededApi(): Promise<{ store: Store; app: FastifyInstance }> {
  const store = await freshStore()
  await importSeedSites(store)
  return { store, app: await buildServer({ store, webRoot: '/nonexistent' }) }
}
