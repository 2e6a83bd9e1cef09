import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFinessFile } from '../../src/app/import-finess'
import { overridePmsi } from '../../src/app/pmsi-override'
import { getStructure } from '../../src/app/structures'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { bytes, FIXTURE_TEXT } from '../support/fixture'

let store: Store
beforeAll(async () => {
  store = await freshStore()
  await importFinessFile(store, { fileName: 'etalab-small.csv', bytes: bytes(FIXTURE_TEXT) })
})
afterAll(async () => {
  await store?.close()
})

describe('FINESS PMSI entered by a person', () => {
  it('replaces the computed one and is logged with who and why', async () => {
    const result = await overridePmsi(store, {
      finessEg: '010000024',
      pmsi: '010 000 024',
      actor: { id: null, label: 'ARS test' },
      note: 'activité déclarée par site',
    })
    expect(result).toEqual({ before: null, after: '010000024' })
    const detail = await getStructure(store, '010000024')
    expect(detail?.finessPmsi).toBe('010000024')
    expect(detail?.pmsi).toEqual({ computed: '010780054', override: '010000024' })
    expect(detail?.changes[0]).toMatchObject({
      kind: 'pmsi-override',
      importId: null,
      actor: 'ARS test',
      note: 'activité déclarée par site',
      changes: { finess_pmsi_override: { before: null, after: '010000024' } },
    })
  })

  it('survives a re-import of the register, which never touches it', async () => {
    const report = await importFinessFile(store, { fileName: 'etalab-small.csv', bytes: bytes(FIXTURE_TEXT) })
    expect(report.counts.changed).toBe(0)
    expect((await getStructure(store, '010000024'))?.finessPmsi).toBe('010000024')
  })

  it('refuses a malformed number, a missing reason and an unknown site, changing nothing', async () => {
    await expect(
      overridePmsi(store, {
        finessEg: '010000024',
        pmsi: '12',
        actor: { id: null, label: 'a' },
        note: 'raison',
      }),
    ).rejects.toThrow(/« 12 » n'est pas un numéro FINESS/)
    await expect(
      overridePmsi(store, { finessEg: '010000024', pmsi: null, actor: { id: null, label: 'a' }, note: '' }),
    ).rejects.toThrow(/raison/)
    await expect(
      overridePmsi(store, {
        finessEg: '010000032',
        pmsi: null,
        actor: { id: null, label: 'a' },
        note: 'raison',
      }),
    ).rejects.toThrow(/aucun établissement 010000032/)
    expect((await getStructure(store, '010000024'))?.changes).toHaveLength(1)
  })
})
