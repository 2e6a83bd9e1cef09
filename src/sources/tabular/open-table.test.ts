// Telling formats apart from the bytes, and the refusals that say what to do.
import { gzipSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { SourceFileError } from '../source-error'
import { openTable } from './open-table'
import { buildZip } from './zip-fixtures'

async function refusal(bytes: Uint8Array, fileName = 'suivi.xlsx'): Promise<string> {
  try {
    await openTable(fileName, bytes)
  } catch (error) {
    if (error instanceof SourceFileError) return error.message
    throw error
  }
  throw new Error('the file was opened')
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
])
const OLE = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])

function odf(mimetype: string): Uint8Array {
  return buildZip([
    { name: 'mimetype', data: mimetype, stored: true },
    { name: 'content.xml', data: '<office:document-content/>' },
  ])
}

describe('telling formats apart', () => {
  it('opens a workbook whatever its name, and a CSV whatever its name', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Feuil1').addRow(['a'])
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer())
    expect((await openTable('export.csv', xlsx)).format).toBe('xlsx')
    expect((await openTable('export.xls', Buffer.from('a;b\n1;2\n'))).format).toBe('csv')
  })

  it.each([
    ['an empty file', new Uint8Array(0), 'suivi.xlsx : le fichier est vide.'],
    [
      'a PDF',
      PDF,
      "suivi.xlsx : c'est un document PDF, pas un tableau : déposez le fichier CSV ou .xlsx d'origine.",
    ],
    ['a PNG image', PNG, "suivi.xlsx : le fichier est binaire (ce n'est pas un fichier texte CSV)."],
    [
      'an old .xls workbook',
      OLE,
      "suivi.xlsx : c'est un classeur Excel à l'ancien format (.xls) ou protégé par un mot de passe : ouvrez-le " +
        'dans Excel et enregistrez-le au format .xlsx (sans mot de passe) ou CSV.',
    ],
    [
      'an OpenDocument spreadsheet',
      odf('application/vnd.oasis.opendocument.spreadsheet'),
      "suivi.xlsx : c'est un classeur OpenDocument (.ods) : ouvrez-le dans votre tableur et enregistrez-le au " +
        'format Excel (.xlsx) ou CSV.',
    ],
    [
      'an OpenDocument text',
      odf('application/vnd.oasis.opendocument.text'),
      "suivi.xlsx : c'est un document OpenDocument (texte ou présentation), pas un tableau : déposez le fichier " +
        'CSV ou .xlsx.',
    ],
    [
      'a binary workbook',
      buildZip([{ name: 'xl/workbook.bin', data: 'x' }]),
      "suivi.xlsx : c'est un classeur Excel binaire (.xlsb) : ouvrez-le dans votre tableur et enregistrez-le au " +
        'format Excel (.xlsx) ou CSV.',
    ],
    [
      'another archive',
      buildZip([{ name: 'word/document.xml', data: '<w:document/>' }]),
      "suivi.xlsx : c'est une archive ZIP qui ne contient pas de classeur Excel (.xlsx) : déposez le fichier " +
        '.xlsx ou CSV lui-même.',
    ],
    ['an empty archive', buildZip([]), "suivi.xlsx : c'est une archive ZIP vide."],
  ])('refuses %s', async (_label, bytes, message) => {
    expect(await refusal(bytes)).toBe(message)
  })

  it('refuses a truncated archive, as a workbook when it looks like one', async () => {
    const archive = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>'.repeat(500) },
    ])
    expect(await refusal(archive.subarray(0, archive.length - 30))).toMatch(
      /^suivi\.xlsx : classeur XLSX illisible ou tronqué : le fichier est incomplet ou endommagé/,
    )
    const other = buildZip([{ name: 'photo.jpg', data: 'x'.repeat(500) }])
    expect(await refusal(other.subarray(0, other.length - 30))).toBe(
      'suivi.xlsx : archive ZIP illisible ou tronquée : le fichier est incomplet ou endommagé.',
    )
  })

  it('looks inside a gzip: a gzipped .xls or PDF is refused as such', async () => {
    expect(await refusal(gzipSync(OLE))).toMatch(/ancien format \(\.xls\)/)
    expect(await refusal(gzipSync(PDF))).toMatch(/document PDF/)
  })

  it('refuses a truncated gzip, whatever it holds', async () => {
    const archive = gzipSync(buildZip([{ name: 'xl/workbook.xml', data: 'x'.repeat(100_000) }]))
    expect(await refusal(archive.subarray(0, archive.length - 100))).toBe(
      'suivi.xlsx : archive gzip illisible ou tronquée : le fichier est incomplet.',
    )
    expect(await refusal(Buffer.from([0x1f, 0x8b, 0x08]))).toBe(
      'suivi.xlsx : archive gzip illisible ou tronquée : le fichier est incomplet.',
    )
  })
})
