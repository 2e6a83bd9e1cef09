// API tokens over HTTP, for the national administrator only: GET /api/tokens, GET and POST
// /api/users/:id/tokens, DELETE /api/tokens/:id (revocation). Journaled by app/access/api-tokens.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { createApiToken, listApiTokens, revokeApiToken } from '../../app/access/api-tokens'
import { canManageUsers } from '../../domain/access/permissions'
import { apiToken, apiTokenCreated, apiTokenInput } from '../../domain/contract/api-tokens'
import type { Store } from '../../store/database'
import { actorOf, demand, userOf } from '../auth'
import { failures } from './failure'

const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) })
const tags = ['Accès']

// onRequest, before the body is read, as for the accounts' routes. A token is refused here unless its
// account is an administrator: it has exactly its account's role.
async function onlyAdministrators(request: FastifyRequest): Promise<void> {
  demand(
    request,
    canManageUsers(userOf(request)),
    'La gestion des jetons d’API est réservée à l’administrateur national.',
  )
}

export function registerApiTokenRoutes(app: FastifyInstance, store: Store): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const now = () => new Date()
  api.get(
    '/api/tokens',
    {
      onRequest: onlyAdministrators,
      schema: {
        summary: 'Les jetons d’API de tous les comptes (sans leur secret)',
        tags,
        response: { 200: z.array(apiToken), ...failures },
      },
    },
    async () => listApiTokens(store, now()),
  )
  api.get(
    '/api/users/:id/tokens',
    {
      onRequest: onlyAdministrators,
      schema: {
        summary: 'Les jetons d’API d’un compte (sans leur secret)',
        tags,
        params: idParams,
        response: { 200: z.array(apiToken), ...failures },
      },
    },
    async (request) => listApiTokens(store, now(), request.params.id),
  )
  api.post(
    '/api/users/:id/tokens',
    {
      onRequest: onlyAdministrators,
      schema: {
        summary: 'Créer un jeton d’API agissant comme ce compte (le jeton n’est montré qu’une fois)',
        description:
          'Le jeton a exactement le rôle et le périmètre du compte ; il s’envoie dans l’en-tête ' +
          '`Authorization: Bearer <jeton>`, sans cookie ni jeton anti-falsification. Chaque écriture faite ' +
          'avec lui est journalisée au nom du compte et du jeton. `expiresInDays` : 365 par défaut, 1 095 ' +
          'au plus. Seule son empreinte (sha256) est conservée. Journalisé.',
        tags,
        params: idParams,
        body: apiTokenInput,
        response: { 201: apiTokenCreated, ...failures },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(store, actorOf(request), request.params.id, request.body, now())
      return reply.code(201).send(created)
    },
  )
  api.delete(
    '/api/tokens/:id',
    {
      onRequest: onlyAdministrators,
      schema: {
        summary: 'Révoquer un jeton d’API (il ne fonctionne plus ; il reste listé)',
        tags,
        params: idParams,
        response: { 200: apiToken, ...failures },
      },
    },
    async (request) => revokeApiToken(store, actorOf(request), request.params.id, now()),
  )
}
