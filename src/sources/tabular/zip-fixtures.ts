// Test helper: ZIP archives built byte by byte, to make the workbooks no spreadsheet program writes (parts
// in an unusual order, ZIP64 records, a wrong CRC, broken XML) and the other archives people upload.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'
import { readZipDirectory } from './zip-directory'

export interface FixtureEntry {
  name: string
  data: Uint8Array | string
  /** Stored rather than deflated, as the `mimetype` of an OpenDocument file. */
  stored?: boolean
  /** Written in place of the real CRC, to damage the entry. */
  crc?: number
}

export interface FixtureOptions {
  /** Directory records in ZIP64 form (saturated 32-bit fields, real values in extra fields). */
  zip64?: boolean
}

const bytesOf = (data: Uint8Array | string): Uint8Array =>
  typeof data === 'string' ? new TextEncoder().encode(data) : data

export function buildZip(entries: readonly FixtureEntry[], options: FixtureOptions = {}): Uint8Array {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const data = bytesOf(entry.data)
    const body = entry.stored ? data : deflateRawSync(data)
    const name = Buffer.from(entry.name)
    const crc = entry.crc ?? crc32(data)
    const method = entry.stored ? 0 : 8
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x800, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    parts.push(local, name, Buffer.from(body))

    const extra = Buffer.alloc(options.zip64 ? 28 : 0)
    if (options.zip64) {
      extra.writeUInt16LE(0x0001, 0)
      extra.writeUInt16LE(24, 2)
      extra.writeBigUInt64LE(BigInt(data.length), 4)
      extra.writeBigUInt64LE(BigInt(body.length), 12)
      extra.writeBigUInt64LE(BigInt(offset), 20)
    }
    const record = Buffer.alloc(46)
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE(45, 4)
    record.writeUInt16LE(45, 6)
    record.writeUInt16LE(0x800, 8)
    record.writeUInt16LE(method, 10)
    record.writeUInt32LE(crc, 16)
    record.writeUInt32LE(options.zip64 ? 0xffffffff : body.length, 20)
    record.writeUInt32LE(options.zip64 ? 0xffffffff : data.length, 24)
    record.writeUInt16LE(name.length, 28)
    record.writeUInt16LE(extra.length, 30)
    record.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 42)
    central.push(record, name, extra)
    offset += local.length + name.length + body.length
  }
  const directory = Buffer.concat(central)
  const tail: Buffer[] = []
  if (options.zip64) {
    const record = Buffer.alloc(56)
    record.writeUInt32LE(0x06064b50, 0)
    record.writeBigUInt64LE(44n, 4)
    record.writeUInt16LE(45, 12)
    record.writeUInt16LE(45, 14)
    record.writeBigUInt64LE(BigInt(entries.length), 24)
    record.writeBigUInt64LE(BigInt(entries.length), 32)
    record.writeBigUInt64LE(BigInt(directory.length), 40)
    record.writeBigUInt64LE(BigInt(offset), 48)
    const locator = Buffer.alloc(20)
    locator.writeUInt32LE(0x07064b50, 0)
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8)
    locator.writeUInt32LE(1, 16)
    tail.push(record, locator)
  }
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(options.zip64 ? 0xffff : entries.length, 8)
  end.writeUInt16LE(options.zip64 ? 0xffff : entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 16)
  return new Uint8Array(Buffer.concat([...parts, directory, ...tail, end]))
}

/** The entries of an archive, uncompressed, in archive order: to rebuild it differently. */
export function unzipAll(bytes: Uint8Array): FixtureEntry[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return (readZipDirectory(bytes) ?? []).map((entry) => {
    const at = entry.localHeaderOffset
    const start = at + 30 + view.readUInt16LE(at + 26) + view.readUInt16LE(at + 28)
    const body = view.subarray(start, start + entry.compressedSize)
    return { name: entry.name, data: entry.method === 0 ? body : inflateRawSync(body) }
  })
}
