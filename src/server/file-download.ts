// Files sent as downloads (the grid's exports, the monthly report): the name in Content-Disposition for
// every browser, and the body streamed as it is written.
import { PassThrough, type Writable } from 'node:stream'
import type { FastifyReply, FastifyRequest } from 'fastify'

/** `filename` for old clients (ASCII), `filename*` with the real name (RFC 6266). */
export function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

/**
 * Streams a file as it is written: errors found before (a bad request) are still answered as such, later
 * failures cut the download, which the browser reports as failed rather than as a complete file.
 */
export function sendFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { fileName: string; type: string; write(output: Writable): Promise<void> },
) {
  const output = new PassThrough()
  file.write(output).catch((failure: unknown) => {
    request.log.error(failure, `download of ${file.fileName} failed`)
    output.destroy(failure instanceof Error ? failure : new Error(String(failure)))
  })
  return reply.type(file.type).header('content-disposition', attachment(file.fileName)).send(output)
}
