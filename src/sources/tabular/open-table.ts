// The entry point for reading a tabular source file (CSV or XLSX) into sheets of text rows.
import { openCsv } from './csv-reader'
import { detectFormat } from './detect-format'
import type { TableFile } from './table'
import { openXlsx } from './xlsx-reader'

/**
 * Opens a CSV (any usual separator, UTF-8 or Windows-1252, gzipped or not) or an XLSX workbook, told from
 * its bytes. Whole-file problems (empty, truncated, binary, .xls, .ods, unreadable workbook) throw a
 * SourceFileError now; a CSV syntax error throws one, with its line, while the rows are read.
 */
export async function openTable(fileName: string, bytes: Uint8Array): Promise<TableFile> {
  const detected = detectFormat(fileName, bytes)
  if (detected.format === 'xlsx') return openXlsx(fileName, detected.bytes, detected.entries)
  return openCsv(fileName, bytes)
}
