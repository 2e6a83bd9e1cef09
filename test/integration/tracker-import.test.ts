// A region's "Suivi Ségur ES" workbook imported end to end: one import per follow-up tab, themes at their
// own month, the EJ's MSSanté count once, re-import and dry run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importTrackerFile } from '../../src/app/import-tracker'
import type { Store } from '../../src/store/database'
import { siteObservations, totalOf } from '../../src/store/observation-queries'
import { freshStore } from '../db'
import { snapshot } from '../support/snapshot'
import { importSeedSites } from '../support/seed-sites'
import { TRACKER_FILE_NAME, trackerWorkbookBytes } from '../support/tracker-workbook'

let store: Store
let workbook: Uint8Array
beforeAll(async () => {
  store = await freshStore()
  await importSeedSites(store)
  workbook = await trackerWorkbookBytes()
})
afterAll(async () => {
  await store?.close()
})

const importAll = (extra: { period?: string; dryRun?: boolean } = {}) =>
  importTrackerFile(store, {
    fileName: TRACKER_FILE_NAME,
    bytes: workbook,
    actor: { id: null, label: 'test' },
    ...extra,
  })

describe('tracker import', () => {
  it('previews without writing (dry run)', async () => {
    const before = await snapshot(store)
    const report = await importAll({ dryRun: true })
    expect(report.tabs.map((t) => t.period)).toEqual(['2022-08', '2022-07'])
    expect(await snapshot(store)).toEqual(before)
  })

  it('imports each follow-up tab as its own month, national themes at their own month', async () => {
    const report = await importAll()
    expect(report.tabs.map((t) => [t.sheet, t.period])).toEqual([
      ['Suivi Ségur ES - 08-2022', '2022-08'],
      ['Suivi Ségur ES - 07-2022', '2022-07'],
    ])
    expect(report.skipped.map((s) => s.sheet)).toEqual(['Moyenne nationale', 'Méthodologie'])
    const august = await siteObservations(store.db, '240000372', '2022-08')
    const value = (code: string) => august.find((o) => o.indicator === code)
    expect(value('segur.commande.dpi')).toMatchObject({ text: 'signee', level: 'EG', source: 'suivi-segur' })
    expect(value('segur.commande.ri')).toMatchObject({ text: 'non-signee' })
    expect(value('suivi.meteo')).toMatchObject({ text: 'en-cours' })
    expect(value('insi.taux-qualifiees')).toMatchObject({ number: '47' })
    // MSSanté in the August tab is July's data, reported per EJ.
    expect(value('mss.messages-envoyes')).toBeUndefined()
    const july = await siteObservations(store.db, '240000372', '2022-07')
    expect(july).toContainEqual(
      expect.objectContaining({
        indicator: 'mss.messages-envoyes',
        level: 'EJ',
        finess: '240000059',
        number: '1830',
      }),
    )
  })

  it('counts an EJ-level count once, whatever the number of its sites', async () => {
    for (const site of ['010000024', '010009702']) {
      const shown = await siteObservations(store.db, site, '2022-07')
      expect(shown).toContainEqual(
        expect.objectContaining({ indicator: 'mss.messages-envoyes', level: 'EJ', number: '50' }),
      )
    }
    // Région 84 (Auvergne-Rhône-Alpes) holds the two Ain sites of EJ 010780054.
    expect(await totalOf(store.db, 'mss.messages-envoyes', '2022-07', '84')).toBe('50')
  })

  it('gives the same observations when imported again, and says nothing changed', async () => {
    const before = (await snapshot(store)).observations.map(({ import_id: _, ...o }) => o)
    const report = await importAll()
    for (const tab of report.tabs) {
      expect(tab.replacedImportId).not.toBeNull()
      expect(tab.changes).toMatchObject({ added: 0, changed: 0, removed: 0 })
    }
    expect((await snapshot(store)).observations.map(({ import_id: _, ...o }) => o)).toEqual(before)
  })

  it('imports only the asked follow-up month', async () => {
    const report = await importAll({ period: '2022-07' })
    expect(report.tabs.map((t) => t.period)).toEqual(['2022-07'])
    expect(report.skipped.map((s) => s.sheet)).toContain('Suivi Ségur ES - 08-2022')
  })
})
