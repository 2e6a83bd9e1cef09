// The blank file each source documents (docs/sources/templates/): one column per declared column, under
// its `header`, then the source's example rows. The CSV is what a spreadsheet in France opens directly:
// UTF-8 with a BOM, `;` between cells, CRLF line ends.
import type { SourceDefinition } from '../source-definition'

/** Header row then example rows, as text cells in column order. */
export function templateRows(source: SourceDefinition): string[][] {
  const keys = Object.keys(source.columns)
  return [
    keys.map((key) => source.columns[key]?.header ?? key),
    ...source.example.map((row) => keys.map((key) => row[key] ?? '')),
  ]
}

function csvCell(value: string): string {
  return /[;"\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

export function templateCsv(source: SourceDefinition): string {
  const lines = templateRows(source).map((cells) => cells.map(csvCell).join(';'))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** The column index of the FINESS number, to format it as text in a workbook (zeros kept). */
export function finessColumnIndex(source: SourceDefinition): number {
  return Object.keys(source.columns).indexOf('finess')
}
