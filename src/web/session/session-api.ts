// The sign-in API: who is signed in, signing in with a local account or an OpenID Connect provider, and
// signing out. The anti-forgery token of each answer is kept for the writes that follow.
import type { Me, OidcProviderInfo } from '../../domain/contract/access'
import { ApiError, apiRequest, rememberCsrfToken } from '../api'

/** The signed-in user, or null when nobody is (401). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await apiRequest<Me>('/api/auth/me', { signal, signOutOn401: false })
    rememberCsrfToken(me.csrfToken)
    return me
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberCsrfToken(null)
      return null
    }
    throw error
  }
}

export async function signInWithPassword(credentials: { email: string; password: string }): Promise<Me> {
  const me = await apiRequest<Me>('/api/auth/login', {
    method: 'POST',
    body: credentials,
    signOutOn401: false,
    fieldLabels: { email: 'Adresse électronique', password: 'Mot de passe' },
  })
  rememberCsrfToken(me.csrfToken)
  return me
}

export async function signOut(): Promise<void> {
  try {
    await apiRequest<undefined>('/api/auth/logout', { method: 'POST', signOutOn401: false })
  } catch (error) {
    // Already ended on the server: the browser is signed out all the same.
    if (!(error instanceof ApiError && error.status === 401)) throw error
  } finally {
    rememberCsrfToken(null)
  }
}

/** The OpenID Connect providers the server is configured with; none when it offers none. */
export async function fetchProviders(signal?: AbortSignal): Promise<OidcProviderInfo[]> {
  try {
    return await apiRequest<OidcProviderInfo[]>('/api/auth/providers', { signal, signOutOn401: false })
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return []
    throw error
  }
}

/** Where a provider's button leads: the server redirects to the provider, then back to `returnTo`. */
export function oidcHref(providerId: string, returnTo: string): string {
  return `/api/auth/oidc/${encodeURIComponent(providerId)}?${new URLSearchParams({ returnTo })}`
}
