// Until accounts and roles exist (issue 5), uploading a source file through the API needs the import token
// given to the server by JALON_IMPORT_TOKEN; without it, the API refuses every upload.
import { timingSafeEqual, createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'

const digest = (value: string) => createHash('sha256').update(value).digest()

export function requireImportToken(token: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!token)
      return reply.code(403).send({
        error:
          'Import désactivé sur ce serveur : démarrez-le avec JALON_IMPORT_TOKEN pour autoriser les imports par l’API.',
      })
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
    // Compared through their digests: constant time whatever the lengths.
    if (!given || !timingSafeEqual(digest(given), digest(token))) {
      request.log.warn({ ip: request.ip }, 'import refused: bad or missing token')
      return reply
        .code(401)
        .send({ error: 'Jeton d’import absent ou invalide (en-tête Authorization: Bearer …).' })
    }
  }
}
