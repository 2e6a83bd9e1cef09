// Signed-in requests to the API in tests: an account is created for the test, signs in through
// POST /api/auth/login like a browser, and every request carries its cookie and CSRF token.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { SessionUser, UserInput } from '../../src/domain/contract/access'
import type { Store } from '../../src/store/database'
import { createTestUser, TEST_PASSWORD } from './browser'

/** A parsed answer: tests read its fields freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any

export interface ApiClient {
  user: SessionUser
  cookie: string
  csrfToken: string
  request(options: InjectOptions): Promise<LightMyRequestResponse>
  get(url: string): Promise<{ status: number; body: Body }>
  send(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: Body }>
}

export async function signIn(
  app: FastifyInstance,
  store: Store,
  account: Partial<Pick<UserInput, 'email' | 'role' | 'scopes' | 'displayName'>> = {},
): Promise<ApiClient> {
  const user = await createTestUser(store, account)
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: TEST_PASSWORD },
  })
  if (login.statusCode !== 200)
    throw new Error(`connexion de test refusée : ${login.statusCode} ${login.body}`)
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
  const csrfToken = (login.json() as { csrfToken: string }).csrfToken
  const request = (options: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({
      ...options,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) },
    })
  const parse = (body: string) => {
    try {
      return JSON.parse(body)
    } catch {
      return body
    }
  }
  return {
    user,
    cookie,
    csrfToken,
    request,
    get: async (url) => {
      const r = await request({ method: 'GET', url })
      return { status: r.statusCode, body: parse(r.body) }
    },
    send: async (method, url, payload) => {
      const r = await request({
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
      })
      return { status: r.statusCode, body: parse(r.body) }
    },
  }
}
