// CSV files people open in a spreadsheet (error reports, the audit journal): one writer, so that every
// download opens the same way in a French Excel and none of them lets a cell run as a formula.

export type CsvValue = string | number | null

/** A cell that a spreadsheet would run as a formula is prefixed with a quote (OWASP CSV injection). */
export function csvCell(value: CsvValue): string {
  if (value === null) return ''
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** UTF-8 with BOM, `;` and CRLF, so that Excel opens it in French as is. */
export function spreadsheetCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(';'))
  return `\ufeff${lines.join('\r\n')}\r\n`
}
