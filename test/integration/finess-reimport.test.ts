// Re-importing a newer extract: upsert by FINESS EG, closures of the missing, a change log per site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFinessFile } from '../../src/app/import-finess'
import { encodeExtract, formatEtalabExtract } from '../../src/sources/finess/etalab-writer'
import type { SiteRecord } from '../../src/domain/structure'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { syntheticSites } from '../support/synthetic-sites'

let store: Store
beforeAll(async () => {
  store = await freshStore()
})
afterAll(async () => {
  await store?.close()
})

const extract = (sites: SiteRecord[], date: string) =>
  encodeExtract(formatEtalabExtract(sites, { extractNumber: 100, extractDate: date }), {
    encoding: 'windows-1252',
    crlf: true,
  })

const all = syntheticSites(300)

describe('monthly re-import', () => {
  it('creates every site of a first extract', async () => {
    const report = await importFinessFile(store, {
      fileName: 'janvier.csv',
      bytes: extract(all, '2026-01-05'),
    })
    expect(report.counts).toMatchObject({ sitesRead: 300, created: 300, changed: 0, closed: 0, rejected: 0 })
  })

  it('changes nothing on the same file again', async () => {
    const report = await importFinessFile(store, {
      fileName: 'janvier-bis.csv',
      bytes: extract(all, '2026-01-05'),
    })
    expect(report.counts).toMatchObject({ created: 0, changed: 0, closed: 0, reopened: 0, unchanged: 300 })
    expect(await store.db.selectFrom('site_change').selectAll().execute()).toEqual([])
  })

  it('closes exactly the 100 sites a newer extract no longer lists, at its date', async () => {
    const removed = new Set(all.filter((_, i) => i % 3 === 1).map((s) => s.finessEg))
    expect(removed.size).toBe(100)
    const report = await importFinessFile(store, {
      fileName: 'fevrier.csv',
      bytes: extract(
        all.filter((s) => !removed.has(s.finessEg)),
        '2026-02-02',
      ),
    })
    expect(report.counts).toMatchObject({ closed: 100, created: 0, changed: 0, unchanged: 200 })
    expect(new Set(report.closed.map((c) => c.finessEg))).toEqual(removed)
    const closed = await store.db
      .selectFrom('site')
      .select(['finess_eg', 'closed_on'])
      .where('closed_on', 'is not', null)
      .execute()
    expect(new Set(closed.map((c) => c.finess_eg))).toEqual(removed)
    expect(new Set(closed.map((c) => c.closed_on))).toEqual(new Set(['2026-02-02']))
    expect(await store.db.selectFrom('site').select('finess_eg').execute()).toHaveLength(300)
  })

  it('logs each changed field with its value before and after, and reopens a site that comes back', async () => {
    const next = all.map((s, i) =>
      i === 0
        ? { ...s, name: 'NOUVEAU NOM', categoryCode: '500', categoryLabel: 'EHPAD', aggregateCode: '4401' }
        : s,
    )
    const report = await importFinessFile(store, { fileName: 'mars.csv', bytes: extract(next, '2026-03-02') })
    expect(report.counts).toMatchObject({ changed: 1, reopened: 100, closed: 0, created: 0 })
    const first = all[0]?.finessEg ?? ''
    const log = await store.db.selectFrom('site_change').selectAll().where('finess_eg', '=', first).execute()
    expect(log).toHaveLength(1)
    expect(log[0]?.kind).toBe('changed')
    expect(log[0]?.changes).toMatchObject({
      name: { before: 'ETABLISSEMENT 0', after: 'NOUVEAU NOM' },
      category_code: { before: '355', after: '500' },
      sector: { before: 'sanitaire', after: 'medico-social' },
      finess_pmsi_computed: { before: all[0]?.finessEj, after: null },
    })
    expect(Object.keys(log[0]?.changes ?? {}).sort()).toEqual(
      ['aggregate_code', 'category_code', 'category_label', 'finess_pmsi_computed', 'name', 'sector'].sort(),
    )
    const reopened = await store.db
      .selectFrom('site_change')
      .select('finess_eg')
      .where('kind', '=', 'reopened')
      .execute()
    expect(reopened).toHaveLength(100)
    expect(
      await store.db.selectFrom('site').select('finess_eg').where('closed_on', 'is not', null).execute(),
    ).toEqual([])
  })
})
