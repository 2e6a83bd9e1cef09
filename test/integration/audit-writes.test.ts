// Every write path outside the accounts leaves its journal line, in its own transaction: FINESS imports,
// monthly source imports (and their replacement), saved mappings, FINESS PMSI entered by a
// person. A dry run and a refused file leave none. (Accounts and scopes: users-api.test.ts; typed fields:
// fields.test.ts, which also checks the journal of a tracker import.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/app/access/actor'
import { importSourceFile } from '../../src/app/import-source'
import { importTrackerFile } from '../../src/app/import-tracker'
import { overridePmsi } from '../../src/app/pmsi-override'
import { saveSourceMapping } from '../../src/app/source-import-history'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { DEMO, loadDemoReferential } from '../support/demo-referential'
import { TRACKER_FILE_NAME, trackerWorkbookBytes } from '../support/tracker-workbook'

const ANA: Actor = { id: 41, label: 'ana.martin@sante.gouv.fr' }
let store: Store
beforeAll(async () => {
  store = await freshStore()
  await loadDemoReferential(store)
}, 120_000)
afterAll(async () => {
  await store?.close()
})

const journal = (action: string) =>
  store.db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('id').execute()

const insiFile = (calls: number) =>
  new TextEncoder().encode(`FINESS;Appels recherche carte Vitale\r\n${DEMO.chSaintBrieucSite};${calls}\r\n`)
const importInsi = (calls: number, extra: { dryRun?: boolean } = {}) =>
  importSourceFile(store, {
    source: 'insi',
    fileName: 'insi-202403.csv',
    bytes: insiFile(calls),
    period: '2024-03',
    actor: ANA,
    ...extra,
  })

describe('journal of imports and referential changes', () => {
  it('journals the FINESS import of the referential', async () => {
    const [line] = await journal('finess.import')
    expect(line).toMatchObject({ action: 'finess.import', entity_kind: 'finess_import', actor_id: null })
    expect(line?.after).toMatchObject({ file: 'etalab-demo-53.csv.gz', format: 'etalab' })
  })

  it('journals a source import with who, the file, its sha256 and counts, and its replacement', async () => {
    await importInsi(10, { dryRun: true })
    expect(await journal('source.import')).toHaveLength(0)
    const first = await importInsi(10)
    const second = await importInsi(12)
    const lines = await journal('source.import')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({
      actor_id: ANA.id,
      actor_label: ANA.label,
      entity_kind: 'source_import',
      entity_id: String(first.importId),
      before: null,
    })
    expect(lines[0]?.after).toMatchObject({ source: 'insi', period: '2024-03', file: 'insi-202403.csv' })
    expect(String((lines[0]?.after as { sha256: string }).sha256)).toMatch(/^[0-9a-f]{64}$/)
    expect(lines[1]).toMatchObject({ entity_id: String(second.importId), before: { import: first.importId } })
    expect((lines[1]?.after as { changed: number }).changed).toBeGreaterThan(0)
  })

  it('journals nothing for a refused file', async () => {
    await expect(
      importSourceFile(store, {
        source: 'insi',
        fileName: 'vide.csv',
        bytes: new Uint8Array(),
        period: '2024-04',
        actor: ANA,
      }),
    ).rejects.toThrow()
    expect((await journal('source.import')).map((l) => l.period)).not.toContain('2024-04-01')
  })

  it('journals nothing for a tracker whose sites are all unknown (refused)', async () => {
    const tracker = importTrackerFile(store, {
      fileName: TRACKER_FILE_NAME,
      bytes: await trackerWorkbookBytes(),
      actor: ANA,
    })
    // The seed's sites are not in the Bretagne referential: the workbook is refused, and not journaled.
    await expect(tracker).rejects.toThrow(/inconnu du référentiel/)
    expect(await journal('tracker.import')).toHaveLength(0)
  })

  it('journals a saved mapping with the headers it replaced', async () => {
    const mapping = { source: 'insi', name: 'gie-2024' }
    await saveSourceMapping(store, ANA, { ...mapping, headers: { finess: 'N° FINESS' } })
    await saveSourceMapping(store, ANA, { ...mapping, headers: { finess: 'FINESS ET' } })
    const lines = await journal('mapping.save')
    expect(lines.map((l) => [l.before, l.after])).toEqual([
      [null, { finess: 'N° FINESS' }],
      [{ finess: 'N° FINESS' }, { finess: 'FINESS ET' }],
    ])
  })

  it('journals a FINESS PMSI entered by a person, with the reason', async () => {
    await overridePmsi(store, {
      finessEg: DEMO.polycliniqueTregor,
      pmsi: DEMO.polycliniqueTregorEj,
      actor: ANA,
      note: 'activité déclarée sous l’EJ',
    })
    const [line] = await journal('pmsi.override')
    expect(line).toMatchObject({ finess: DEMO.polycliniqueTregor, field: 'finess_pmsi', actor_id: ANA.id })
    expect(line?.after).toEqual({ value: DEMO.polycliniqueTregorEj, note: 'activité déclarée sous l’EJ' })
  })
})
