// `jalon users token create|list|revoke` parsed in-process on a fresh store: the token printed once works
// on the API until it is revoked; the list never prints a secret; refusals exit with 2 in French.
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { createTestUser } from '../support/browser'
import { runUsersCommand } from '../support/users-cli'

let store: Store
let app: FastifyInstance
let email: string
beforeAll(async () => {
  store = await freshStore()
  app = await buildServer({ store, webRoot: '/nonexistent' })
  email = (await createTestUser(store, { role: 'regional', scopes: [{ kind: 'region', code: '53' }] })).email
}, 120_000)
afterAll(async () => {
  await app?.close()
  await store?.close()
})
afterEach(() => {
  process.exitCode = undefined
  vi.restoreAllMocks()
})

const cli = (...argv: string[]) => runUsersCommand(store, ['token', ...argv])

const me = (token: string) =>
  app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })

describe('jalon users token', () => {
  it('creates a token printed once, lists it without its secret, revokes it', async () => {
    const created = await cli('create', email, '--name', 'CRM ARS Bretagne', '--days', '30')
    expect(created.exitCode).toBeUndefined()
    const token = /Jeton, affiché une seule fois : (jalon_\S+)/.exec(created.out)?.[1] ?? ''
    expect(token).toMatch(/^jalon_[A-Za-z0-9_-]{43}$/)
    expect((await me(token)).statusCode).toBe(200)

    const listed = await cli('list', email)
    expect(listed.out).toMatch(
      /n° \d+\s+« CRM ARS Bretagne » — compte .* — actif — expire le \d{4}-\d{2}-\d{2}/,
    )
    expect(listed.out).not.toContain(token)
    const json = await cli('list', '--json')
    expect(JSON.parse(json.out)).toHaveLength(1)
    expect(json.out).not.toContain(token)

    const id = /n° (\d+)/.exec(created.out)?.[1] ?? ''
    const revoked = await cli('revoke', id)
    expect(revoked.out).toContain('révoqué')
    expect((await me(token)).statusCode).toBe(401)
    const journal = await store.db
      .selectFrom('audit_event')
      .select(['action', 'actor_label'])
      .where('entity_kind', '=', 'api_token')
      .orderBy('id')
      .execute()
    expect(journal.map((r) => r.action)).toEqual(['api_token.create', 'api_token.revoke'])
    expect(journal.every((r) => r.actor_label.length > 0)).toBe(true)
  })

  it('refuses an unknown account, a bad name or lifetime, an unknown token, in French', async () => {
    for (const argv of [
      ['create', 'personne@ars.sante.fr', '--name', 'X'],
      ['create', email, '--name', '   '],
      ['create', email, '--name', 'Long', '--days', '5000'],
      ['revoke', '999'],
      ['revoke', 'abc'],
    ]) {
      const r = await cli(...argv)
      expect(r.exitCode, argv.join(' ')).toBe(2)
      expect(r.err, argv.join(' ')).toMatch(/^Erreur : /)
    }
  })
})
