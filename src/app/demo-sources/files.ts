// Writing the demo tables the way national files arrive: CSV separated by `;` with CRLF, in Windows-1252
// (old national exports) or UTF-8 with a byte order mark, and XLSX with FINESS numbers stored as text.
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'

export type CsvEncoding = 'windows-1252' | 'utf-8-bom'

export interface TableContent {
  /** Lines above the headers (a title, an extraction date), as national files often have. */
  preamble: readonly string[]
  headers: readonly string[]
  rows: readonly (readonly string[])[]
}

const quoted = (cell: string): string => (/[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)

export function csvText(content: TableContent): string {
  const lines = [
    ...content.preamble,
    content.headers.map(quoted).join(';'),
    ...content.rows.map((r) => r.map(quoted).join(';')),
  ]
  return `${lines.join('\r\n')}\r\n`
}

export function csvBytes(content: TableContent, encoding: CsvEncoding): Uint8Array {
  const text = csvText(content)
  if (encoding === 'utf-8-bom') return new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf8'))
  const bytes = iconv.encode(text, 'windows-1252')
  // A character Windows-1252 cannot hold would silently become "?": the demo must not plant that by mistake.
  if (iconv.decode(bytes, 'windows-1252') !== text) throw new Error('demo text not representable in cp1252')
  return new Uint8Array(bytes)
}

/**
 * An XLSX workbook of one sheet. `textColumns` are written as text cells with the "@" format, as a careful
 * exporter does for FINESS numbers (a number cell would lose a leading zero). The workbook's dates and the
 * zip entries' times are set to `date`, so that the same content gives the same bytes.
 */
export async function xlsxBytes(
  content: TableContent,
  options: { sheetName: string; textColumns: ReadonlySet<number>; date: Date },
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Jalon (démonstration)'
  workbook.lastModifiedBy = 'Jalon (démonstration)'
  workbook.created = options.date
  workbook.modified = options.date
  const sheet = workbook.addWorksheet(options.sheetName)
  for (const line of content.preamble) sheet.addRow([line])
  const header = sheet.addRow([...content.headers])
  header.font = { bold: true }
  for (const cells of content.rows) {
    const row = sheet.addRow(cells.map((cell, i) => (options.textColumns.has(i) ? cell : asNumber(cell))))
    for (const i of options.textColumns) row.getCell(i + 1).numFmt = '@'
  }
  content.headers.forEach((h, i) => {
    sheet.getColumn(i + 1).width = Math.min(Math.max(h.length + 2, 12), 40)
  })
  const buffer = await workbook.xlsx.writeBuffer()
  return setZipTimes(new Uint8Array(buffer), options.date)
}

/** Plain numbers become number cells, as in an exported sheet; anything else stays text. */
function asNumber(cell: string): string | number {
  return /^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(cell) ? Number(cell) : cell
}

/** Sets the MS-DOS time and date of every entry of a zip archive (central and local headers), in place. */
export function setZipTimes(zip: Uint8Array, date: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1)
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()
  let end = zip.length - 22
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--
  if (end < 0) throw new Error('not a zip archive')
  let at = view.getUint32(end + 16, true)
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('bad zip central directory')
    view.setUint16(at + 12, time, true)
    view.setUint16(at + 14, day, true)
    const local = view.getUint32(at + 42, true)
    view.setUint16(local + 10, time, true)
    view.setUint16(local + 12, day, true)
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return zip
}
