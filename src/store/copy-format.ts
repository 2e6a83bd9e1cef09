// Rows → PostgreSQL COPY text format (tab-separated, `\N` for null), the input of every bulk load.

export type CopyValue = string | number | boolean | null | undefined

function escapeCopy(value: string): string {
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
