// The acceptance check of the referential on real national data: the whole FINESS register of January 2021
// (../shared/data/finess/fhir-2021) written out in the etalab layout. Skipped where ../shared is absent.
import { existsSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import departements from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' }
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFinessFile } from '../../src/app/import-finess'
import { sectorOfAggregate } from '../../src/domain/sector'
import type { SiteRecord } from '../../src/domain/structure'
import { ETALAB_OVERSEAS_DEPARTEMENTS } from '../../src/sources/finess/etalab-layout'
import { encodeExtract, formatEtalabExtract } from '../../src/sources/finess/etalab-writer'
import type { Store } from '../../src/store/database'
import { countSitesByRegionAndSector } from '../../src/store/sites'
import { DEFAULT_FHIR_DIR, readFhirRegister } from '../../scripts/fhir-to-etalab'
import { freshStore } from '../db'

const available = existsSync(DEFAULT_FHIR_DIR)
const LONG = 600_000

/**
 * Counts per région and sector read from the file's text with csv-parse, one line at a time, and the file's
 * own département column: nothing of Jalon's parser or derivation but the sector rule itself. (All these
 * records have the same width, which csv-parse reads quickly.)
 */
function independentCounts(text: string): Map<string, number> {
  const regionOf = new Map(departements.map((d) => [d.code, d.region]))
  const counts = new Map<string, number>()
  const structures = text.split('\n').filter((line) => line.startsWith('structureet;'))
  const records = parse(structures.join('\n'), { delimiter: ';', relax_quotes: true }) as string[][]
  for (const fields of records) {
    const column = fields[13] ?? ''
    const region = regionOf.get(ETALAB_OVERSEAS_DEPARTEMENTS[column] ?? column) ?? 'inconnue'
    const key = `${region}/${sectorOfAggregate(fields[20] ?? null)}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

describe.skipIf(!available)('the 2021 FINESS register, written in the etalab layout', () => {
  let store: Store
  let register: SiteRecord[]
  let text: string
  const header = { extractNumber: 95, extractDate: '2021-01-29' }

  beforeAll(async () => {
    register = await readFhirRegister(DEFAULT_FHIR_DIR)
    // The FHIR export has no geocoding date; the writer would stamp each extract's date on every site.
    for (const site of register) site.coordUpdatedOn ??= '2020-12-31'
    text = formatEtalabExtract(register, header)
    store = await freshStore()
  }, LONG)
  afterAll(async () => {
    await store?.close()
  })

  it(
    'imports completely',
    async () => {
      const report = await importFinessFile(store, {
        fileName: 'finess-2021.csv',
        bytes: encodeExtract(text, { encoding: 'windows-1252' }),
      })
      expect(report.counts).toMatchObject({ sitesRead: 95_333, created: 95_333, rejected: 0 })
      // The one warning: a site whose file département (49) is not its number's (44), same région.
      expect(report.issues.map((i) => i.code)).toEqual(['departement-mismatch'])
    },
    LONG,
  )

  it('has the counts per région and sector of an independent count of the same file', async () => {
    const expected = independentCounts(text)
    const stored = await countSitesByRegionAndSector(store.db)
    const actual = new Map(stored.map((r) => [`${r.region ?? 'inconnue'}/${r.sector}`, Number(r.n)]))
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected))
    const bySector = (sector: string) =>
      stored.filter((r) => r.sector === sector).reduce((n, r) => n + Number(r.n), 0)
    // RULES.md §1 gives these figures for the 2021 register.
    expect([bySector('sanitaire'), bySector('medico-social'), bySector('social'), bySector('autre')]).toEqual(
      [45_202, 36_956, 11_900, 1_275],
    )
  })

  it(
    'changes nothing when the same file is imported again',
    async () => {
      const report = await importFinessFile(store, {
        fileName: 'finess-2021-bis.csv',
        bytes: Buffer.from(text),
      })
      expect(report.counts).toMatchObject({
        created: 0,
        changed: 0,
        closed: 0,
        reopened: 0,
        unchanged: 95_333,
      })
    },
    LONG,
  )

  it(
    'closes exactly the 100 sites removed from the file',
    async () => {
      const removed = new Set(
        register
          .filter((_, i) => i % 953 === 7)
          .slice(0, 100)
          .map((s) => s.finessEg),
      )
      expect(removed.size).toBe(100)
      const next = formatEtalabExtract(
        register.filter((s) => !removed.has(s.finessEg)),
        { ...header, extractDate: '2021-02-26' },
      )
      const report = await importFinessFile(store, {
        fileName: 'finess-2021-02.csv',
        bytes: Buffer.from(next),
      })
      expect(report.counts).toMatchObject({ closed: 100, created: 0, changed: 0 })
      expect(new Set(report.closed.map((c) => c.finessEg))).toEqual(removed)
      const closed = await store.db
        .selectFrom('site')
        .select('finess_eg')
        .where('closed_on', '=', '2021-02-26')
        .execute()
      expect(new Set(closed.map((c) => c.finess_eg))).toEqual(removed)
    },
    LONG,
  )
})
