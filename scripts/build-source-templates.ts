// Writes docs/sources/templates/<code>.csv and <code>.xlsx for every national monthly source, from the
// source definitions (src/sources/monthly/sources/): header row, then the example rows. A test checks that
// the committed CSV files equal what the definitions give, so run this after changing a source.
// A workbook's zip entries carry the time they were written, so an unchanged source keeps its workbook
// (no change to commit) unless --force is given.
//   node --import tsx scripts/build-source-templates.ts [--force]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { NATIONAL_SOURCES } from '../src/sources/monthly/sources/index'
import { finessColumnIndex, templateCsv, templateRows } from '../src/sources/monthly/sources/template'
import type { SourceDefinition } from '../src/sources/monthly/source-definition'

const OUT = fileURLToPath(new URL('../docs/sources/templates/', import.meta.url))
// A fixed date: the workbook's properties do not change from one run to the next.
const BUILT = new Date('2025-01-01T00:00:00Z')

async function writeWorkbook(source: SourceDefinition, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Jalon'
  workbook.created = BUILT
  workbook.modified = BUILT
  const sheet = workbook.addWorksheet(source.code)
  const [header = [], ...rows] = templateRows(source)
  sheet.addRow(header).font = { bold: true }
  // Text cells, FINESS included: a number would lose its leading zero in Excel. An empty cell is left out.
  for (const row of rows) sheet.addRow(row.map((cell) => (cell === '' ? null : cell)))
  const finess = finessColumnIndex(source)
  if (finess >= 0) sheet.getColumn(finess + 1).numFmt = '@'
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(45, Math.max(12, (header[i] ?? '').length + 2))
  })
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  await workbook.xlsx.writeFile(path)
}

const force = process.argv.includes('--force')
mkdirSync(OUT, { recursive: true })
for (const source of Object.values(NATIONAL_SOURCES)) {
  const csvPath = `${OUT}${source.code}.csv`
  const xlsxPath = `${OUT}${source.code}.xlsx`
  const csv = templateCsv(source)
  const unchanged = existsSync(csvPath) && readFileSync(csvPath, 'utf8') === csv && existsSync(xlsxPath)
  if (unchanged && !force) {
    console.error(`${source.code}: inchangé`)
    continue
  }
  writeFileSync(csvPath, csv)
  await writeWorkbook(source, xlsxPath)
  console.error(`${source.code}: ${source.example.length} lignes d'exemple`)
}
