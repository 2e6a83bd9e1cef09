// Who is asking: the session cookie is resolved on every API request; routes are closed unless declared
// public, and every write carries the session's CSRF token in `x-csrf-token` (synchroniser token: a page
// of another site can send the cookie, not read the token). A machine (a regional CRM) sends an API token
// in `Authorization: Bearer` instead and acts as the token's account.
import { createHash, timingSafeEqual } from 'node:crypto'
import fastifyCookie from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  DEFAULT_SESSION_POLICY,
  resumeSession,
  type OpenedSession,
  type SessionPolicy,
} from '../app/access/sessions'
import type { Actor } from '../app/access/actor'
import { resumeApiToken } from '../app/access/api-tokens'
import type { SessionUser } from '../domain/contract/access'
import type { Store } from '../store/database'

export const SESSION_COOKIE = 'jalon_session'

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null
    csrfToken: string | null
    sessionToken: string | null
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (health, sign-in, OpenID Connect return). */
    public?: boolean
  }
}

export interface AuthOptions {
  policy?: SessionPolicy | undefined
  /** Cookies marked Secure: JALON_PUBLIC_URL starts with https (a proxy terminates TLS). */
  secureCookies?: boolean | undefined
  /** Injected clock for tests. */
  now?: (() => Date) | undefined
}

/** A refusal with its HTTP status, answered as `{ error }` by the server's error handler. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message)
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const BEARER = /^\s*Bearer\b(.*)$/i
const digest = (value: string) => createHash('sha256').update(value).digest()

export async function registerAuth(app: FastifyInstance, store: Store, options: AuthOptions = {}) {
  const policy = options.policy ?? DEFAULT_SESSION_POLICY
  const now = options.now ?? (() => new Date())
  await app.register(fastifyCookie)
  app.decorateRequest('user', null)
  app.decorateRequest('csrfToken', null)
  app.decorateRequest('sessionToken', null)

  // onRequest: before the body is read, so that an anonymous upload is refused without being received.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return
    // A token is the request's only credential (the cookie is not read). It needs no CSRF token: the
    // browser never sends it by itself, so another site's page cannot make a request carry it. A token
    // that does not verify is refused outright, even on a public route, so a CRM learns it at once.
    const bearer = BEARER.exec(request.headers.authorization ?? '')
    if (bearer) {
      request.user = (await resumeApiToken(store, (bearer[1] ?? '').trim(), now())) ?? null
      if (request.user) return
      request.log.warn({ ip: request.ip, url: request.url }, 'unknown, revoked or expired API token')
      throw new HttpError(401, 'Jeton d’API inconnu, révoqué ou expiré.')
    }
    const token = request.cookies[SESSION_COOKIE]
    if (token) {
      const live = await resumeSession(store, token, now(), policy)
      if (live) {
        request.user = live.user
        request.csrfToken = live.csrfToken
        request.sessionToken = token
      } else {
        request.log.info({ ip: request.ip }, 'unknown or expired session cookie')
      }
    }
    if (request.routeOptions.config.public) return
    if (!request.user) throw new HttpError(401, 'Connexion requise.')
    if (!SAFE_METHODS.has(request.method)) {
      const given = request.headers['x-csrf-token']
      if (typeof given !== 'string' || !timingSafeEqual(digest(given), digest(request.csrfToken ?? ''))) {
        request.log.warn({ ip: request.ip, user: request.user.id, url: request.url }, 'csrf token refused')
        throw new HttpError(403, 'Jeton anti-falsification (CSRF) absent ou invalide : rechargez la page.')
      }
    }
  })

  return {
    setSessionCookie(reply: FastifyReply, opened: OpenedSession) {
      reply.setCookie(SESSION_COOKIE, opened.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies ?? false,
        // No expiry: the browser forgets it when closed; the server ends it after `idleMinutes` idle.
      })
    },
    clearSessionCookie(reply: FastifyReply) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
    },
    now,
  }
}

export type AuthTools = Awaited<ReturnType<typeof registerAuth>>

/** The signed-in user of a non-public route (the hook has refused anonymous requests). */
export function userOf(request: FastifyRequest): SessionUser {
  if (!request.user) throw new HttpError(401, 'Connexion requise.')
  return request.user
}

export function actorOf(request: FastifyRequest): Actor {
  const user = userOf(request)
  return { id: user.id, label: user.email }
}

/** Refuses unless `allowed`; logs the refusal (who, what) for the security journal. */
export function demand(request: FastifyRequest, allowed: boolean, message: string): void {
  if (allowed) return
  request.log.warn({ user: request.user?.id, url: request.url, method: request.method }, 'access refused')
  throw new HttpError(403, message)
}
