import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { FinessLevel } from '../../../domain/observations/observation'
import { parsePeriod, periodOfDate } from '../../../domain/observations/period'
import { readDate } from '../../field-repairs'
import { openTable } from '../../tabular/open-table'
import { NATIONAL_SOURCES } from './index'
import { finessColumnIndex, templateCsv, templateRows } from './template'
import { interpret, type KnownStructure } from './testing'

const TEMPLATES = fileURLToPath(new URL('../../../../docs/sources/templates/', import.meta.url))
const SOURCES = Object.values(NATIONAL_SOURCES)

/** The month the examples are about, when they say it; any month otherwise. */
function periodOf(examples: readonly Readonly<Record<string, string>>[]): string {
  const written = examples.find((e) => e.periode)?.periode ?? ''
  const date = readDate(written)
  return parsePeriod(written) ?? (date.ok ? periodOfDate(date.value) : '2022-08')
}

describe('source templates (docs/sources/templates)', () => {
  it('lists every national source', () => {
    expect(Object.keys(NATIONAL_SOURCES).sort()).toEqual(
      ['activite', 'dmp', 'esms-numerique', 'insi', 'mssante', 'programmes', 'segur-asp'].sort(),
    )
  })

  it.each(SOURCES.map((s) => [s.code, s] as const))(
    '%s.csv is what the definition gives (rebuild: node --import tsx scripts/build-source-templates.ts)',
    (code, source) => {
      expect(readFileSync(`${TEMPLATES}${code}.csv`, 'utf8')).toBe(templateCsv(source))
    },
  )

  it.each(SOURCES.flatMap((s) => (['csv', 'xlsx'] as const).map((format) => [s.code, format, s] as const)))(
    '%s.%s imports without a rejected row',
    async (code, format, source) => {
      const table = await openTable(`${code}.${format}`, readFileSync(`${TEMPLATES}${code}.${format}`))
      const sheets = table.sheets()[Symbol.asyncIterator]()
      const sheet = (await sheets.next()).value
      if (!sheet) throw new Error(`${code}.${format} : aucune feuille`)
      // The referential knows each example's FINESS at the level its row declares.
      const known: Record<string, KnownStructure> = {}
      for (const example of source.example) {
        const niveau = (example.niveau ?? '').toUpperCase()
        const level: FinessLevel =
          niveau === 'EJ' || niveau.includes('JURIDIQUE') ? 'EJ' : niveau === 'EG' ? 'EG' : source.level
        known[example.finess ?? ''] = { levels: [level] }
      }
      const result = await interpret(source, sheet.rows, { known, period: periodOf(source.example) })
      expect(result.issues.filter((i) => i.severity === 'rejected')).toEqual([])
      expect(result.stats).toMatchObject({ headerLine: 1, rowsRead: source.example.length, rowsRejected: 0 })
      expect(result.observations.length).toBeGreaterThanOrEqual(source.example.length)
    },
  )

  it.each(SOURCES.map((s) => [s.code, s] as const))(
    '%s.xlsx has the same cells, its FINESS column as text',
    async (code, source) => {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.readFile(`${TEMPLATES}${code}.xlsx`)
      const sheet = workbook.worksheets[0]
      const cells: string[][] = []
      sheet?.eachRow((row) => {
        const values = Array.isArray(row.values) ? row.values.slice(1) : []
        // Array.from, not map: the row's values leave holes where cells are empty.
        cells.push(Array.from(values, (v) => (v === null || v === undefined ? '' : String(v))))
      })
      const expected = templateRows(source).map((r) => {
        const trimmed = [...r]
        while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop()
        return trimmed
      })
      expect(cells).toEqual(expected)
      expect(sheet?.getColumn(finessColumnIndex(source) + 1).numFmt).toBe('@')
    },
  )

  it.each(SOURCES.map((s) => [s.code, s] as const))(
    'docs/sources/%s.md documents every column and the example rows',
    (code, source) => {
      const page = readFileSync(`${TEMPLATES}../${code}.md`, 'utf8')
      for (const [key, column] of Object.entries(source.columns)) {
        const row = page.split('\n').find((line) => line.startsWith(`| \`${key}\` | ${column.header} |`))
        expect(row, `${code}.md : colonne ${key}`).toBeDefined()
        for (const alias of column.aliases) expect(row, `${code}.md : ${key} ${alias}`).toContain(alias)
      }
      for (const cells of templateRows(source).slice(1))
        expect(page, `${code}.md : exemple`).toContain(`| ${cells.join(' | ')} |`)
    },
  )
})
