import { gzipSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { SourceFileError } from '../source-error'
import { openTable } from './open-table'
import type { TableFile, TableRow } from './table'
import { buildZip, unzipAll } from './zip-fixtures'

async function written(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  fill(workbook)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

async function rowsOf(rows: AsyncIterable<TableRow>): Promise<TableRow[]> {
  const all: TableRow[] = []
  for await (const row of rows) all.push(row)
  return all
}

async function readAll(table: TableFile): Promise<{ name: string; rows: TableRow[] }[]> {
  const sheets = []
  for await (const sheet of table.sheets()) sheets.push({ name: sheet.name, rows: await rowsOf(sheet.rows) })
  return sheets
}

async function rejection(promise: Promise<unknown>): Promise<SourceFileError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof SourceFileError) return error
    throw error
  }
  throw new Error('no error')
}

const TWO_SHEETS = written((workbook) => {
  const suivi = workbook.addWorksheet('Suivi été 2024')
  suivi.addRow(['FINESS', 'Raison sociale', 'Montant', 'Signé', 'Date', 'Double', 'Note'])
  suivi.addRow([
    10000024,
    'CH de Bourg-en-Bresse',
    240000372,
    true,
    new Date(Date.UTC(2024, 2, 1)),
    null,
    47.5,
  ])
  suivi.addRow([
    '010000032',
    { richText: [{ text: 'CH ' }, { font: { bold: true }, text: 'Belley' }] },
    0.1 + 0.2,
  ])
  suivi.getCell('D3').value = false
  suivi.getCell('F2').value = { formula: 'C2*2', result: 480000744 }
  suivi.getCell('F3').value = { formula: 'C3*2' }
  suivi.getCell('G3').value = { error: '#N/A' }
  // A sparse row: nothing in A, B and D.
  suivi.getCell('E5').value = 'seul'
  suivi.getCell('C5').value = 0.475
  suivi.getCell('C5').numFmt = '0.0%'
  suivi.getCell('G5').value = { text: 'fiche', hyperlink: 'https://finess.sante.gouv.fr' }
  suivi.mergeCells('A7:C7')
  suivi.getCell('A7').value = 'Total'
  const second = workbook.addWorksheet('Méthodologie')
  second.addRow(['Source : ARS'])
})

describe('reading an XLSX workbook', () => {
  it('reads the sheets in workbook order with their names', async () => {
    const table = await openTable('suivi.xlsx', await TWO_SHEETS)
    expect(table).toMatchObject({ format: 'xlsx', encoding: null, separator: null })
    const sheets = await readAll(table)
    expect(sheets.map((s) => s.name)).toEqual(['Suivi été 2024', 'Méthodologie'])
    expect(sheets[1]?.rows).toEqual([{ line: 1, cells: ['Source : ARS'] }])
  })

  it('reads every kind of cell as text, from column A, with the worksheet row numbers', async () => {
    const [suivi] = await readAll(await openTable('suivi.xlsx', await TWO_SHEETS))
    expect(suivi?.rows).toEqual([
      { line: 1, cells: ['FINESS', 'Raison sociale', 'Montant', 'Signé', 'Date', 'Double', 'Note'] },
      // The FINESS stored as a number lost its leading zero: the reader does not repair it.
      {
        line: 2,
        cells: ['10000024', 'CH de Bourg-en-Bresse', '240000372', 'Oui', '2024-03-01', '480000744', '47.5'],
      },
      { line: 3, cells: ['010000032', 'CH Belley', '0.3', 'Non', '', '=C3*2', '#N/A'] },
      { line: 5, cells: ['', '', '47.5%', '', 'seul', '', 'fiche'] },
      // Merged A7:C7: the value is in the master cell only.
      { line: 7, cells: ['Total'] },
    ])
  })

  it('reads dates of a 1904 workbook', async () => {
    const bytes = await written((workbook) => {
      workbook.properties.date1904 = true
      workbook.addWorksheet('Dates').addRow([new Date(Date.UTC(2024, 4, 17)), 'après'])
    })
    const [sheet] = await readAll(await openTable('mac.xlsx', bytes))
    expect(sheet?.rows[0]?.cells).toEqual(['2024-05-17', 'après'])
  })

  it('keeps accented text whole across the chunks of large parts', async () => {
    // ExcelJS's own streaming reader turns about one such cell in 2 000 into U+FFFD (exceljs #2084).
    const bytes = await written((workbook) => {
      const sheet = workbook.addWorksheet('Établissements')
      for (let i = 1; i <= 20_000; i++)
        sheet.addRow([`Établissement spécialisé n° ${i} – été`, `Réf. ${i} 🏥`])
    })
    const [sheet] = await readAll(await openTable('accents.xlsx', bytes))
    expect(sheet?.rows).toHaveLength(20_000)
    expect(sheet?.rows.filter((r) => r.cells.join('').includes('\uFFFD'))).toEqual([])
    expect(sheet?.rows[19_999]?.cells).toEqual(['Établissement spécialisé n° 20000 – été', 'Réf. 20000 🏥'])
  })

  it('reads a gzipped workbook', async () => {
    const [sheet] = await readAll(await openTable('suivi.xlsx.gz', gzipSync(await TWO_SHEETS)))
    expect(sheet?.name).toBe('Suivi été 2024')
    expect(sheet?.rows).toHaveLength(5)
  })

  it('reads rows lazily, sheet by sheet, in any order and more than once', async () => {
    const bytes = await written((workbook) => {
      const big = workbook.addWorksheet('Grand')
      big.addRow(['finess', 'valeur'])
      for (let i = 1; i < 50_000; i++) big.addRow([String(100_000_000 + i), i / 4])
      workbook.addWorksheet('Petit').addRow(['fin'])
    })
    const table = await openTable('grand.xlsx', bytes)
    const seen: string[] = []
    const sheets = []
    for await (const sheet of table.sheets()) {
      sheets.push(sheet)
      // Only the first rows of the big sheet: the rest is never unzipped.
      for await (const row of sheet.rows) {
        seen.push(`${sheet.name}:${row.line}`)
        if (row.line === 3) break
      }
    }
    expect(seen).toEqual(['Grand:1', 'Grand:2', 'Grand:3', 'Petit:1'])
    // The big sheet read in full afterwards, counting rows rather than keeping them.
    let count = 0
    let last: TableRow | null = null
    for await (const row of sheets[0]?.rows ?? []) {
      count++
      last = row
    }
    expect(count).toBe(50_000)
    expect(last).toEqual({ line: 50_000, cells: ['100049999', '12499.75'] })
  })
})

describe('refusing an XLSX workbook', () => {
  it('refuses a truncated workbook when opening it', async () => {
    const bytes = await TWO_SHEETS
    const error = await rejection(openTable('suivi.xlsx', bytes.subarray(0, bytes.length / 2)))
    expect(error.message).toMatch(/^suivi\.xlsx : classeur XLSX illisible ou tronqué/)
  })

  it('refuses a worksheet whose data is damaged, naming the sheet, while its rows are read', async () => {
    const entries = unzipAll(await TWO_SHEETS).map((entry) =>
      entry.name === 'xl/worksheets/sheet1.xml' ? { ...entry, crc: 12345 } : entry,
    )
    const table = await openTable('suivi.xlsx', buildZip(entries))
    const error = await rejection(readAll(table))
    expect(error.message).toMatch(
      /^suivi\.xlsx : feuille « Suivi été 2024 » : classeur XLSX illisible ou tronqué/,
    )
  })

  it('refuses a workbook whose deflated data is damaged', async () => {
    const bytes = new Uint8Array(await TWO_SHEETS)
    // Garbage in the middle of the first worksheet's compressed data; the directory is intact.
    const names = unzipAll(bytes).map((entry) => entry.name)
    expect(names).toContain('xl/worksheets/sheet1.xml')
    const at = Buffer.from(bytes).indexOf('xl/worksheets/sheet1.xml') + 40
    bytes.fill(0xff, at, at + 64)
    const error = await rejection(openTable('suivi.xlsx', bytes).then(readAll))
    expect(error.message).toMatch(/classeur XLSX illisible ou tronqué/)
  })
})
