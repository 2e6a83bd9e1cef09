// Every national source tried with broken, truncated, mis-encoded, duplicated, hostile and oversized
// files: a message that names the file, line and column, and a database left exactly as it was.
import { gzipSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ImportRefusedError } from '../../src/app/import-errors'
import { importSourceFile, type SourceImportOptions } from '../../src/app/import-source'
import { findPeriodIn } from '../../src/domain/observations/period'
import { NATIONAL_SOURCES } from '../../src/sources/monthly/sources/index'
import { templateRows } from '../../src/sources/monthly/sources/template'
import type { SourceDefinition } from '../../src/sources/monthly/source-definition'
import { SourceFileError } from '../../src/sources/source-error'
import type { Store } from '../../src/store/database'
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

/** Demo structures known at each level, to put in place of the templates' FINESS numbers. */
const POOL = {
  EG: [DEMO.chSaintBrieucSite, DEMO.polycliniqueTregor, DEMO.chSaintBrieucEhpad, '220019061'],
  EJ: [DEMO.chSaintBrieucEj, DEMO.polycliniqueTregorEj, DEMO.chRedonEj],
  PMSI: [DEMO.chSaintBrieucEj, DEMO.polycliniqueTregor, DEMO.chRedonEj],
} as const

/** The source's template rows with demo FINESS numbers at the right level, and the month they are for. */
function goodRows(source: SourceDefinition): { rows: string[][]; period: string } {
  const keys = Object.keys(source.columns)
  const [header = [], ...examples] = templateRows(source)
  const finessAt = keys.indexOf('finess')
  const levelAt = keys.indexOf('niveau')
  const periodAt = keys.indexOf('periode')
  const used = new Map<string, string>()
  const rows = examples.map((cells) => {
    const level = (
      levelAt >= 0 && /EJ|juridique/i.test(cells[levelAt] ?? '') ? 'EJ' : source.level
    ) as keyof typeof POOL
    const original = cells[finessAt] ?? ''
    const key = `${level}:${original}`
    if (!used.has(key))
      used.set(
        key,
        POOL[level][[...used.keys()].filter((k) => k.startsWith(level)).length % POOL[level].length] ?? '',
      )
    return cells.map((cell, i) => (i === finessAt ? (used.get(key) ?? cell) : cell))
  })
  const period = (periodAt >= 0 && findPeriodIn(examples[0]?.[periodAt] ?? '')) || '2024-03'
  return { rows: [header, ...rows], period }
}

const csv = (rows: string[][]) => `${rows.map((r) => r.join(';')).join('\r\n')}\r\n`

async function refusal(work: Promise<unknown>): Promise<Error> {
  try {
    await work
  } catch (error) {
    if (error instanceof SourceFileError || error instanceof ImportRefusedError) return error
    throw error
  }
  throw new Error('the file was accepted')
}

describe.each(Object.values(NATIONAL_SOURCES))('source $code with bad input', (source) => {
  const { rows, period } = goodRows(source)
  const fileName = `${source.code}-${period}.csv`
  const run = (bytes: Uint8Array, extra: Partial<SourceImportOptions> = {}) =>
    importSourceFile(store, {
      source: source.code,
      fileName,
      bytes,
      period,
      actor: { id: null, label: 'test' },
      ...extra,
    })

  /** The import is refused with a message naming the file, and nothing is written. */
  async function refused(bytes: Uint8Array, expected: RegExp, extra: Partial<SourceImportOptions> = {}) {
    const before = await snapshot(store)
    const error = await refusal(run(bytes, extra))
    expect(error.message).toContain(extra.fileName ?? fileName)
    expect(error.message).toMatch(expected)
    expect(await snapshot(store)).toEqual(before)
    return error
  }

  it('reads the good file with no rejected row (dry run)', async () => {
    const report = await run(Buffer.from(csv(rows)), { dryRun: true })
    expect(report.counts.rejected).toBe(0)
    expect(report.counts.observations).toBeGreaterThan(0)
  })

  it('reads the same file written in Windows-1252 the same way', async () => {
    const utf8 = await run(Buffer.from(csv(rows)), { dryRun: true })
    const cp1252 = await run(iconv.encode(csv(rows), 'windows-1252'), { dryRun: true })
    expect(cp1252.encoding).toBe('windows-1252')
    expect(cp1252.counts).toEqual(utf8.counts)
  })

  it('refuses an empty file', async () => {
    await refused(new Uint8Array(0), /vide/)
  })

  it('refuses a binary file', async () => {
    await refused(
      Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108', 'hex'),
      /binaire|image|PNG|texte/i,
    )
  })

  it('refuses a truncated gzip copy and a truncated workbook', async () => {
    const gz = gzipSync(Buffer.from(csv(rows).repeat(50)))
    await refused(gz.subarray(0, Math.floor(gz.length / 2)), /gzip|tronqu|incomplet/i, {
      fileName: `${fileName}.gz`,
    })
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Données').addRows(rows)
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
    await refused(xlsx.subarray(0, Math.floor(xlsx.length / 2)), /XLSX|classeur/i, {
      fileName: `${source.code}.xlsx`,
    })
  })

  it('refuses a file that is not this source (no FINESS header)', async () => {
    await refused(Buffer.from('nom;prénom\r\nDupont;Jean\r\n'), /en-têtes|FINESS/)
  })

  it('refuses a file above the size limit before reading it', async () => {
    await refused(Buffer.from(csv(rows)), /limite/, { maxBytes: 10 })
  })

  it('reports a duplicated line with its number and keeps one value', async () => {
    const first = rows[1] ?? []
    const report = await run(Buffer.from(csv([...rows, first])), { dryRun: true })
    const single = await run(Buffer.from(csv(rows)), { dryRun: true })
    expect(report.counts.observations).toBe(single.counts.observations)
    expect(report.issues).toContainEqual(
      expect.objectContaining({ line: rows.length + 1, code: 'duplicate' }),
    )
  })

  it('refuses formula cells, naming the column, and stores none of them', async () => {
    const formula = "=cmd|' /C calc'!A0"
    const finessAt = Object.keys(source.columns).indexOf('finess')
    const hostile = rows.map((cells, r) =>
      r === 1 ? cells.map((c, i) => (i === finessAt ? c : formula)) : cells,
    )
    const report = await run(Buffer.from(csv(hostile)))
    const onLine2 = report.issues.filter((i) => i.line === 2 && i.severity === 'rejected')
    expect(onLine2.length).toBeGreaterThan(0)
    for (const issue of onLine2) expect(issue.message).toMatch(/colonne « .+ »/)
    const stored = await store.db
      .selectFrom('observation')
      .select('value_text')
      .where('value_text', 'like', '=%')
      .execute()
    expect(stored).toEqual([])
  })

  it('warns when the same file is imported again for another month', async () => {
    await run(Buffer.from(csv(rows)))
    if (Object.keys(source.columns).includes('periode')) {
      // A file that says its month: importing it for another month is refused, naming the line and column.
      const error = await refused(Buffer.from(csv(rows)), /autre mois/, { period: '2019-01' })
      expect(error.message).toMatch(/ligne 2/)
    } else {
      const again = await run(Buffer.from(csv(rows)), { period: '2019-01', dryRun: true })
      expect(again.issues).toContainEqual(
        expect.objectContaining({ code: 'same-file-other-period', value: period }),
      )
    }
  })
})
