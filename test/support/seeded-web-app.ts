// The built web app on a fresh database holding seed 002's sites (Dordogne and Charente in
// Nouvelle-Aquitaine 75; the Ain, 84), in Chromium, signed in with the account given.
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { openWebApp, type WebApp, type WebAppOptions } from './browser'
import { importSeedSites } from './seed-sites'

export async function openSeededWebApp(
  signIn: WebAppOptions['signIn'],
): Promise<{ store: Store; web: WebApp }> {
  const store = await freshStore()
  await importSeedSites(store)
  return { store, web: await openWebApp(store, { signIn }) }
}
