// An XLSX workbook as sheets of text rows. Each worksheet is unzipped and parsed only while its rows are
// read, and independently of the others: a consumer may stop in the middle of a sheet, go on to the next
// one, or come back to an earlier one.
//
// Merged cells: only the top-left (master) cell holds the value; the others read as ''. That is what the
// file stores, and a consumer that needs the value across a merged header must carry it over itself.
import type { Row } from 'exceljs'
import { SourceFileError } from '../source-error'
import { cellText } from './cell-text'
import type { TableFile, TableRow, TableSheet } from './table'
import {
  ExcelJsInternalsError,
  readWorkbookParts,
  type WorkbookParts,
  type WorkbookSheet,
} from './workbook-parts'
import type { ZipEntry } from './zip-directory'

const UNREADABLE =
  'classeur XLSX illisible ou tronqué : le fichier est incomplet ou endommagé. Ouvrez-le dans Excel et ' +
  'enregistrez-le de nouveau, ou enregistrez-le au format CSV.'

/**
 * A failure while reading the workbook's content is the file's fault (ExcelJS fails on malformed XML with
 * plain TypeErrors too), said in French; only a change in ExcelJS itself is reported as ours.
 */
function unreadable(fileName: string, sheet: string | null, error: unknown): Error {
  if (error instanceof SourceFileError || error instanceof ExcelJsInternalsError) return error
  const reason = sheet === null ? UNREADABLE : `feuille « ${sheet} » : ${UNREADABLE}`
  const refusal = new SourceFileError(fileName, reason)
  refusal.cause = error
  return refusal
}

/** Cells from column A; the columns a sparse row skips read as ''. Empty trailing cells are not written. */
function rowCells(row: Row, date1904: boolean): string[] {
  const cells: string[] = []
  row.eachCell((cell, column) => {
    while (cells.length < column - 1) cells.push('')
    cells[column - 1] = cellText(cell.value, { numFmt: cell.numFmt, date1904 })
  })
  return cells
}

async function* readRows(
  fileName: string,
  parts: WorkbookParts,
  sheet: WorkbookSheet,
): AsyncGenerator<TableRow> {
  const rows = parts.worksheetRows(sheet)[Symbol.asyncIterator]()
  try {
    for (;;) {
      let next: IteratorResult<Row>
      try {
        next = await rows.next()
      } catch (error) {
        throw unreadable(fileName, sheet.name, error)
      }
      if (next.done) return
      const row = next.value
      // A row element without a value (only formatting) is an empty line, as csv-parse skips them.
      if (!row.hasValues) continue
      yield { line: row.number, cells: rowCells(row, parts.date1904) }
    }
  } finally {
    // A consumer that stops early: the worksheet's inflater is closed now rather than left to the GC.
    await rows.return?.()
  }
}

function sheetOf(fileName: string, parts: WorkbookParts, sheet: WorkbookSheet): TableSheet {
  return { name: sheet.name, rows: { [Symbol.asyncIterator]: () => readRows(fileName, parts, sheet) } }
}

/**
 * Opens a workbook whose archive directory has been read: the sheet list, styles and shared strings are
 * read now, so that a damaged workbook is refused before any row is used.
 */
export async function openXlsx(
  fileName: string,
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
): Promise<TableFile> {
  let parts: WorkbookParts
  try {
    parts = await readWorkbookParts(bytes, entries)
  } catch (error) {
    throw unreadable(fileName, null, error)
  }
  if (parts.sheets.length === 0)
    throw new SourceFileError(fileName, 'le classeur ne contient aucune feuille de calcul.')
  return {
    format: 'xlsx',
    encoding: null,
    separator: null,
    async *sheets() {
      for (const sheet of parts.sheets) yield sheetOf(fileName, parts, sheet)
    },
  }
}
