// Accounts and their scopes over HTTP, for the national administrator only; each change is journaled by
// app/access/users.ts in its transaction.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  changeUser,
  createUser,
  grantScope,
  listUsers,
  removeUser,
  revokeScope,
} from '../../app/access/users'
import { canManageUsers } from '../../domain/access/permissions'
import { scope, sessionUser, userAccount, userChanges, userInput } from '../../domain/contract/access'
import type { Store } from '../../store/database'
import { actorOf, demand, userOf } from '../auth'
import { failures } from './failure'

const idParams = z.object({ id: z.coerce.number().int().min(1) })
const tags = ['Accès']

// onRequest, before the body is read: a non-administrator learns nothing from the validation of its input.
async function onlyAdministrators(request: FastifyRequest): Promise<void> {
  demand(
    request,
    canManageUsers(userOf(request)),
    'La gestion des comptes est réservée à l’administrateur national.',
  )
}

export function registerUserRoutes(app: FastifyInstance, store: Store): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.get(
    '/api/users',
    {
      onRequest: onlyAdministrators,
      schema: {
        summary: 'Les comptes, leurs rôles, leurs périmètres et leurs modes de connexion',
        tags,
        response: { 200: z.array(userAccount), ...failures },
      },
    },
    async () => listUsers(store),
  )
  api.post(
    '/api/users',
    {
      onRequest: onlyAdministrators,
      schema: {
        summary: 'Créer un compte (sans mot de passe : connexion par OpenID Connect seulement)',
        tags,
        body: userInput,
        response: { 201: sessionUser, ...failures },
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(store, actorOf(request), request.body)),
  )
  api.patch(
    '/api/users/:id',
    {
      onRequest: onlyAdministrators,
      schema: {
        summary: 'Modifier un compte : nom, rôle, organisation, mot de passe, désactivation',
        tags,
        params: idParams,
        body: userChanges,
        response: { 200: sessionUser, ...failures },
      },
    },
    async (request) => changeUser(store, actorOf(request), request.params.id, request.body),
  )
  api.delete(
    '/api/users/:id',
    {
      onRequest: onlyAdministrators,
      schema: {
        summary: 'Supprimer un compte (son journal est conservé)',
        tags,
        params: idParams,
        response: { 204: z.null(), ...failures },
      },
    },
    async (request, reply) => {
      await removeUser(store, actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
  api.post(
    '/api/users/:id/scopes',
    {
      onRequest: onlyAdministrators,
      schema: {
        summary: 'Ajouter un périmètre à un compte',
        tags,
        params: idParams,
        body: scope,
        response: { 204: z.null(), ...failures },
      },
    },
    async (request, reply) => {
      await grantScope(store, actorOf(request), request.params.id, request.body)
      return reply.code(204).send(null)
    },
  )
  api.delete(
    '/api/users/:id/scopes',
    {
      onRequest: onlyAdministrators,
      schema: {
        summary: 'Retirer un périmètre à un compte',
        tags,
        params: idParams,
        querystring: scope,
        response: { 204: z.null(), ...failures },
      },
    },
    async (request, reply) => {
      await revokeScope(store, actorOf(request), request.params.id, request.query)
      return reply.code(204).send(null)
    },
  )
}
