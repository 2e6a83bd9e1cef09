// The layout every sheet of the monthly report's workbook shares: the report's title and the région on row
// 1, the point, the source and the date of generation on row 2, the first table's title on row 3 and its
// header on row 4, frozen with the rows above it. Numbers stay numbers; their formats are Excel's, which a
// French Excel shows with a decimal comma and spaces between thousands. Text from the database (names) is written as text cells, which a
// spreadsheet never runs as formulas (ExcelJS writes a formula only when given one as `{ formula }`).
import type ExcelJS from 'exceljs'
import type { MonthlyReport } from '../domain/contract/monthly-report'
import { frenchDate, frenchMonth } from '../domain/report/french-format'

export const COUNT_FORMAT = '#,##0'
/** A share 0–100 as the API gives it: `12.34` reads "12,34 %". */
export const SHARE_FORMAT = '0.00" %"'
export const POINTS_FORMAT = '+0.00" pt";-0.00" pt";0'
export const EUROS_FORMAT = '#,##0.00" €"'
export const TEXT_FORMAT = '@'

/** The row of each sheet's first table header (frozen with the rows above). */
export const HEADER_ROW = 4

export type Cell = string | number | null

export interface SheetColumn {
  header: string
  /** Widths are the sheet's: those of its first table (unless the sheet gives its own). */
  width?: number
  /** Excel number format of the column's cells. */
  format?: string
}

export function reportSource(report: MonthlyReport): string {
  return (
    `Point de suivi : ${frenchMonth(report.period)} — Source : Jalon, ` +
    `généré le ${frenchDate(report.generatedOn)}`
  )
}

const BOLD_FILL = {
  type: 'pattern' as const,
  pattern: 'solid' as const,
  fgColor: { argb: 'FFE3E3FD' },
}

export class ReportSheet {
  readonly sheet: ExcelJS.Worksheet
  private columns: readonly SheetColumn[] = []

  constructor(
    workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    name: string,
    report: MonthlyReport,
    columns: readonly SheetColumn[],
    options: {
      /** Row 3: what the first table is, on sheets with several. */
      caption?: string
      /** The sheet's column widths, where later tables need wider ones than the first table's. */
      widths?: readonly number[]
    } = {},
  ) {
    this.sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] })
    this.sheet.columns = (options.widths ?? columns.map((c) => c.width)).map((width) => ({ width }))
    const title = this.sheet.addRow([`Rapport mensuel — ${name} — ${report.region.name}`])
    title.font = { bold: true, size: 14 }
    title.commit()
    this.sheet.addRow([reportSource(report)]).commit()
    const third = this.sheet.addRow(options.caption === undefined ? [] : [options.caption])
    third.font = { bold: true, size: 12 }
    third.commit()
    this.header(columns)
  }

  /** A table's header; later rows follow its columns' formats. */
  header(columns: readonly SheetColumn[]): void {
    this.columns = columns
    const row = this.sheet.addRow(columns.map((c) => c.header))
    row.eachCell((cell) => {
      cell.font = { bold: true }
      cell.fill = BOLD_FILL
      cell.alignment = { wrapText: true, vertical: 'middle' }
      cell.border = { bottom: { style: 'thin' } }
    })
    row.commit()
  }

  /** A table's title after a blank row (sheets with several tables). */
  title(text: string): void {
    this.sheet.addRow([]).commit()
    const row = this.sheet.addRow([text])
    row.font = { bold: true, size: 12 }
    row.commit()
  }

  row(cells: readonly Cell[], bold = false): void {
    const row = this.sheet.addRow([...cells])
    cells.forEach((_, i) => {
      const format = this.columns[i]?.format
      if (format) row.getCell(i + 1).numFmt = format
    })
    if (bold) row.font = { bold: true }
    row.commit()
  }

  note(text: string): void {
    const row = this.sheet.addRow([text])
    row.font = { italic: true }
    row.commit()
  }

  commit(): void {
    this.sheet.commit()
  }
}

/** Exact decimal text as a number cell (counts and euros, well within a double's exact integers). */
export const numberCell = (value: string | null): number | null => (value === null ? null : Number(value))
