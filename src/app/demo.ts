// The demo referential: a real FINESS extract for one région, committed with Jalon (demo/README.md), loaded
// on an empty database so that a new user sees real establishments at once, with 24 months of generated
// national source files imported through the real importers (demo-sources/).
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Store } from '../store/database'
import { countSites } from '../store/finess-imports'
import { loadDemoSources, type DemoSourcesSummary } from './demo-sources/index'
import { importFinessFile, type FinessImportReport } from './import-finess'
import { DEMO_ACTOR } from './access/actor'

export const DEMO_EXTRACT = new URL('../../demo/etalab-cs1100507-stock-demo-53.csv.gz', import.meta.url)
  .pathname

/** Imports the demo extract when the referential is empty; returns null when there was nothing to do. */
export async function loadDemoExtractIfEmpty(
  store: Store,
  onProgress?: (step: string) => void,
): Promise<FinessImportReport | null> {
  if ((await countSites(store.db)) > 0) return null
  const bytes = await readFile(DEMO_EXTRACT)
  return importFinessFile(store, { fileName: basename(DEMO_EXTRACT), bytes, onProgress, actor: DEMO_ACTOR })
}

/**
 * On an empty database: the demo extract, then the demo source files, written to `sourcesDir` (usually
 * `<JALON_DATA_DIR>/demo-sources`) and imported. Null when the database already had establishments.
 */
export async function loadDemoIfEmpty(
  store: Store,
  onProgress: ((step: string) => void) | undefined,
  sourcesDir: string,
): Promise<(FinessImportReport & { sources: DemoSourcesSummary }) | null> {
  const report = await loadDemoExtractIfEmpty(store, onProgress)
  if (!report) return null
  const sources = await loadDemoSources(store, { dir: sourcesDir, ...(onProgress ? { onProgress } : {}) })
  return { ...report, sources }
}
