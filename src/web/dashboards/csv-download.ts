// The CSV of a dashboard table, written in the browser from the figures shown: UTF-8 with BOM, `;`, CRLF and
// French decimals, so that a French Excel opens it as is; a text cell that a spreadsheet would run as a
// formula is prefixed with a quote (as the server's exports do).

export type CsvCell = string | number | null

function cell(value: CsvCell): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value).replace('.', ',')
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function frenchCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(cell).join(';'))
  return `\ufeff${lines.join('\r\n')}\r\n`
}

/** A file name without accents or spaces: "tableau-de-bord-2024-03-appels-insi.csv". */
export function csvFileName(...parts: string[]): string {
  const slug = parts
    .join('-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${slug}.csv`
}

export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // The browser has taken the file; the address can go once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
