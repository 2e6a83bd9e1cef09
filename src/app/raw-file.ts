// Every received file is kept as received, gzip-compressed, with its sha256 (DESIGN: the raw file is kept).
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import type { RawFile } from '../store/finess-imports'

const gzipAsync = promisify(gzip)

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/**
 * The raw file as it is kept, compressed on the thread pool while this thread parses it (level 1: it is kept
 * for audit, not for size).
 */
export function keptCopy(fileName: string, sha256: string, bytes: Uint8Array): Promise<RawFile> {
  const kept = gzipAsync(bytes, { level: 1 }).then((gzipped) => ({
    fileName,
    sha256,
    sizeBytes: bytes.length,
    gzipped,
  }))
  // Awaited only once the file is read; a refused file leaves it unawaited, which must not be reported.
  kept.catch(() => undefined)
  return kept
}
