// OpenID Connect sign-in end to end: a real provider (`oidc-provider`, with its development login and
// consent pages) and Jalon's real server, both listening on 127.0.0.1, driven over HTTP like a browser.
import { generateKeyPairSync } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
// @ts-expect-error -- oidc-provider ships no type declarations; the little used here is typed below.
import OidcProvider from 'oidc-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readOidcSettings } from '../../src/app/access/oidc-settings'
import { importFinessFile } from '../../src/app/import-finess'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { createTestUser } from '../support/browser'
import { bytes, FIXTURE_TEXT } from '../support/fixture'

interface ProviderInstance {
  callback(): (req: IncomingMessage, res: ServerResponse) => void
}
const Provider = OidcProvider as new (issuer: string, configuration: object) => ProviderInstance

/** What the provider says of each person it knows (its login is the account id). */
const people: Record<string, Record<string, unknown>> = {
  'agent-ars': { email: 'Camille.Martin@ARS.sante.fr', given_name: 'Camille', usual_name: 'Martin' },
  'agent-inconnu': { email: 'personne@ars.sante.fr', given_name: 'Dominique', usual_name: 'Petit' },
  'medecin-fleyriat': {
    given_name: 'Fistinien',
    family_name: 'Grominoch',
    SubjectNameID: '810002345678',
    SubjectRefPro: {
      exercices: [
        {
          codeProfession: '10',
          activities: [
            {
              numeroFinessSite: '010000024',
              numeroFinessetablissementJuridique: '010780054',
              raisonSocialeSite: 'CH DE FLEYRIAT',
            },
          ],
        },
      ],
    },
  },
  'medecin-ailleurs': {
    email: 'medecin@cabinet.example',
    given_name: 'Alex',
    family_name: 'Durand',
    SubjectRefPro: { exercices: [{ activities: [{ numeroFinessSite: '220999999' }] }] },
  },
}

let store: Store
let app: FastifyInstance
let providerServer: Server
let jalon: string
let issuer: string

/** A free port for Jalon: the provider must know Jalon's redirect URIs before Jalon is built. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

beforeAll(async () => {
  store = await freshStore()
  await importFinessFile(store, { fileName: 'etalab-small.csv', bytes: bytes(FIXTURE_TEXT) })
  jalon = `http://127.0.0.1:${await freePort()}`

  providerServer = createServer()
  await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve))
  issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const client = (id: string, extra: object = {}) => ({
    client_id: `jalon-${id}`,
    client_secret: `secret-de-test-${id}-assez-long-pour-hs256`,
    redirect_uris: [`${jalon}/api/auth/oidc/${id}/callback`],
    token_endpoint_auth_method: 'client_secret_post',
    ...extra,
  })
  const provider = new Provider(issuer, {
    // ProConnect answers userinfo as a signed JWT: the test provider does the same for that client.
    clients: [client('proconnect', { userinfo_signed_response_alg: 'RS256' }), client('psc')],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['cle-de-cookie-de-test'] },
    features: { devInteractions: { enabled: true }, jwtUserinfo: { enabled: true } },
    pkce: { required: () => true },
    // Lifetimes set, so that the provider does not print a notice for each default it uses.
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 60,
      IdToken: 60,
      AuthorizationCode: 60,
    },
    acrValues: ['eidas1'],
    scopes: ['openid', 'email', 'given_name', 'usual_name', 'scope_all'],
    claims: {
      email: ['email'],
      given_name: ['given_name'],
      usual_name: ['usual_name'],
      scope_all: ['email', 'given_name', 'family_name', 'SubjectNameID', 'SubjectRefPro'],
    },
    findAccount: async (_ctx: unknown, id: string) =>
      people[id] ? { accountId: id, claims: async () => ({ sub: id, ...people[id] }) } : undefined,
  })
  providerServer.on('request', provider.callback())

  const settings = readOidcSettings(
    {
      JALON_PROCONNECT_ISSUER: issuer,
      JALON_PROCONNECT_CLIENT_ID: 'jalon-proconnect',
      JALON_PROCONNECT_CLIENT_SECRET: 'secret-de-test-proconnect-assez-long-pour-hs256',
      JALON_PSC_ISSUER: issuer,
      JALON_PSC_CLIENT_ID: 'jalon-psc',
      JALON_PSC_CLIENT_SECRET: 'secret-de-test-psc-assez-long-pour-hs256',
    },
    jalon,
  )
  app = await buildServer({ store, webRoot: '/nonexistent', oidc: settings })
  await app.listen({ port: Number(new URL(jalon).port), host: '127.0.0.1' })
})

afterAll(async () => {
  await app?.close()
  providerServer?.closeAllConnections()
  await new Promise((resolve) => providerServer?.close(resolve))
  await store?.close()
})

/** Cookies per origin, as a browser keeps them (paths ignored: each flow gets its own jar). */
class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>()
  keep(url: string, response: Response): void {
    const origin = new URL(url).origin
    const jar = this.cookies.get(origin) ?? new Map<string, string>()
    this.cookies.set(origin, jar)
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const at = pair.indexOf('=')
      const name = pair.slice(0, at).trim()
      const value = pair.slice(at + 1).trim()
      if (value === '' || /expires=thu, 01 jan 1970/i.test(line)) jar.delete(name)
      else jar.set(name, value)
    }
  }
  header(url: string): string {
    const jar = this.cookies.get(new URL(url).origin) ?? new Map()
    return [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  }
}

interface Landing {
  /** Jalon's callback URL the provider sent the browser to. */
  callbackUrl: string
  status: number
  location: string
  setCookie: string[]
  jar: CookieJar
}

/**
 * Clicks "Se connecter avec <provider>" in Jalon, signs in at the provider as `login` (its development
 * login page), consents, and stops at Jalon's answer to the callback.
 */
async function signInThrough(provider: string, login: string, returnTo?: string): Promise<Landing> {
  const jar = new CookieJar()
  const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`
  let url = `${jalon}/api/auth/oidc/${provider}${query}`
  let form: Record<string, string> | null = null
  for (let step = 0; step < 20; step++) {
    const response: Response = await fetch(url, {
      redirect: 'manual',
      method: form ? 'POST' : 'GET',
      headers: {
        cookie: jar.header(url),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    })
    jar.keep(url, response)
    form = null
    if (url.startsWith(`${jalon}/api/auth/oidc/${provider}/callback`))
      return {
        callbackUrl: url,
        status: response.status,
        location: response.headers.get('location') ?? '',
        setCookie: response.headers.getSetCookie(),
        jar,
      }
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location')
      if (!location) throw new Error(`redirection sans adresse depuis ${url}`)
      url = new URL(location, url).href
      if (!url.startsWith(jalon) && !url.startsWith(issuer)) throw new Error(`redirection hors test : ${url}`)
      continue
    }
    const page: string = await response.text()
    const prompt: string | undefined = /name="prompt" value="(\w+)"/.exec(page)?.[1]
    if (response.status !== 200 || !prompt) throw new Error(`page inattendue ${response.status} à ${url}`)
    form = prompt === 'login' ? { prompt, login, password: 'peu-importe' } : { prompt }
  }
  throw new Error('trop de redirections')
}

async function me(landing: Landing) {
  const response = await fetch(`${jalon}/api/auth/me`, { headers: { cookie: landing.jar.header(jalon) } })
  return { status: response.status, body: (await response.json()) as { user: { id: number } } }
}

const errorOf = (location: string) => {
  const url = new URL(location, jalon)
  return url.pathname === '/connexion' ? url.searchParams.get('erreur') : null
}

describe('GET /api/auth/providers', () => {
  it('lists the configured providers only', async () => {
    const response = await fetch(`${jalon}/api/auth/providers`)
    expect(await response.json()).toEqual([
      { id: 'proconnect', label: 'ProConnect' },
      { id: 'psc', label: 'Pro Santé Connect' },
    ])
    const pscOnly = await buildServer({
      store,
      webRoot: '/nonexistent',
      oidc: readOidcSettings(
        { JALON_PSC_ISSUER: issuer, JALON_PSC_CLIENT_ID: 'a', JALON_PSC_CLIENT_SECRET: 'b' },
        jalon,
      ),
    })
    const none = await buildServer({ store, webRoot: '/nonexistent' })
    try {
      expect((await pscOnly.inject({ url: '/api/auth/providers' })).json()).toEqual([
        { id: 'psc', label: 'Pro Santé Connect' },
      ])
      expect((await none.inject({ url: '/api/auth/providers' })).json()).toEqual([])
      const refused = await none.inject({ url: '/api/auth/oidc/proconnect' })
      expect(refused.statusCode).toBe(302)
      expect(errorOf(refused.headers.location as string)).toMatch(/n’est pas configuré/)
    } finally {
      await pscOnly.close()
      await none.close()
    }
  })
})

describe('Pro Santé Connect', () => {
  it('creates a read-only account for the professional’s establishment and signs in', async () => {
    const landing = await signInThrough('psc', 'medecin-fleyriat', '/structures/010000024?mois=2024-03')
    expect(landing.status).toBe(302)
    expect(landing.location).toBe('/structures/010000024?mois=2024-03')
    const cookie = landing.setCookie.find((c) => c.startsWith('jalon_session='))
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)

    const { status, body } = await me(landing)
    expect(status).toBe(200)
    expect(body.user).toMatchObject({
      email: '810002345678@pro-sante-connect.invalid',
      displayName: 'Fistinien Grominoch',
      role: 'establishment',
      organisation: 'CH DE FLEYRIAT',
      scopes: [{ kind: 'eg', code: '010000024' }],
    })

    // The account was created and the identity tied, both journaled; the next sign-in finds it again.
    const journal = await store.db
      .selectFrom('audit_event')
      .select(['action', 'actor_label'])
      .where('entity_kind', '=', 'user')
      .where('entity_id', '=', String(body.user.id))
      .orderBy('id')
      .execute()
    expect(journal).toEqual([
      { action: 'user.create', actor_label: 'Pro Santé Connect' },
      { action: 'identity.link', actor_label: 'Pro Santé Connect' },
    ])
    const again = await signInThrough('psc', 'medecin-fleyriat')
    expect(again.location).toBe('/')
    expect((await me(again)).body.user).toMatchObject({ id: body.user.id })
  })

  it('refuses a professional whose establishment Jalon does not follow', async () => {
    const landing = await signInThrough('psc', 'medecin-ailleurs', '/structures')
    expect(landing.status).toBe(302)
    expect(errorOf(landing.location)).toMatch(/FINESS 220999999.*n’est suivi dans Jalon/)
    expect(landing.setCookie.some((c) => c.startsWith('jalon_session='))).toBe(false)
  })
})

describe('ProConnect', () => {
  it('ties the agent to the account with the same address, then signs in by the identity', async () => {
    const account = await createTestUser(store, {
      email: 'camille.martin@ars.sante.fr',
      role: 'regional',
      scopes: [{ kind: 'region', code: '84' }],
    })
    const first = await signInThrough('proconnect', 'agent-ars', '/')
    expect(first.location).toBe('/')
    const { body } = await me(first)
    expect(body.user).toMatchObject({
      id: account.id,
      role: 'regional',
      scopes: [{ kind: 'region', code: '84' }],
    })
    const links = await store.db
      .selectFrom('user_identity')
      .select(['provider', 'subject'])
      .where('user_id', '=', account.id)
      .execute()
    expect(links).toEqual([{ provider: 'proconnect', subject: 'agent-ars' }])

    // The directory now gives another address: the tied identity still leads to the same account.
    const before = people['agent-ars']
    people['agent-ars'] = { ...before, email: 'c.martin@autre.gouv.fr' }
    try {
      const second = await signInThrough('proconnect', 'agent-ars')
      expect((await me(second)).body.user).toMatchObject({ id: account.id })
    } finally {
      people['agent-ars'] = before ?? {}
    }
  })

  it('refuses an agent without an account, saying whom to ask', async () => {
    const landing = await signInThrough('proconnect', 'agent-inconnu')
    expect(landing.status).toBe(302)
    expect(errorOf(landing.location)).toBe(
      'Aucun compte Jalon pour personne@ars.sante.fr : demandez à un administrateur de le créer.',
    )
  })
})

describe('the provider’s answer', () => {
  it('works once: a replayed callback is refused', async () => {
    await createTestUser(store, { email: 'rejeu@ars.sante.fr', role: 'observer' })
    people['agent-rejeu'] = { email: 'rejeu@ars.sante.fr', given_name: 'R', usual_name: 'J' }
    const landing = await signInThrough('proconnect', 'agent-rejeu')
    expect(landing.location).toBe('/')
    const replay = await fetch(landing.callbackUrl, { redirect: 'manual' })
    expect(replay.status).toBe(302)
    expect(errorOf(replay.headers.get('location') ?? '')).toMatch(/inconnue, expirée ou déjà utilisée/)
    expect(replay.headers.getSetCookie().some((c) => c.startsWith('jalon_session='))).toBe(false)
  })

  it('refuses a forged or missing state, and a state issued for another provider', async () => {
    for (const query of ['?code=abc&state=forge', '?code=abc', '?error=access_denied']) {
      const response = await fetch(`${jalon}/api/auth/oidc/psc/callback${query}`, { redirect: 'manual' })
      expect(response.status).toBe(302)
      expect(errorOf(response.headers.get('location') ?? '')).toBeTruthy()
    }
    const start = await fetch(`${jalon}/api/auth/oidc/proconnect`, { redirect: 'manual' })
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state')
    const crossed = await fetch(`${jalon}/api/auth/oidc/psc/callback?code=abc&state=${state}`, {
      redirect: 'manual',
    })
    expect(errorOf(crossed.headers.get('location') ?? '')).toMatch(/inconnue, expirée ou déjà utilisée/)
  })

  it('never sends the browser to another site after signing in', async () => {
    for (const returnTo of ['//evil.example', 'https://evil.example', '/\\evil.example']) {
      const landing = await signInThrough('psc', 'medecin-fleyriat', returnTo)
      expect(landing.location).toBe('/')
    }
  })

  it('sends to the provider with state, nonce, PKCE and the provider’s own parameters', async () => {
    const response = await fetch(`${jalon}/api/auth/oidc/psc?returnTo=/x`, { redirect: 'manual' })
    expect(response.status).toBe(302)
    const to = new URL(response.headers.get('location') ?? '')
    expect(to.origin).toBe(issuer)
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: 'jalon-psc',
      response_type: 'code',
      redirect_uri: `${jalon}/api/auth/oidc/psc/callback`,
      scope: 'openid scope_all',
      acr_values: 'eidas1',
      code_challenge_method: 'S256',
    })
    expect(to.searchParams.get('state')?.length).toBeGreaterThanOrEqual(32)
    expect(to.searchParams.get('nonce')?.length).toBeGreaterThanOrEqual(32)
  })
})
