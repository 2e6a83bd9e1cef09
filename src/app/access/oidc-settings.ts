// The OpenID Connect providers Jalon offers, read from the environment (docs/authentication.md). A provider
// is offered when its issuer, client id and client secret are all set; a half-configured one is an error
// rather than a silently missing button.

export const OIDC_PROVIDER_IDS = ['proconnect', 'psc'] as const
export type OidcProviderId = (typeof OIDC_PROVIDER_IDS)[number]

export interface OidcProviderSettings {
  id: OidcProviderId
  label: string
  issuer: string
  clientId: string
  clientSecret: string
  /** `${JALON_PUBLIC_URL}/api/auth/oidc/<id>/callback`, declared to the provider as is. */
  redirectUri: string
  scope: string
  /** Extra authorization request parameters the provider requires. */
  authorizationParameters: Readonly<Record<string, string>>
}

export interface OidcSettings {
  providers: readonly OidcProviderSettings[]
}

interface ProviderDefinition {
  id: OidcProviderId
  label: string
  envPrefix: string
  scope: string
  authorizationParameters: Readonly<Record<string, string>>
}

// ProConnect refuses any authorization parameter it does not know, so it gets only the standard ones; its
// data comes from the scopes below (partenaires.proconnect.gouv.fr, "données fournies").
// Pro Santé Connect asks for `acr_values=eidas1` (CPS card or e-CPS) and gives its sectoral data (the
// professional's activities and their FINESS) under the single scope `scope_all`.
const DEFINITIONS: readonly ProviderDefinition[] = [
  {
    id: 'proconnect',
    label: 'ProConnect',
    envPrefix: 'JALON_PROCONNECT',
    scope: 'openid email given_name usual_name',
    authorizationParameters: {},
  },
  {
    id: 'psc',
    label: 'Pro Santé Connect',
    envPrefix: 'JALON_PSC',
    scope: 'openid scope_all',
    authorizationParameters: { acr_values: 'eidas1' },
  },
]

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Plain http is accepted for a provider on this machine only (tests, a local mock). */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)
}

export function isOidcProviderId(value: string): value is OidcProviderId {
  return (OIDC_PROVIDER_IDS as readonly string[]).includes(value)
}

export function readOidcSettings(env: NodeJS.ProcessEnv, publicUrl: string | undefined): OidcSettings {
  const providers: OidcProviderSettings[] = []
  for (const def of DEFINITIONS) {
    const names = ['ISSUER', 'CLIENT_ID', 'CLIENT_SECRET'].map((n) => `${def.envPrefix}_${n}`)
    const values = names.map((name) => env[name]?.trim() || undefined)
    if (values.every((v) => v === undefined)) continue
    const missing = names.filter((_, i) => values[i] === undefined)
    if (missing.length > 0)
      throw new Error(`${def.label} est configuré à moitié : définissez aussi ${missing.join(', ')}.`)
    const [issuer = '', clientId = '', clientSecret = ''] = values
    providers.push({
      id: def.id,
      label: def.label,
      issuer: checkIssuer(def, issuer),
      clientId,
      clientSecret,
      redirectUri: `${checkPublicUrl(def, publicUrl)}/api/auth/oidc/${def.id}/callback`,
      scope: def.scope,
      authorizationParameters: def.authorizationParameters,
    })
  }
  return { providers }
}

function checkIssuer(def: ProviderDefinition, issuer: string): string {
  let url: URL
  try {
    url = new URL(issuer)
  } catch {
    throw new Error(`${def.envPrefix}_ISSUER doit être une adresse (https://…), pas « ${issuer} ».`)
  }
  if (url.protocol !== 'https:' && !isLoopbackHttp(url))
    throw new Error(`${def.envPrefix}_ISSUER doit être en https (http n'est accepté que sur cette machine).`)
  return issuer
}

function checkPublicUrl(def: ProviderDefinition, publicUrl: string | undefined): string {
  if (!publicUrl)
    throw new Error(
      `JALON_PUBLIC_URL est requis quand ${def.label} est configuré : c'est de lui que Jalon tire l'adresse de retour ` +
        `déclarée au fournisseur (par exemple https://jalon.example.gouv.fr).`,
    )
  let url: URL
  try {
    url = new URL(publicUrl)
  } catch {
    throw new Error(`JALON_PUBLIC_URL doit être une adresse (https://…), pas « ${publicUrl} ».`)
  }
  if (url.search || url.hash)
    throw new Error(`JALON_PUBLIC_URL ne doit comporter ni paramètres ni ancre : « ${publicUrl} ».`)
  return url.href.replace(/\/+$/, '')
}
