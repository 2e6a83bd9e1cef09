// Signing in and out with a local account: the cookie's attributes, wrong passwords, the lock after too many
// failures, disabled accounts, sign-out, idle expiry, and requests that are not what a browser sends.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { changeUser } from '../../src/app/access/users'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { createTestUser, TEST_PASSWORD } from '../support/browser'

let store: Store
let app: FastifyInstance
let clock = new Date('2026-03-02T08:00:00Z')
beforeAll(async () => {
  store = await freshStore()
  app = await buildServer({ store, webRoot: '/nonexistent', auth: { secureCookies: true, now: () => clock } })
})
afterAll(async () => {
  await app?.close()
  await store?.close()
})

const login = (email: string, password: string, ip = '192.0.2.1') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip })
const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })
const cookieOf = (answer: Awaited<ReturnType<typeof login>>) =>
  answer.cookies.map((c) => `${c.name}=${c.value}`).join('; ')

describe('signing in with a local account', () => {
  it('opens a session in an HTTP-only, Secure, SameSite cookie and answers who the user is', async () => {
    const user = await createTestUser(store, { email: 'Claire.Morel@ARS.sante.fr', role: 'regional' })
    const answer = await login('  claire.morel@ars.sante.fr ', TEST_PASSWORD)
    expect(answer.statusCode).toBe(200)
    const [cookie] = answer.cookies
    expect(cookie).toMatchObject({
      name: 'jalon_session',
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
      path: '/',
    })
    expect(answer.json()).toMatchObject({ user: { id: user.id, role: 'regional' }, can: { import: false } })
    expect((await me(cookieOf(answer))).json().user.email).toBe('claire.morel@ars.sante.fr')
  })

  it('says the same thing for a wrong password and an unknown address', async () => {
    await createTestUser(store, { email: 'paul@ans.fr' })
    const wrong = await login('paul@ans.fr', 'pas-le-bon-mot-de-passe', '192.0.2.2')
    const unknown = await login('personne@ans.fr', TEST_PASSWORD, '192.0.2.2')
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401])
    expect(wrong.json()).toEqual(unknown.json())
    expect(wrong.json().error).toBe('Adresse ou mot de passe incorrect.')
    expect(wrong.cookies).toHaveLength(0)
  })

  it('locks an account after five failures, even for the right password, for fifteen minutes', async () => {
    await createTestUser(store, { email: 'cible@ars.fr' })
    for (let i = 0; i < 5; i++)
      expect((await login('cible@ars.fr', `essai-${i}`, `198.51.100.${i}`)).statusCode).toBe(401)
    const locked = await login('cible@ars.fr', TEST_PASSWORD, '198.51.100.99')
    expect(locked.statusCode).toBe(429)
    expect(locked.json().error).toMatch(/Trop de tentatives/)
    clock = new Date(clock.getTime() + 16 * 60_000)
    expect((await login('cible@ars.fr', TEST_PASSWORD, '198.51.100.99')).statusCode).toBe(200)
  })

  it('refuses a disabled account and ends its sessions', async () => {
    const user = await createTestUser(store, { email: 'partie@ars.fr' })
    const session = cookieOf(await login('partie@ars.fr', TEST_PASSWORD, '192.0.2.9'))
    await changeUser(store, { id: null, label: 'test' }, user.id, { disabled: true })
    expect((await me(session)).statusCode).toBe(401)
    expect((await login('partie@ars.fr', TEST_PASSWORD, '192.0.2.9')).statusCode).toBe(401)
  })

  it('ends the session on sign-out, and after the idle time', async () => {
    await createTestUser(store, { email: 'lea@cnam.fr' })
    const first = await login('lea@cnam.fr', TEST_PASSWORD, '192.0.2.10')
    const cookie = cookieOf(first)
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': first.json().csrfToken },
    })
    expect(out.statusCode).toBe(204)
    expect((await me(cookie)).statusCode).toBe(401)
    const journal = await store.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('actor_label', '=', 'lea@cnam.fr')
      .orderBy('id')
      .execute()
    expect(journal).toEqual([
      { action: 'session.login', after: { via: 'mot de passe' } },
      { action: 'session.logout', after: null },
    ])

    const second = cookieOf(await login('lea@cnam.fr', TEST_PASSWORD, '192.0.2.10'))
    clock = new Date(clock.getTime() + 7 * 3600_000) // used within the 8 hours: the session slides
    expect((await me(second)).statusCode).toBe(200)
    clock = new Date(clock.getTime() + 9 * 3600_000)
    expect((await me(second)).statusCode).toBe(401)
  })

  it('refuses what a browser form or a script of another site would send', async () => {
    const form = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=paul%40ans.fr&password=${TEST_PASSWORD}`,
    })
    expect(form.statusCode).toBe(415)
    const huge = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'paul@ans.fr', password: 'x'.repeat(2 * 1024 * 1024) },
    })
    expect(huge.statusCode).toBe(413)
    const injection = await login(`' or 1=1 --`, `' or '1'='1`, '192.0.2.11')
    expect(injection.statusCode).toBe(401)
  })
})
