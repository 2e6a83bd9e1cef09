// What a file is, told from its bytes rather than its name (a CSV saved as .xls, a workbook renamed .csv
// and a gzipped export all happen), and a refusal that says what to do for the formats we do not read.
import { gunzipSync } from 'node:zlib'
import { contentHead } from '../decode'
import { SourceFileError } from '../source-error'
import { WORKBOOK_PART } from './workbook-parts'
import { readZipDirectory, type ZipEntry } from './zip-directory'

export type DetectedFormat =
  | { format: 'csv' }
  /** `bytes` is the archive itself, gunzipped when the workbook came gzipped. */
  | { format: 'xlsx'; bytes: Uint8Array; entries: ZipEntry[] }

const GZIP = [0x1f, 0x8b]
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06]
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet'
const OPENDOCUMENT_MIMETYPE = 'application/vnd.oasis.opendocument.'

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b)
}

const ascii = (bytes: Uint8Array, length: number): string =>
  Buffer.from(bytes.subarray(0, length)).toString('latin1')

const SAVE_AS = 'ouvrez-le dans votre tableur et enregistrez-le au format Excel (.xlsx) ou CSV.'

/** Why an archive is not a workbook we read; null when it is one (or when its directory is unreadable). */
function zipRefusal(head: string, entries: ZipEntry[] | null): string | null {
  // An OpenDocument file starts with its uncompressed `mimetype` entry: readable even when truncated.
  const mimetype = head.slice(30, 38) === 'mimetype' ? head.slice(38, 200) : ''
  if (mimetype.includes(ODS_MIMETYPE)) return `c'est un classeur OpenDocument (.ods) : ${SAVE_AS}`
  if (mimetype.includes(OPENDOCUMENT_MIMETYPE))
    return "c'est un document OpenDocument (texte ou présentation), pas un tableau : déposez le fichier CSV ou .xlsx."
  if (entries === null) return null
  const names = new Set(entries.map((entry) => entry.name))
  if (names.has(WORKBOOK_PART)) return null
  if (names.has('xl/workbook.bin')) return `c'est un classeur Excel binaire (.xlsb) : ${SAVE_AS}`
  return "c'est une archive ZIP qui ne contient pas de classeur Excel (.xlsx) : déposez le fichier .xlsx ou CSV lui-même."
}

function detectArchive(fileName: string, bytes: Uint8Array): DetectedFormat {
  const entries = readZipDirectory(bytes)
  const head = ascii(bytes, 4096)
  const refusal = zipRefusal(head, entries)
  if (refusal) throw new SourceFileError(fileName, refusal)
  if (entries === null) {
    // The directory comes last in an archive: it is what a cut download loses first.
    const workbookLike = head.includes('[Content_Types].xml') || head.includes('xl/')
    throw new SourceFileError(
      fileName,
      workbookLike
        ? 'classeur XLSX illisible ou tronqué : le fichier est incomplet ou endommagé. Déposez-le de nouveau, ' +
            'ou ouvrez-le dans Excel et enregistrez-le une nouvelle fois.'
        : 'archive ZIP illisible ou tronquée : le fichier est incomplet ou endommagé.',
    )
  }
  return { format: 'xlsx', bytes, entries }
}

/** Refusals for binary formats; null when the content may be text (decode.ts then has the last word). */
function detectBinary(fileName: string, bytes: Uint8Array): DetectedFormat | null {
  if (startsWith(bytes, ZIP)) return detectArchive(fileName, bytes)
  if (startsWith(bytes, EMPTY_ZIP)) throw new SourceFileError(fileName, "c'est une archive ZIP vide.")
  if (startsWith(bytes, OLE))
    throw new SourceFileError(
      fileName,
      "c'est un classeur Excel à l'ancien format (.xls) ou protégé par un mot de passe : ouvrez-le dans Excel " +
        'et enregistrez-le au format .xlsx (sans mot de passe) ou CSV.',
    )
  // A small PDF can be plain text enough to pass for a CSV: told by its signature.
  if (startsWith(bytes, PDF))
    throw new SourceFileError(
      fileName,
      "c'est un document PDF, pas un tableau : déposez le fichier CSV ou .xlsx d'origine.",
    )
  return null
}

export function detectFormat(fileName: string, raw: Uint8Array): DetectedFormat {
  if (raw.length === 0) throw new SourceFileError(fileName, 'le fichier est vide.')
  if (!startsWith(raw, GZIP)) return detectBinary(fileName, raw) ?? { format: 'csv' }
  const head = contentHead(raw, 8)
  // A gzipped text (or an unreadable archive) goes to decode.ts, which gunzips and says what is wrong.
  if (head === null || !(startsWith(head, ZIP) || startsWith(head, OLE) || startsWith(head, PDF)))
    return { format: 'csv' }
  let inner: Uint8Array
  try {
    inner = gunzipSync(raw)
  } catch {
    throw new SourceFileError(fileName, 'archive gzip illisible ou tronquée : le fichier est incomplet.')
  }
  return detectBinary(fileName, inner) ?? { format: 'csv' }
}
