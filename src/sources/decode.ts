// Turning the bytes of a source file into text: gzip, binary content, UTF-8 or Windows-1252, BOM.
import { constants as zlibConstants, gunzipSync } from 'node:zlib'
import iconv from 'iconv-lite'
import { SourceFileError } from './source-error'

export type TextEncoding = 'utf-8' | 'windows-1252'

export interface DecodedText {
  text: string
  encoding: TextEncoding
  gzipped: boolean
}

const GZIP_MAGIC = [0x1f, 0x8b]
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const UTF8_BOM = [0xef, 0xbb, 0xbf]

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b)
}

/**
 * A text file has no NUL byte and few control characters. Checking the first 64 KiB is enough to tell
 * an image, a PDF or a database dump from a CSV without reading the whole thing twice.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536)
  let control = 0
  for (const b of sample) {
    if (b === 0) return true
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++
  }
  return control > sample.length / 100
}

/**
 * The first `length` bytes of the content, gunzipped and after a BOM, to tell formats apart without decoding
 * the whole file; null when the gzip archive cannot be read.
 */
export function contentHead(raw: Uint8Array, length: number): Uint8Array | null {
  let bytes = raw
  if (startsWith(bytes, GZIP_MAGIC)) {
    try {
      // The start of the archive is enough: a sync flush returns what it holds without asking for the end.
      bytes = gunzipSync(raw.subarray(0, 65536), { finishFlush: zlibConstants.Z_SYNC_FLUSH })
    } catch {
      return null
    }
  }
  const start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0
  return bytes.subarray(start, start + length)
}

export function decodeTextFile(fileName: string, raw: Uint8Array): DecodedText {
  if (raw.length === 0) throw new SourceFileError(fileName, 'le fichier est vide.')
  let bytes = raw
  let gzipped = false
  if (startsWith(bytes, GZIP_MAGIC)) {
    try {
      bytes = gunzipSync(bytes)
    } catch {
      throw new SourceFileError(fileName, 'archive gzip illisible ou tronquée : le fichier est incomplet.')
    }
    gzipped = true
    if (bytes.length === 0) throw new SourceFileError(fileName, 'le fichier compressé est vide.')
  }
  if (startsWith(bytes, ZIP_MAGIC)) {
    throw new SourceFileError(
      fileName,
      "c'est une archive ZIP ou un classeur Excel (.xlsx), pas un fichier texte : enregistrez-le au format CSV.",
    )
  }
  if (looksBinary(bytes)) {
    throw new SourceFileError(fileName, "le fichier est binaire (ce n'est pas un fichier texte CSV).")
  }
  const withoutBom = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(withoutBom)
    return { text, encoding: 'utf-8', gzipped }
  } catch {
    // Not valid UTF-8: older FINESS extracts and most files saved by Excel on Windows are Windows-1252.
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252', gzipped }
  }
}

// UTF-8 text read as Windows-1252 shows as "Ã©" for "é", "â€™" for "’": the signature of a line in UTF-8 inside
// a file that is not (a copy assembled from two sources, a line pasted from a web page).
const MOJIBAKE =
  /Ã[\u00a0-\u00bf\u2030\u0160\u0152\u017d\u2018-\u201e\u2020-\u2022\u2026\u2039\u203a\u20ac\u2122]|â€/

/**
 * The line as it reads once its UTF-8 is decoded as such, or null when it shows no such damage or cannot be
 * read back unambiguously (its Windows-1252 bytes are not valid UTF-8).
 */
export function repairMojibake(line: string): string | null {
  if (!MOJIBAKE.test(line)) return null
  try {
    const repaired = new TextDecoder('utf-8', { fatal: true }).decode(iconv.encode(line, 'windows-1252'))
    return repaired === line ? null : repaired
  } catch {
    return null
  }
}
