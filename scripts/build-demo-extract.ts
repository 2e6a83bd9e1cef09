// Builds demo/etalab-cs1100507-stock-demo-53.csv.gz, the extract a fresh `npm start` loads on machines without
// ../shared: Bretagne (région 53) from the January 2021 register, in windows-1252 like the extracts of that time,
// so that the demo goes through the parser's legacy-encoding path. Deterministic: gzip writes no timestamp.
//   node --import tsx scripts/build-demo-extract.ts [--fhir-dir DIR]
import { statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { convertRegister, DEFAULT_FHIR_DIR } from './fhir-to-etalab'

const DEMO_EXTRACT = fileURLToPath(new URL('../demo/etalab-cs1100507-stock-demo-53.csv.gz', import.meta.url))

const { values } = parseArgs({ options: { 'fhir-dir': { type: 'string' } } })
const sites = await convertRegister({
  out: DEMO_EXTRACT,
  fhirDir: values['fhir-dir'] ?? DEFAULT_FHIR_DIR,
  region: '53',
  extractNumber: 95,
  date: '2021-01-29',
  encoding: 'windows-1252',
  gzip: true,
})
console.error(`demo extract: ${sites.length} sites, ${statSync(DEMO_EXTRACT).size} bytes`)
