// Every bad input of issue 2 point 6: the user gets a message naming the file and why, and nothing is
// partly written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ImportRefusedError, importFinessFile } from '../../src/app/import-finess'
import type { Store } from '../../src/store/database'
import { SourceFileError } from '../../src/sources/source-error'
import { freshStore } from '../db'
import { snapshot } from '../support/snapshot'
import { bytes, FIXTURE_LINES, FIXTURE_TEXT, fixtureWithLine, withFields } from '../support/fixture'

let store: Store
beforeAll(async () => {
  store = await freshStore()
  await importFinessFile(store, { fileName: 'initial.csv', bytes: bytes(FIXTURE_TEXT) })
})
afterAll(async () => {
  await store?.close()
})

const FLEYRIAT = FIXTURE_LINES[1] ?? ''

describe('a refused FINESS file leaves the database as it was', () => {
  it.each([
    ['empty', '', /vide\.csv : le fichier est vide/],
    ['binary', '\u0000\u0001PNG\u0000', /binaire/],
    ['wrongly laid out', 'FINESS;Nom\n010000024;CH\n', /n'est pas un extrait FINESS etalab/],
    ['truncated', FIXTURE_TEXT.slice(0, FIXTURE_TEXT.length - 40), /tronqué/],
    ['cut before its geolocation section', `${FIXTURE_LINES.slice(0, 4).join('\n')}\n`, /tronqué/],
  ])('%s file', async (label, text, message) => {
    const before = await snapshot(store)
    const error = await importFinessFile(store, {
      fileName: `${label === 'empty' ? 'vide' : label}.csv`,
      bytes: bytes(text),
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceFileError)
    expect((error as Error).message).toMatch(message)
    expect(await snapshot(store)).toEqual(before)
  })

  it('strict mode refuses the whole file on one bad row', async () => {
    const before = await snapshot(store)
    const text = fixtureWithLine(3, 'structureet;970400024;970408589;TROP COURT')
    const error = await importFinessFile(store, {
      fileName: 'strict.csv',
      bytes: bytes(text),
      strict: true,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportRefusedError)
    expect((error as Error).message).toMatch(
      /strict\.csv : fichier refusé en mode strict, 1 ligne\(s\) rejetée\(s\) \(ligne 3 : 3 champs au lieu de 30/,
    )
    expect(await snapshot(store)).toEqual(before)
  })
})

describe('bad rows without --strict', () => {
  it('are skipped and reported with line and reason; the rest is imported', async () => {
    const text = fixtureWithLine(2, withFields(FLEYRIAT, { 1: '01000002X', 3: 'CH DE FLEYRIAT RENOMME' }))
    const report = await importFinessFile(store, { fileName: 'une-ligne-rejetee.csv', bytes: bytes(text) })
    expect(report.counts).toMatchObject({ rejected: 1, sitesRead: 4 })
    expect(report.issues[0]).toMatchObject({ line: 2, severity: 'rejected', code: 'finess-invalid' })
    const stored = await store.db
      .selectFrom('finess_import_issue')
      .selectAll()
      .where('import_id', '=', report.importId)
      .orderBy('line')
      .execute()
    expect(stored).toEqual([
      expect.objectContaining({ line: 2, severity: 'rejected', code: 'finess-invalid', field: 'nofinesset' }),
      // Its coordinates, further down, now belong to no site.
      expect.objectContaining({
        line: 7,
        severity: 'warning',
        code: 'geolocation-orphan',
        finess: '010000024',
      }),
    ])
    // The rejected site is missing from this file, so it is closed — never deleted.
    const fleyriat = await store.db
      .selectFrom('site')
      .selectAll()
      .where('finess_eg', '=', '010000024')
      .executeTakeFirstOrThrow()
    expect(fleyriat.closed_on).toBe('2026-05-12')
    expect(report.closed).toEqual([{ finessEg: '010000024', line: null }])
  })

  it('keeps the raw file with its sha256', async () => {
    const files = await store.db
      .selectFrom('source_file')
      .select(['file_name', 'sha256', 'size_bytes'])
      .orderBy('id')
      .execute()
    expect(files.map((f) => f.file_name)).toEqual(['initial.csv', 'une-ligne-rejetee.csv'])
    expect(files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(Number(files[0]?.size_bytes)).toBe(Buffer.byteLength(FIXTURE_TEXT))
  })
})
