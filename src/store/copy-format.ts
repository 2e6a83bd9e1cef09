// Rows → PostgreSQL COPY text format (tab-separated, `\N` for null), the input of every bulk load.

export type CopyValue = string | number | boolean | null | undefined

const NEEDS_ESCAPE = /[\\\t\n\r]/

function escapeCopy(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  )
}

export function copyLine(values: readonly CopyValue[]): string {
  let line = ''
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (i > 0) line += '\t'
    line += v === null || v === undefined ? '\\N' : typeof v === 'string' ? escapeCopy(v) : String(v)
  }
  return `${line}\n`
}

/** Chunks of COPY text of about `chunkSize` characters, so that neither backend holds one huge string. */
export function* copyChunks(rows: Iterable<readonly CopyValue[]>, chunkSize = 1 << 20): Generator<string> {
  let chunk = ''
  for (const row of rows) {
    chunk += copyLine(row)
    if (chunk.length >= chunkSize) {
      yield chunk
      chunk = ''
    }
  }
  if (chunk) yield chunk
}

/** Identifiers in COPY statements come from code, never from input; this guards that promise. */
export function assertIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Invalid SQL identifier: ${name}`)
  return name
}

/**
 * One row of one bytea column in COPY binary format. Text COPY or a query parameter would send the bytes as
 * hex, twice their size, which PGlite decodes ten times slower than this.
 */
export function binaryCopyOfBytes(data: Uint8Array): Buffer<ArrayBuffer> {
  const signature = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1')
  const flagsAndExtension = Buffer.alloc(8)
  const tuple = Buffer.alloc(6)
  tuple.writeInt16BE(1, 0) // one field
  tuple.writeInt32BE(data.length, 2)
  const trailer = Buffer.alloc(2)
  trailer.writeInt16BE(-1, 0)
  return Buffer.concat([signature, flagsAndExtension, tuple, data, trailer])
}
