// A CSV file as one sheet of text rows: decoded by decode.ts (gzip, UTF-8 or Windows-1252, BOM), separator
// detected, then parsed by csv-parse as a stream fed in slices, so that only a slice's worth of records
// exists at a time.
import { Readable } from 'node:stream'
import { gunzipSync } from 'node:zlib'
import { CsvError, parse } from 'csv-parse'
import { contentHead, decodeTextFile } from '../decode'
import { SourceFileError } from '../source-error'
import { LineCounter } from './line-counter'
import { detectSeparator } from './separator'
import type { TableFile, TableRow } from './table'

const SLICE_CHARS = 65536

/** Slices of the text that never split a surrogate pair, which csv-parse would encode as two U+FFFD. */
function* slices(text: string): Generator<string> {
  let at = 0
  while (at < text.length) {
    let end = Math.min(at + SLICE_CHARS, text.length)
    const last = text.charCodeAt(end - 1)
    if (last >= 0xd800 && last <= 0xdbff && end < text.length) end++
    yield text.slice(at, end)
    at = end
  }
}

function syntaxError(fileName: string, error: CsvError, line: number): SourceFileError {
  const reason =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'guillemet (") ouvert et jamais refermé : le champ qui commence sur cette ligne irait jusqu’à la fin ' +
        'du fichier. Vérifiez les guillemets de cette ligne (un guillemet dans un texte entre guillemets se ' +
        'double : "").'
      : `syntaxe CSV invalide sur cette ligne (${error.code}).`
  const refusal = new SourceFileError(fileName, reason, line)
  refusal.cause = error
  return refusal
}

async function* readRows(fileName: string, text: string, separator: string): AsyncGenerator<TableRow> {
  const lines = new LineCounter(text)
  // Start lines of the records parsed but not read yet, in order. They are counted as each record is
  // parsed, before it is queued: the counter stays in step with the parser, so that on an error it points
  // at the record that failed even if earlier ones are still queued.
  const starts: number[] = []
  const parser = parse({
    delimiter: separator,
    // Every usual line end, even mixed in one file (a CRLF export with lines appended by a Unix script):
    // csv-parse would otherwise keep the first one it meets.
    record_delimiter: ['\r\n', '\n', '\r'],
    bom: true,
    relax_column_count: true,
    // A quote inside an unquoted field is text (`Centre "Les Tilleuls"`), as spreadsheets read it.
    relax_quotes: true,
    skip_empty_lines: true,
    on_record: (record, context) => {
      starts.push(lines.record(context.bytes))
      return record
    },
  })
  const source = Readable.from(slices(text), { objectMode: false })
  source.pipe(parser)
  try {
    for await (const record of parser) {
      const line = starts.shift()
      if (line === undefined) throw new Error('csv-parse gave a record without calling on_record')
      yield { line, cells: record as string[] }
    }
  } catch (error) {
    if (error instanceof CsvError) throw syntaxError(fileName, error, lines.nextRecordLine())
    throw error
  } finally {
    source.destroy()
    parser.destroy()
  }
}

function utf16Encoding(raw: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const head = contentHead(raw, 2)
  if (head?.[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head?.[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  return null
}

/**
 * decode.ts, plus UTF-16 with its BOM: Excel's "Texte Unicode" export, tab-separated, which decode.ts
 * takes for binary because of its NUL bytes.
 */
function decodeCsv(fileName: string, raw: Uint8Array): { text: string; encoding: string } {
  const utf16 = utf16Encoding(raw)
  if (utf16 === null) return decodeTextFile(fileName, raw)
  let bytes = raw
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      bytes = gunzipSync(raw)
    } catch {
      throw new SourceFileError(fileName, 'archive gzip illisible ou tronquée : le fichier est incomplet.')
    }
  }
  // The decoder drops the BOM.
  return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 }
}

export function openCsv(fileName: string, bytes: Uint8Array): TableFile {
  const { text, encoding } = decodeCsv(fileName, bytes)
  if (text.trim() === '') throw new SourceFileError(fileName, 'le fichier est vide.')
  const separator = detectSeparator(text)
  return {
    format: 'csv',
    encoding,
    separator,
    async *sheets() {
      yield { name: fileName, rows: { [Symbol.asyncIterator]: () => readRows(fileName, text, separator) } }
    },
  }
}
