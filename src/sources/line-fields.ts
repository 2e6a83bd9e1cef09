// Splitting one line of a `;`-separated file into fields, RFC 4180 quotes included.
// Line-oriented formats such as the FINESS extract put one record per line, so a bad quote spoils one line,
// not the rest of the file. csv-parse was tried first: with records of two widths in one file (structureet
// and geolocalisation) it builds an error object per record and the national extract took 13 s to split
// (docs/decisions/0003-line-splitter.md); this takes well under a second.

export type SplitLine = { ok: true; fields: string[] } | { ok: false; reason: string }

export function splitLine(line: string, separator = ';'): SplitLine {
  if (!line.includes('"')) return { ok: true, fields: line.split(separator) }
  const fields: string[] = []
  let i = 0
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = ''
      let j = i + 1
      for (;;) {
        const quote = line.indexOf('"', j)
        if (quote === -1) return { ok: false, reason: 'guillemet ouvert jamais refermé sur la ligne' }
        value += line.slice(j, quote)
        if (line[quote + 1] === '"') {
          value += '"'
          j = quote + 2
        } else {
          j = quote + 1
          break
        }
      }
      if (j < line.length && line[j] !== separator) {
        return {
          ok: false,
          reason: `caractère inattendu après un champ entre guillemets (position ${j + 1})`,
        }
      }
      fields.push(value)
      i = j + 1
    } else {
      const end = line.indexOf(separator, i)
      // A quote inside an unquoted field is kept as it is, as spreadsheets write it.
      fields.push(end === -1 ? line.slice(i) : line.slice(i, end))
      if (end === -1) break
      i = end + 1
    }
  }
  return { ok: true, fields }
}

/** Lines of a text with their 1-based numbers, LF or CRLF; a last empty line (final newline) is dropped. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1)
  }
  return lines
}
