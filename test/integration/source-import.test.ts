// Monthly source import end to end on the demo referential: reconciliation, history, re-import, dry run.
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importSourceFile, type SourceImportOptions } from '../../src/app/import-source'
import { issuesCsv, listSourceImports } from '../../src/app/source-import-history'
import type { Store } from '../../src/store/database'
import { siteObservations, totalOf } from '../../src/store/observation-queries'
import { freshStore } from '../db'
import { DEMO, loadDemoReferential } from '../support/demo-referential'
import { snapshot } from '../support/snapshot'

let store: Store
beforeAll(async () => {
  store = await freshStore()
  await loadDemoReferential(store)
})
afterAll(async () => {
  await store?.close()
})

const cp1252 = (text: string) => iconv.encode(text.replace(/\n/g, '\r\n'), 'windows-1252')

const INSI_MARCH = cp1252(
  [
    'Publication données INSi - mars 2024',
    'FINESS;Raison sociale;Appels recherche carte Vitale;Appels recherche traits;Appels vérification;Taux d’identités qualifiées',
    `${DEMO.chSaintBrieucSite};CH YVES LE FOLL;1010;301;121;47`,
    `${DEMO.polycliniqueTregor};POLYCLINIQUE DU TREGOR;250;12;0;pas disponible`,
    `${DEMO.unknown};INCONNU;5;0;0;`,
  ].join('\n'),
)

const insi = (bytes: Uint8Array, extra: Partial<SourceImportOptions> = {}) =>
  importSourceFile(store, {
    source: 'insi',
    fileName: 'M1271_V02_TLSt_Publication donnees INSI-202403.csv',
    bytes,
    period: '2024-03',
    actor: { id: null, label: 'test' },
    ...extra,
  })

describe('monthly source import', () => {
  it('previews without writing anything (dry run)', async () => {
    const before = await snapshot(store)
    const report = await insi(INSI_MARCH, { dryRun: true })
    expect(report).toMatchObject({ dryRun: true, importId: null, encoding: 'windows-1252', headerLine: 2 })
    expect(report.counts).toMatchObject({
      rowsRead: 3,
      rowsRejected: 1,
      structures: 2,
      added: report.counts.observations,
    })
    expect(await snapshot(store)).toEqual(before)
  })

  it('imports a cp1252 file, reconciles it and reports the unknown FINESS with its line', async () => {
    const report = await insi(INSI_MARCH)
    expect(report.importId).toBeGreaterThan(0)
    expect(report.counts).toMatchObject({ rowsRead: 3, rowsRejected: 1, structures: 2, rejected: 1 })
    expect(report.issues).toContainEqual(
      expect.objectContaining({ line: 5, severity: 'rejected', code: 'finess-unknown', value: DEMO.unknown }),
    )
    const shown = await siteObservations(store.db, DEMO.chSaintBrieucSite, '2024-03')
    const byIndicator = Object.fromEntries(shown.map((o) => [o.indicator, o]))
    expect(byIndicator['insi.appels']).toMatchObject({ number: '1432', level: 'EG', source: 'insi' })
    expect(byIndicator['insi.taux-qualifiees']).toMatchObject({ number: '47' })
    const clinic = await siteObservations(store.db, DEMO.polycliniqueTregor, '2024-03')
    // "pas disponible" is no value, not zero.
    expect(clinic.map((o) => o.indicator)).not.toContain('insi.taux-qualifiees')
    const csv = await issuesCsv(store.db, report.importId ?? 0)
    expect(csv).toContain(`5;rejet;finess-unknown;FINESS;${DEMO.unknown};`)
  })

  it('gives the same observations when the same month is imported twice, and says nothing changed', async () => {
    const before = (await snapshot(store)).observations.map(({ import_id: _, ...o }) => o)
    const report = await insi(INSI_MARCH)
    expect(report.replacedImportId).not.toBeNull()
    expect(report.changes).toMatchObject({ added: 0, changed: 0, removed: 0 })
    expect(report.changes.unchanged).toBe(report.counts.observations)
    const after = (await snapshot(store)).observations.map(({ import_id: _, ...o }) => o)
    expect(after).toEqual(before)
    const history = await listSourceImports(store.db, { source: 'insi', period: '2024-03' })
    expect(history).toHaveLength(2)
    expect(history[1]?.replacedBy).toBe(history[0]?.id)
  })

  it('says what a corrected file changes', async () => {
    const corrected = cp1252(
      [
        'FINESS;Appels recherche carte Vitale;Appels recherche traits;Appels vérification;Taux d’identités qualifiées',
        `${DEMO.chSaintBrieucSite};1010;301;121;52`,
      ].join('\n'),
    )
    const report = await insi(corrected)
    expect(report.changes.changed).toBe(1)
    expect(report.changes.removed).toBeGreaterThan(0)
    expect(report.changes.examples).toContainEqual(
      expect.objectContaining({ indicator: 'insi.taux-qualifiees', before: '47', after: '52' }),
    )
  })

  it('shows an EJ-level value on every site of the EJ and counts it once in the région', async () => {
    const byEj = cp1252(
      ['FINESS;Niveau FINESS;Nombre total d’appels', `${DEMO.chSaintBrieucEj};EJ;1830`].join('\n'),
    )
    await insi(byEj, { period: '2024-04' })
    for (const site of DEMO.chSaintBrieucSites) {
      const shown = await siteObservations(store.db, site, '2024-04')
      expect(shown).toContainEqual(
        expect.objectContaining({ indicator: 'insi.appels', level: 'EJ', number: '1830' }),
      )
    }
    expect(await totalOf(store.db, 'insi.appels', '2024-04', '53')).toBe('1830')
    expect(await totalOf(store.db, 'insi.appels', '2024-04', null)).toBe('1830')
    expect(await totalOf(store.db, 'insi.appels', '2024-04', '11')).toBe('0')
  })
})
