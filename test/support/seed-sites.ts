// The sites of seed 002's tracker (Bergerac, Angoulême, Centre Clinical) and the two Ain sites of one EJ, as
// a FINESS referential, and that referential with the tracker workbook of test/support/tracker-workbook.ts.
import { importFinessFile } from '../../src/app/import-finess'
import { importTrackerFile } from '../../src/app/import-tracker'
import type { SiteRecord } from '../../src/domain/structure'
import { encodeExtract, formatEtalabExtract } from '../../src/sources/finess/etalab-writer'
import type { Store } from '../../src/store/database'
import { syntheticSite } from './synthetic-sites'
import { TRACKER_FILE_NAME, trackerWorkbookBytes } from './tracker-workbook'

export const SEED_SITES: readonly [eg: string, ej: string, dept: string][] = [
  ['240000372', '240000059', '24'],
  ['160000253', '160000451', '16'],
  ['160013207', '160001632', '16'],
  ['010000024', '010780054', '01'],
  ['010009702', '010780054', '01'],
]

export async function importSeedSites(store: Store): Promise<void> {
  const records: SiteRecord[] = SEED_SITES.map(([finessEg, finessEj, dept], i) => ({
    ...syntheticSite(i),
    finessEg,
    finessEj,
    sourceDepartement: dept,
    communeCode: `${dept}001`,
    postalCode: `${dept}000`,
  }))
  const extract = encodeExtract(
    formatEtalabExtract(records, { extractNumber: 1, extractDate: '2022-08-01' }),
    {
      encoding: 'utf-8',
    },
  )
  await importFinessFile(store, { fileName: 'etalab-seed.csv', bytes: extract })
}

/** The seed's sites with the tracker workbook imported (actor `test`): the region's history in Jalon. */
export async function importSeedTracker(store: Store): Promise<void> {
  await importSeedSites(store)
  await importTrackerFile(store, {
    fileName: TRACKER_FILE_NAME,
    bytes: await trackerWorkbookBytes(),
    actor: { id: null, label: 'test' },
  })
}
