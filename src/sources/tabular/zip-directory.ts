// The entries of a ZIP archive held in memory, read from its central directory, and the streaming
// decompression of one entry. An XLSX is read this way rather than through ExcelJS's own unzipping, which
// takes the entries in archive order and cuts UTF-8 characters at its chunk boundaries (see xlsx-reader.ts).
import { Readable } from 'node:stream'
import { createInflateRaw, crc32 } from 'node:zlib'

export interface ZipEntry {
  name: string
  method: number
  flags: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

/** The archive cannot be read: truncated, corrupt, encrypted or using an unknown compression. */
export class ZipDataError extends Error {
  override readonly name = 'ZipDataError'
}

const EOCD_SIGNATURE = 0x06054b50
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50
const ZIP64_EOCD_SIGNATURE = 0x06064b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50
const ZIP64_EXTRA_ID = 0x0001
const MAX_COMMENT = 0xffff
const STORED = 0
const DEFLATED = 8
const INPUT_SLICE = 65536

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** Offset of the end-of-central-directory record, searched backwards past a possible archive comment. */
function findEndRecord(data: DataView): number | null {
  const last = data.byteLength - 22
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (
      data.getUint32(at, true) === EOCD_SIGNATURE &&
      at + 22 + data.getUint16(at + 20, true) <= data.byteLength
    )
      return at
  }
  return null
}

interface DirectoryLocation {
  count: number
  offset: number
}

function locateDirectory(data: DataView, end: number): DirectoryLocation {
  const count = data.getUint16(end + 10, true)
  const offset = data.getUint32(end + 16, true)
  if (count !== 0xffff && offset !== 0xffffffff) return { count, offset }
  // ZIP64: the real values are in a record found through a locator just before the classic one.
  const locator = end - 20
  if (locator < 0 || data.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE)
    throw new ZipDataError('zip64 locator missing')
  const record = Number(data.getBigUint64(locator + 8, true))
  if (record + 56 > data.byteLength || data.getUint32(record, true) !== ZIP64_EOCD_SIGNATURE)
    throw new ZipDataError('zip64 end record missing')
  return {
    count: Number(data.getBigUint64(record + 32, true)),
    offset: Number(data.getBigUint64(record + 48, true)),
  }
}

/** Sizes and offset that do not fit 32 bits are in the ZIP64 extra field, in this order, when saturated. */
function applyZip64(data: DataView, extraStart: number, extraEnd: number, entry: ZipEntry): void {
  let at = extraStart
  while (at + 4 <= extraEnd) {
    const id = data.getUint16(at, true)
    const size = data.getUint16(at + 2, true)
    if (id === ZIP64_EXTRA_ID) {
      let field = at + 4
      const next = (): number => {
        if (field + 8 > at + 4 + size) throw new ZipDataError('zip64 extra field too short')
        const value = Number(data.getBigUint64(field, true))
        field += 8
        return value
      }
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next()
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next()
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next()
      return
    }
    at += 4 + size
  }
}

/**
 * The entries listed by the central directory, or null when there is none to read: a truncated archive
 * loses its directory first, since it is written last.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const data = view(bytes)
  const end = findEndRecord(data)
  if (end === null) return null
  try {
    const { count, offset } = locateDirectory(data, end)
    const decoder = new TextDecoder()
    const entries: ZipEntry[] = []
    let at = offset
    for (let i = 0; i < count; i++) {
      if (at + 46 > data.byteLength || data.getUint32(at, true) !== CENTRAL_SIGNATURE) return null
      const nameLength = data.getUint16(at + 28, true)
      const extraLength = data.getUint16(at + 30, true)
      const commentLength = data.getUint16(at + 32, true)
      const nameStart = at + 46
      if (nameStart + nameLength + extraLength > data.byteLength) return null
      const entry: ZipEntry = {
        name: decoder.decode(bytes.subarray(nameStart, nameStart + nameLength)),
        flags: data.getUint16(at + 8, true),
        method: data.getUint16(at + 10, true),
        crc32: data.getUint32(at + 16, true),
        compressedSize: data.getUint32(at + 20, true),
        uncompressedSize: data.getUint32(at + 24, true),
        localHeaderOffset: data.getUint32(at + 42, true),
      }
      const extraStart = nameStart + nameLength
      applyZip64(data, extraStart, extraStart + extraLength, entry)
      entries.push(entry)
      at = extraStart + extraLength + commentLength
    }
    return entries
  } catch (error) {
    if (error instanceof ZipDataError || error instanceof RangeError) return null
    throw error
  }
}

/** The compressed bytes of an entry, after its local header (whose name and extra lengths may differ). */
function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.flags & 0x1) throw new ZipDataError(`${entry.name}: encrypted entry`)
  if (entry.method !== STORED && entry.method !== DEFLATED)
    throw new ZipDataError(`${entry.name}: compression method ${entry.method}`)
  const at = entry.localHeaderOffset
  const data = view(bytes)
  if (at + 30 > bytes.length || data.getUint32(at, true) !== LOCAL_SIGNATURE)
    throw new ZipDataError(`${entry.name}: local header missing`)
  const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true)
  const end = start + entry.compressedSize
  if (end > bytes.length) throw new ZipDataError(`${entry.name}: data truncated`)
  return bytes.subarray(start, end)
}

function* slices(data: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < data.length; at += INPUT_SLICE) yield data.subarray(at, at + INPUT_SLICE)
}

/**
 * The uncompressed content of an entry, chunk by chunk. The input is fed in slices so that the inflater's
 * back-pressure holds: one big write would inflate the whole entry into memory at once. The CRC and the
 * size are checked at the end, since a damaged deflate stream can still decode to something.
 */
export async function* inflateEntry(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const data = compressedData(bytes, entry)
  let crc = 0
  let size = 0
  const check = (chunk: Uint8Array): Uint8Array => {
    crc = crc32(chunk, crc)
    size += chunk.length
    return chunk
  }
  if (entry.method === STORED) {
    for (const chunk of slices(data)) yield check(chunk)
  } else {
    const inflater = createInflateRaw()
    const source = Readable.from(slices(data), { objectMode: false })
    source.pipe(inflater)
    try {
      for await (const chunk of inflater) yield check(chunk as Buffer)
    } catch (error) {
      throw new ZipDataError(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      source.destroy()
      inflater.destroy()
    }
  }
  if (size !== entry.uncompressedSize || crc !== entry.crc32)
    throw new ZipDataError(`${entry.name}: CRC or size mismatch`)
}

/** The entry as text, decoded across chunk boundaries (a UTF-8 character may straddle two chunks). */
export async function* entryText(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of inflateEntry(bytes, entry)) {
    const text = decoder.decode(chunk, { stream: true })
    if (text) yield text
  }
  const rest = decoder.decode()
  if (rest) yield rest
}
