// The parts of an XLSX workbook (relationships, sheet list, styles, shared strings, worksheets), each
// unzipped by zip-directory.ts and parsed by ExcelJS's streaming reader.
//
// ExcelJS 4.4's public streaming API (`for await (const sheet of new WorkbookReader(stream))`) was not
// usable as is:
// - it unzips in archive order and decodes every 16 KiB chunk on its own, so an accented character cut by
//   a chunk boundary comes out as two U+FFFD (exceljs issues #2084, #2316; about one cell in 2 000 in a
//   French workbook);
// - it gives the worksheets in archive order, not workbook order, and names a sheet only when its
//   relationship target is spelled `worksheets/sheetN.xml`;
// - when the shared strings come after the worksheets (Excel's own order) it spools every sheet to a
//   temporary file, and reading a sheet once the next one has been asked for is impossible.
// So the parts are taken here from the central directory, in the order they are needed, decoded as a
// whole text stream, and handed to the same parsing methods the reader uses internally. Those methods are
// private: `internals()` checks that they are still there, and the tests exercise every one of them.
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Row } from 'exceljs'
import { entryText, ZipDataError, type ZipEntry } from './zip-directory'

interface Relationship {
  Id: string
  Type: string
  Target: string
  TargetMode?: string
}

interface SheetModel {
  name: string
  rId: string
  state?: string
}

interface ReaderInternals {
  workbookRels?: Relationship[]
  model?: { sheets?: SheetModel[] }
  properties?: { model?: { date1904?: boolean } }
  _parseRels(entry: Readable): Promise<void>
  _parseWorkbook(entry: Readable): Promise<void>
  _parseStyles(entry: Readable): Promise<void>
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Iterator<{ value: AsyncIterable<Row> }>
}

const PRIVATE_METHODS = [
  '_parseRels',
  '_parseWorkbook',
  '_parseStyles',
  '_parseSharedStrings',
  '_parseWorksheet',
] as const

/** Our bug, not the file's: ExcelJS was upgraded and its internals moved. Never reported as a bad file. */
export class ExcelJsInternalsError extends Error {
  override readonly name = 'ExcelJsInternalsError'
}

function internals(): ReaderInternals {
  const reader: unknown = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  })
  const methods = reader as Record<string, unknown>
  const missing = PRIVATE_METHODS.filter((name) => typeof methods[name] !== 'function')
  if (missing.length > 0)
    throw new ExcelJsInternalsError(
      `ExcelJS no longer has ${missing.join(', ')}: see src/sources/tabular/workbook-parts.ts`,
    )
  return reader as ReaderInternals
}

export const WORKBOOK_PART = 'xl/workbook.xml'
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels'

export interface WorkbookSheet {
  name: string
  entry: ZipEntry
}

export interface WorkbookParts {
  /** Worksheets in workbook order (chart sheets and macro sheets, which hold no rows, are left out). */
  sheets: WorkbookSheet[]
  /** Dates count from 1904 (old Mac workbooks) instead of 1900. */
  date1904: boolean
  /** The rows of a worksheet as ExcelJS reads them, lazily. */
  worksheetRows(sheet: WorkbookSheet): AsyncIterable<Row>
}

/** A relationship target resolved from the workbook's folder, or from the archive root when absolute. */
function partPath(target: string): string {
  const segments = target.startsWith('/') ? [] : ['xl']
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop()
    else if (segment !== '' && segment !== '.') segments.push(segment)
  }
  return segments.join('/')
}

/** Runs an ExcelJS part parser on the entry's text, closing the inflater even when the parser throws. */
async function parsePart(bytes: Uint8Array, entry: ZipEntry, parse: (stream: Readable) => Promise<void>) {
  const stream = Readable.from(entryText(bytes, entry))
  try {
    await parse(stream)
  } finally {
    stream.destroy()
  }
}

/** Reads everything a worksheet needs before its first row: sheet list, styles (for dates), shared strings. */
export async function readWorkbookParts(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
): Promise<WorkbookParts> {
  const byName = new Map(entries.map((entry) => [entry.name, entry]))
  const required = (path: string): ZipEntry => {
    const entry = byName.get(path)
    if (!entry) throw new ZipDataError(`${path} missing`)
    return entry
  }
  const reader = internals()
  await parsePart(bytes, required(WORKBOOK_RELS), (s) => reader._parseRels(s))
  await parsePart(bytes, required(WORKBOOK_PART), (s) => reader._parseWorkbook(s))
  const rels = reader.workbookRels ?? []
  const relOfType = (type: string) => rels.find((rel) => rel.Type.endsWith(`/${type}`))
  const styles = relOfType('styles')
  const styleEntry = styles && byName.get(partPath(styles.Target))
  if (styleEntry) await parsePart(bytes, styleEntry, (s) => reader._parseStyles(s))
  const strings = relOfType('sharedStrings')
  const stringEntry = strings && byName.get(partPath(strings.Target))
  if (stringEntry)
    await parsePart(bytes, stringEntry, async (s) => {
      // With `sharedStrings: 'cache'` the generator yields nothing and fills `reader.sharedStrings`.
      for await (const _ of reader._parseSharedStrings(s));
    })

  const sheets: WorkbookSheet[] = []
  for (const sheet of reader.model?.sheets ?? []) {
    const rel = rels.find((r) => r.Id === sheet.rId)
    if (!rel?.Type.endsWith('/worksheet')) continue
    sheets.push({ name: sheet.name, entry: required(partPath(rel.Target)) })
  }
  return {
    sheets,
    date1904: reader.properties?.model?.date1904 === true,
    worksheetRows(sheet) {
      const position = String(sheets.indexOf(sheet) + 1)
      const parsing = reader._parseWorksheet(entryText(bytes, sheet.entry), position).next()
      if (parsing.done) throw new ExcelJsInternalsError('ExcelJS gave no worksheet reader')
      return parsing.value.value
    },
  }
}
