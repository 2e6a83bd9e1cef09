// The demo referential: a real FINESS extract for one région, committed with Jalon (demo/README.md), loaded
// on an empty database so that a new user sees real establishments at once.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Store } from '../store/database'
import { countSites } from '../store/finess-imports'
import { importFinessFile, type FinessImportReport } from './import-finess'

export const DEMO_EXTRACT = new URL('../../demo/etalab-cs1100507-stock-demo-53.csv.gz', import.meta.url)
  .pathname

/** Imports the demo extract when the referential is empty; returns null when there was nothing to do. */
export async function loadDemoIfEmpty(
  store: Store,
  onProgress?: (step: string) => void,
): Promise<FinessImportReport | null> {
  if ((await countSites(store.db)) > 0) return null
  const bytes = await readFile(DEMO_EXTRACT)
  return importFinessFile(store, { fileName: basename(DEMO_EXTRACT), bytes, onProgress })
}
