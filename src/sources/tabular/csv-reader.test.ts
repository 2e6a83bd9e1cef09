import { gzipSync } from 'node:zlib'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { SourceFileError } from '../source-error'
import { openTable } from './open-table'
import type { TableRow } from './table'

async function readCsv(text: string | Uint8Array, fileName = 'suivi.csv') {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
  const table = await openTable(fileName, bytes)
  const rows: TableRow[] = []
  const names: string[] = []
  for await (const sheet of table.sheets()) {
    names.push(sheet.name)
    for await (const row of sheet.rows) rows.push(row)
  }
  return { table, names, rows }
}

async function refusal(text: string | Uint8Array, fileName = 'suivi.csv'): Promise<SourceFileError> {
  try {
    await readCsv(text, fileName)
  } catch (error) {
    if (error instanceof SourceFileError) return error
    throw error
  }
  throw new Error('the file was read')
}

describe('reading a CSV file', () => {
  it.each([
    [';', 'finess;nom;montant\n010000024;CH de Bourg;1 830,5\n'],
    [',', 'finess,nom,montant\n010000024,CH de Bourg,"1 830,5"\n'],
    ['\t', 'finess\tnom\tmontant\n010000024\tCH de Bourg\t1 830,5\n'],
    ['|', 'finess|nom|montant\n010000024|CH de Bourg|1 830,5\n'],
  ])('reads a file separated by "%s" as one sheet named after the file', async (separator, text) => {
    const { table, names, rows } = await readCsv(text)
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', separator })
    expect(names).toEqual(['suivi.csv'])
    expect(rows).toEqual([
      { line: 1, cells: ['finess', 'nom', 'montant'] },
      { line: 2, cells: ['010000024', 'CH de Bourg', '1 830,5'] },
    ])
  })

  it('reads UTF-8 with a BOM, without the BOM in the first cell', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('libellé;n\nÉté;1\n')])
    const { table, rows } = await readCsv(bytes)
    expect(table.encoding).toBe('utf-8')
    expect(rows.map((r) => r.cells)).toEqual([
      ['libellé', 'n'],
      ['Été', '1'],
    ])
  })

  it('reads Windows-1252 accents and typographic apostrophes', async () => {
    const bytes = iconv.encode(
      'libellé;remarque\nCentre hospitalier d’Arès;déjà signé, à relancer\n',
      'windows-1252',
    )
    expect(bytes.includes(0x92)).toBe(true)
    const { table, rows } = await readCsv(bytes)
    expect(table.encoding).toBe('windows-1252')
    expect(rows[1]?.cells).toEqual(['Centre hospitalier d’Arès', 'déjà signé, à relancer'])
  })

  it('reads CRLF line ends, and counts blank lines without giving them as rows', async () => {
    const { rows } = await readCsv('a;b\r\n1;2\r\n\r\n\r\n3;4\r\n')
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 5, cells: ['3', '4'] },
    ])
  })

  it('reads old Mac line ends, and a CRLF cut by the slices fed to the parser', async () => {
    expect((await readCsv('a;b\r1;2\r3;4')).rows.map((r) => r.line)).toEqual([1, 2, 3])
    // The first slice is 65 536 characters: it ends with the CR, the next one starts with the LF.
    const long = `a;${'x'.repeat(65_536 - 3)}`
    const { rows } = await readCsv(`${long}\r\n1;2\r\n`)
    expect(rows.map((r) => r.line)).toEqual([1, 2])
    expect(rows[1]?.cells).toEqual(['1', '2'])
  })

  it('keeps cells as written: spaces, empty cells, uneven column counts', async () => {
    const { rows } = await readCsv('a;b;c\n  x ;;\ny\n1;2;3;4\n;;\n')
    expect(rows.map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['  x ', '', ''],
      ['y'],
      ['1', '2', '3', '4'],
      ['', '', ''],
    ])
  })

  it('reads quoted fields with separators, doubled quotes and line breaks, numbering lines where records start', async () => {
    const text =
      'nom;commentaire\r\n' +
      '"CH ""Les Tilleuls"", site; nord";"première ligne\r\ndeuxième ligne\r\ntroisième"\r\n' +
      'après;le saut\r\n' +
      '"x";"a\n\nb"\n' +
      'fin;ok'
    const { rows } = await readCsv(text)
    expect(rows).toEqual([
      { line: 1, cells: ['nom', 'commentaire'] },
      { line: 2, cells: ['CH "Les Tilleuls", site; nord', 'première ligne\r\ndeuxième ligne\r\ntroisième'] },
      { line: 5, cells: ['après', 'le saut'] },
      { line: 6, cells: ['x', 'a\n\nb'] },
      { line: 9, cells: ['fin', 'ok'] },
    ])
  })

  it('reads a quote inside an unquoted field as text', async () => {
    const { rows } = await readCsv('nom;n\nCentre "Les Tilleuls";1\n')
    expect(rows[1]?.cells).toEqual(['Centre "Les Tilleuls"', '1'])
  })

  it('numbers lines right across many slices of a large file', async () => {
    // Multi-line records, accents (two UTF-8 bytes) and characters outside the BMP (a surrogate pair) on
    // every line, so that slice boundaries fall inside them.
    const lines = ['id;texte']
    for (let i = 1; i <= 20_000; i++) lines.push(i % 7 === 0 ? `${i};"été\n🏥 ${i}"` : `${i};été 🏥 ${i}`)
    const { rows } = await readCsv(lines.join('\r\n'))
    expect(rows).toHaveLength(20_001)
    let line = 1
    for (const row of rows) {
      expect(row.line).toBe(line)
      line += row.cells[1]?.includes('\n') ? 2 : 1
    }
    const last = rows.at(-1)
    expect(last?.cells).toEqual(['20000', 'été 🏥 20000'])
    expect(rows.some((r) => r.cells.join('').includes('\uFFFD'))).toBe(false)
  })

  it('reads the UTF-16 text that Excel saves as "Texte Unicode", gzipped or not', async () => {
    const text = 'finess\tlibellé\r\n010000024\tCentre d’Arès 🏥\r\n'
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const be = Buffer.from(le).swap16()
    for (const bytes of [le, be, gzipSync(le)]) {
      const { table, rows } = await readCsv(bytes, 'export.txt')
      expect(table.separator).toBe('\t')
      expect(rows).toEqual([
        { line: 1, cells: ['finess', 'libellé'] },
        { line: 2, cells: ['010000024', 'Centre d’Arès 🏥'] },
      ])
    }
    expect((await readCsv(le, 'export.txt')).table.encoding).toBe('utf-16le')
    expect((await readCsv(be, 'export.txt')).table.encoding).toBe('utf-16be')
  })

  it('reads a gzipped CSV', async () => {
    const { table, rows } = await readCsv(
      gzipSync(iconv.encode('a;b\nélan;1\n', 'windows-1252')),
      'suivi.csv.gz',
    )
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1252', separator: ';' })
    expect(rows[1]?.cells).toEqual(['élan', '1'])
  })

  it('can stop reading early and read the rows again', async () => {
    const table = await openTable('suivi.csv', Buffer.from('a;b\n1;2\n3;4\n'))
    for await (const sheet of table.sheets()) {
      for await (const row of sheet.rows) {
        expect(row.line).toBe(1)
        break
      }
      const again: number[] = []
      for await (const row of sheet.rows) again.push(row.line)
      expect(again).toEqual([1, 2, 3])
    }
  })
})

describe('refusing a CSV file', () => {
  it('names the line where an unclosed quote opens', async () => {
    const error = await refusal('a;b\r\n1;2\r\n\r\n3;"sans fin\r\n4;5\r\n6;7\r\n')
    expect(error.line).toBe(4)
    expect(error.message).toMatch(/^suivi\.csv, ligne 4 : guillemet \("\) ouvert et jamais refermé/)
  })

  it('names the right line even when the error comes after many records', async () => {
    const lines = ['a;b']
    for (let i = 1; i <= 5000; i++) lines.push(`${i};"x\ny"`)
    lines.push('fin;"ouvert')
    const error = await refusal(lines.join('\n'))
    expect(error.line).toBe(1 + 5000 * 2 + 1)
  })

  it('refuses an empty file, or one of blank lines', async () => {
    expect((await refusal(new Uint8Array(0))).message).toBe('suivi.csv : le fichier est vide.')
    expect((await refusal('\r\n\r\n  \n')).message).toBe('suivi.csv : le fichier est vide.')
    expect((await refusal(new Uint8Array([0xef, 0xbb, 0xbf]))).message).toBe(
      'suivi.csv : le fichier est vide.',
    )
  })

  it('refuses a truncated gzip', async () => {
    const zipped = gzipSync(Buffer.from('a;b\n'.repeat(10_000)))
    const error = await refusal(zipped.subarray(0, zipped.length / 2), 'suivi.csv.gz')
    expect(error.message).toMatch(/archive gzip illisible ou tronquée/)
  })
})
