// Sign-in through ProConnect and Pro Santé Connect: the list of configured providers, the departure to a
// provider and its return. These routes are browser navigations, not API calls: every failure sends the
// browser to the sign-in page with a message in French (`/connexion?erreur=…`), never an error body.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { createOidcSignIn, OidcRefusal } from '../../app/access/oidc'
import type { OidcSettings } from '../../app/access/oidc-settings'
import type { SessionPolicy } from '../../app/access/sessions'
import { oidcProvider } from '../../domain/contract/access'
import type { Store } from '../../store/database'
import type { AuthTools } from '../auth'

const SIGN_IN_PAGE = '/connexion'

const providerParams = z.object({ provider: z.string().max(32) })

export function registerOidcRoutes(
  app: FastifyInstance,
  store: Store,
  auth: AuthTools,
  settings: OidcSettings | undefined,
  policy?: SessionPolicy,
): void {
  const oidc = createOidcSignIn(store, settings, policy)
  const api = app.withTypeProvider<ZodTypeProvider>()

  function failed(request: FastifyRequest, reply: FastifyReply, provider: string, error: unknown) {
    const label = oidc.labelOf(provider) ?? 'le fournisseur d’identité'
    const message =
      error instanceof OidcRefusal
        ? error.message
        : `La connexion par ${label} a échoué : réessayez, ou contactez un administrateur si cela persiste.`
    // The cause stays in the server's log (with the provider's own wording), never in the browser.
    request.log.warn(
      { provider, ip: request.ip, reason: error instanceof Error ? error.message : String(error) },
      'oidc sign-in failed',
    )
    return reply
      .header('cache-control', 'no-store')
      .redirect(`${SIGN_IN_PAGE}?erreur=${encodeURIComponent(message)}`, 302)
  }

  api.get(
    '/api/auth/providers',
    {
      config: { public: true },
      schema: {
        summary: 'Les fournisseurs d’identité proposés à la connexion',
        tags: ['Accès'],
        response: { 200: z.array(oidcProvider) },
      },
    },
    async () => oidc.providers(),
  )

  api.get(
    '/api/auth/oidc/:provider',
    {
      config: { public: true },
      schema: {
        summary: 'Se connecter par un fournisseur d’identité (redirection vers lui)',
        description:
          '`returnTo` : chemin de Jalon où revenir une fois connecté (tout autre valeur ramène à l’accueil).',
        tags: ['Accès'],
        params: providerParams,
        // Anything but one string (absent, repeated) is no return path: the home page.
        querystring: z.object({ returnTo: z.unknown().optional() }),
      },
    },
    async (request, reply) => {
      try {
        const { returnTo } = request.query
        const url = await oidc.begin(request.params.provider, typeof returnTo === 'string' ? returnTo : null)
        return reply.header('cache-control', 'no-store').redirect(url.href, 302)
      } catch (error) {
        return failed(request, reply, request.params.provider, error)
      }
    },
  )

  api.get(
    '/api/auth/oidc/:provider/callback',
    {
      config: { public: true },
      schema: {
        summary: 'Retour du fournisseur d’identité (adresse de redirection déclarée chez lui)',
        tags: ['Accès'],
        params: providerParams,
      },
    },
    async (request, reply) => {
      try {
        const query = new URL(request.url, 'http://jalon.invalid').searchParams
        const { opened, returnTo } = await oidc.complete(request.params.provider, query, auth.now())
        auth.setSessionCookie(reply, opened)
        return reply.header('cache-control', 'no-store').redirect(returnTo, 302)
      } catch (error) {
        return failed(request, reply, request.params.provider, error)
      }
    },
  )
}
