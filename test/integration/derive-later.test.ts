// Loading history with the derivation deferred (`deriveLater`, then recomputeAllDerived once) leaves the
// same derived values as importing each file with its own derivation, a month replaced included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importSourceFile } from '../../src/app/import-source'
import { recomputeAllDerived } from '../../src/app/recompute-derived'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { importSeedSites } from '../support/seed-sites'

const BERGERAC = '240000372'
const ANGOULEME = '160000253'
const AIN_EJ = '010780054'

const INSI = 'FINESS;Niveau FINESS;Nombre total d’appels'
const SEGUR = 'FINESS;Type de logiciel;Statut de la commande;VA signée'
const DMP = 'FINESS;Niveau FINESS;Lettres de liaison;CR de biologie;Total documents'

/** Three months of files, the second month's INSi file sent twice (the second replaces the first). */
const FILES: { source: string; period: string; lines: string[] }[] = [
  { source: 'segur-asp', period: '2022-07', lines: [SEGUR, `${BERGERAC};DPI;Commande signée;Non`] },
  { source: 'insi', period: '2022-07', lines: [INSI, `${BERGERAC};EG;0`, `${AIN_EJ};EJ;10`] },
  { source: 'insi', period: '2022-08', lines: [INSI, `${BERGERAC};EG;1500`, `${ANGOULEME};EG;0`] },
  { source: 'dmp', period: '2022-08', lines: [DMP, `${BERGERAC};EG;10;5;15`] },
  { source: 'insi', period: '2022-08', lines: [INSI, `${BERGERAC};EG;1600`, `${ANGOULEME};EG;80`] },
  { source: 'segur-asp', period: '2022-09', lines: [SEGUR, `${BERGERAC};DPI;Commande signée;Oui`] },
  { source: 'insi', period: '2022-09', lines: [INSI, `${BERGERAC};EG;1700`, `${AIN_EJ};EJ;0`] },
]

async function load(store: Store, deriveLater: boolean): Promise<void> {
  await importSeedSites(store)
  for (const file of FILES)
    await importSourceFile(store, {
      source: file.source,
      period: file.period,
      fileName: `${file.source}-${file.period}.csv`,
      bytes: new TextEncoder().encode(file.lines.join('\r\n')),
      actor: { id: null, label: 'test' },
      deriveLater,
    })
}

async function derivedRows(store: Store): Promise<string[]> {
  const rows = await store.db
    .selectFrom('derived_observation as d')
    .innerJoin('indicator as i', 'i.id', 'd.indicator_id')
    .select(['i.code', 'd.period', 'd.level', 'd.finess', 'd.value_number', 'd.value_text'])
    .execute()
  return rows
    .map(
      (r) =>
        `${r.code} ${String(r.period).slice(0, 10)} ${r.level} ${r.finess} ${r.value_number} ${r.value_text}`,
    )
    .sort()
}

let eachFile: Store
let deferred: Store

beforeAll(async () => {
  ;[eachFile, deferred] = await Promise.all([freshStore(), freshStore()])
  await load(eachFile, false)
  await load(deferred, true)
})

afterAll(async () => {
  await Promise.all([eachFile.close(), deferred.close()])
})

describe('importing history with the derivation deferred', () => {
  it('derives nothing until asked', async () => {
    expect(await derivedRows(deferred)).toEqual([])
  })

  it('then gives the same derived values as each file deriving its own', async () => {
    const counts = await recomputeAllDerived(deferred, '2022-07')
    expect(counts.structures).toBeGreaterThan(0)
    const expected = await derivedRows(eachFile)
    expect(expected.length).toBeGreaterThan(0)
    expect(await derivedRows(deferred)).toEqual(expected)
  })
})
