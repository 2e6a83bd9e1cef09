// OpenID Connect sign-in (ProConnect, Pro Santé Connect): authorization code flow with state, nonce and
// PKCE (when the provider supports it). What the browser must bring back (state, nonce, PKCE verifier,
// where to return) waits in the database, not in a cookie, so that any instance can finish a sign-in
// another one began, and a state works once.
import * as client from 'openid-client'
import type { OidcProviderInfo } from '../../domain/contract/access'
import type { Store } from '../../store/database'
import { deleteStaleOidcPending } from '../../store/oidc-accounts'
import { insertOidcPending, takeOidcPending } from '../../store/sessions'
import { OidcRefusal, resolveOidcAccount } from './oidc-accounts'
import { readIdentity } from './oidc-claims'
import { safeReturnTo } from './oidc-return-to'
import { isLoopbackHttp, type OidcProviderSettings, type OidcSettings } from './oidc-settings'
import { DEFAULT_SESSION_POLICY, openSession, type OpenedSession, type SessionPolicy } from './sessions'

export { OidcRefusal } from './oidc-accounts'

/** Time allowed on the provider's pages between leaving Jalon and coming back. */
export const PENDING_MAX_SECONDS = 10 * 60
const DISCOVERY_TIMEOUT_SECONDS = 10

export interface OidcSignIn {
  /** The configured providers, for the sign-in page's buttons. */
  providers(): OidcProviderInfo[]
  /** The label of a configured provider, or undefined. */
  labelOf(providerId: string): string | undefined
  /** Remembers the sign-in in progress; returns the provider's authorization URL. */
  begin(providerId: string, returnTo: string | null | undefined): Promise<URL>
  /** Checks the provider's answer (the callback's query), finds the account and opens a session. */
  complete(
    providerId: string,
    query: URLSearchParams,
    now: Date,
  ): Promise<{ opened: OpenedSession; returnTo: string }>
}

export function createOidcSignIn(
  store: Store,
  settings: OidcSettings | undefined,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): OidcSignIn {
  const providers = settings?.providers ?? []
  // Discovered once, on first use, so that a provider being down does not stop Jalon from starting; a
  // failed discovery is forgotten, to be tried again by the next sign-in.
  const discovered = new Map<string, Promise<client.Configuration>>()

  function providerOf(providerId: string): OidcProviderSettings {
    const provider = providers.find((p) => p.id === providerId)
    if (!provider) throw new OidcRefusal('Ce fournisseur d’identité n’est pas configuré dans Jalon.')
    return provider
  }

  function configurationOf(provider: OidcProviderSettings): Promise<client.Configuration> {
    let configuration = discovered.get(provider.id)
    if (!configuration) {
      const issuer = new URL(provider.issuer)
      configuration = client.discovery(
        issuer,
        provider.clientId,
        undefined,
        client.ClientSecretPost(provider.clientSecret),
        {
          timeout: DISCOVERY_TIMEOUT_SECONDS,
          ...(isLoopbackHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
        },
      )
      discovered.set(provider.id, configuration)
      configuration.catch(() => discovered.delete(provider.id))
    }
    return configuration
  }

  return {
    providers: () => providers.map((p) => ({ id: p.id, label: p.label })),

    labelOf: (providerId) => providers.find((p) => p.id === providerId)?.label,

    async begin(providerId, returnTo) {
      const provider = providerOf(providerId)
      const configuration = await configurationOf(provider)
      const state = client.randomState()
      const nonce = client.randomNonce()
      const pkce = configuration.serverMetadata().supportsPKCE()
      const codeVerifier = pkce ? client.randomPKCECodeVerifier() : ''
      const parameters: Record<string, string> = {
        redirect_uri: provider.redirectUri,
        scope: provider.scope,
        state,
        nonce,
        ...provider.authorizationParameters,
      }
      if (pkce) {
        parameters.code_challenge = await client.calculatePKCECodeChallenge(codeVerifier)
        parameters.code_challenge_method = 'S256'
      }
      await deleteStaleOidcPending(store.db, PENDING_MAX_SECONDS)
      await insertOidcPending(store.db, {
        state,
        provider: provider.id,
        nonce,
        codeVerifier,
        returnTo: safeReturnTo(returnTo),
      })
      return client.buildAuthorizationUrl(configuration, parameters)
    },

    async complete(providerId, query, now) {
      const provider = providerOf(providerId)
      const state = query.get('state')
      if (!state)
        throw new OidcRefusal('Réponse du fournisseur d’identité incomplète : recommencez la connexion.')
      const pending = await takeOidcPending(store.db, state, PENDING_MAX_SECONDS)
      if (!pending || pending.provider !== provider.id)
        throw new OidcRefusal(
          'Demande de connexion inconnue, expirée ou déjà utilisée : recommencez la connexion.',
        )
      const refused = query.get('error')
      if (refused)
        throw new OidcRefusal(`${provider.label} n’a pas confirmé votre identité (${refused.slice(0, 64)}).`)

      const configuration = await configurationOf(provider)
      // The URL the provider redirected to, rebuilt from the configured address: behind a proxy, the request
      // Jalon sees may have another host or scheme than the redirect URI the provider checks.
      const currentUrl = new URL(provider.redirectUri)
      for (const [key, value] of query) currentUrl.searchParams.append(key, value)
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        expectedState: state,
        expectedNonce: pending.nonce,
        pkceCodeVerifier: pending.code_verifier || undefined,
        idTokenExpected: true,
      })
      const subject = tokens.claims()?.sub
      if (!subject) throw new Error('id_token without sub')
      const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, subject)
      const user = await resolveOidcAccount(store, provider, readIdentity(provider.id, userinfo))
      const opened = await openSession(store, user, provider.label, now, policy)
      return { opened, returnTo: safeReturnTo(pending.return_to) }
    },
  }
}
