import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFinessFile } from '../../src/app/import-finess'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'

const small = readFileSync(new URL('../fixtures/etalab-small.csv', import.meta.url))

let store: Store
beforeAll(async () => {
  store = await freshStore()
})
afterAll(async () => {
  await store?.close()
})

describe('FINESS etalab import', () => {
  it('imports the published lines with derived département, région, sector and PMSI', async () => {
    const report = await importFinessFile(store, { fileName: 'etalab-small.csv', bytes: small })
    expect(report.counts).toMatchObject({ sitesRead: 5, created: 5, changed: 0, closed: 0, rejected: 0 })
    const sites = await store.db.selectFrom('site').selectAll().orderBy('finess_eg').execute()
    const byEg = new Map(sites.map((s) => [s.finess_eg, s]))
    expect(byEg.get('010000024')).toMatchObject({
      departement: '01',
      region: '84',
      sector: 'sanitaire',
      finess_pmsi_computed: '010780054',
      commune_code: '01451',
      postal_code: '01440',
      city: 'VIRIAT',
      siret: '26010004500012',
    })
    expect(byEg.get('010000024')?.latitude).toBeCloseTo(46.2227, 3)
    expect(byEg.get('970400024')).toMatchObject({
      departement: '974',
      region: '04',
      source_departement: '9D',
    })
    expect(byEg.get('970400024')?.latitude).toBeCloseTo(-20.8889, 3)
    expect(byEg.get('980501506')).toMatchObject({
      name: 'LIEU DE VIE "MAVOUNA MEMA 1"',
      departement: '976',
      sector: 'medico-social',
      finess_pmsi_computed: null,
    })
    expect(byEg.get('970302287')).toMatchObject({ sector: 'medico-social', region: '03' })
  })

  it('changes nothing when the same file is imported again', async () => {
    const report = await importFinessFile(store, { fileName: 'etalab-small.csv', bytes: small })
    expect(report.counts).toMatchObject({ created: 0, changed: 0, closed: 0, unchanged: 5 })
  })
})
