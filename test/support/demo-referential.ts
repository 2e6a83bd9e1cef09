// The demo région's real FINESS referential (Bretagne, 5 024 sites), for tests of monthly imports.
import { readFileSync } from 'node:fs'
import { importFinessFile } from '../../src/app/import-finess'
import type { Store } from '../../src/store/database'

const DEMO_EXTRACT = new URL('../../demo/etalab-cs1100507-stock-demo-53.csv.gz', import.meta.url)

export async function loadDemoReferential(store: Store): Promise<void> {
  await importFinessFile(store, { fileName: 'etalab-demo-53.csv.gz', bytes: readFileSync(DEMO_EXTRACT) })
}

/** Real structures of the demo extract. */
export const DEMO = {
  /** CH de Saint-Brieuc: one EJ with seven sites, among them an EHPAD. */
  chSaintBrieucEj: '220000020',
  chSaintBrieucSite: '220000012',
  chSaintBrieucEhpad: '220006597',
  chSaintBrieucSites: [
    '220000012',
    '220005284',
    '220006597',
    '220019061',
    '220020101',
    '220020119',
    '220022149',
  ],
  /** A private clinic: its FINESS PMSI is its EG. */
  polycliniqueTregor: '220000111',
  polycliniqueTregorEj: '220000376',
  /** CH de Redon, a public EJ whose FINESS PMSI is the EJ. */
  chRedonEj: '350000048',
  /** A valid FINESS number (key passes) that the referential does not know. */
  unknown: '220999999',
} as const
