// Sign-in with a local account, sign-out, and who is signed in.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { closeSession, describeMe, signInWithPassword } from '../../app/access/sessions'
import { loginBody, me } from '../../domain/contract/access'
import type { Store } from '../../store/database'
import { userOf, type AuthTools } from '../auth'
import { failure as error } from './failure'

export function registerAuthRoutes(app: FastifyInstance, store: Store, auth: AuthTools): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        summary: 'Se connecter avec un compte local',
        tags: ['Accès'],
        body: loginBody,
        response: { 200: me, 401: error, 429: error },
      },
    },
    async (request, reply) => {
      const opened = await signInWithPassword(
        store,
        { email: request.body.email, password: request.body.password, address: request.ip },
        auth.now(),
      )
      auth.setSessionCookie(reply, opened)
      return opened.me
    },
  )
  api.post(
    '/api/auth/logout',
    { schema: { summary: 'Se déconnecter', tags: ['Accès'], response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.sessionToken) await closeSession(store, request.sessionToken, userOf(request))
      auth.clearSessionCookie(reply)
      return reply.code(204).send(null)
    },
  )
  api.get(
    '/api/auth/me',
    {
      schema: {
        summary: 'L’utilisateur connecté, ses droits et son jeton anti-falsification',
        tags: ['Accès'],
        response: { 200: me, 401: error },
      },
    },
    async (request) => describeMe(userOf(request), request.csrfToken ?? ''),
  )
}
