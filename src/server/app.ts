// The HTTP server: JSON API under /api (OpenAPI at /api/docs) and the web app's static files.
import { existsSync } from 'node:fs'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance } from 'fastify'
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod'
import type { OidcSettings } from '../app/access/oidc-settings'
import type { Store } from '../store/database'
import { registerAuth, type AuthOptions } from './auth'
import { registerActionRoutes } from './routes/actions'
import { registerApiTokenRoutes } from './routes/api-tokens'
import { registerAuditRoutes } from './routes/audit'
import { registerAuthRoutes } from './routes/auth'
import { registerDashboardRoutes } from './routes/dashboard'
import { registerFieldRoutes } from './routes/fields'
import { registerGridRoutes } from './routes/grid'
import { registerGridViewRoutes } from './routes/grid-views'
import { registerImportRoutes } from './routes/imports'
import { registerMapRoutes } from './routes/map'
import { registerOidcRoutes } from './routes/oidc'
import { registerPriorityRoutes } from './routes/priorities'
import { registerReportRoutes } from './routes/reports'
import { registerSimulateRoutes } from './routes/simulate'
import { registerSourceImportRoutes } from './routes/source-imports'
import { registerStructureRoutes } from './routes/structures'
import { registerStructureHistoryRoutes } from './routes/structure-history'
import { registerUserRoutes } from './routes/users'

export interface ServerOptions {
  store: Store
  /** Built web app (vite build output); served when present. */
  webRoot?: string
  /** Off, or the lowest level written to stderr (refused accesses are `warn`). */
  logger?: false | 'error' | 'warn' | 'info' | 'debug'
  /** Session lifetime, sign-in limits, Secure cookies, clock (tests). */
  auth?: AuthOptions
  /** ProConnect / Pro Santé Connect (JALON_PROCONNECT_*, JALON_PSC_*); none when absent. */
  oidc?: OidcSettings
}

const WEB_ROOT = new URL('../../dist/web/', import.meta.url).pathname

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // DSFR and React set style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')

/** Whether the web app has been built (`npm run build:web`), so that the server can serve it. */
export function hasWebBuild(): boolean {
  return existsSync(WEB_ROOT)
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: options.logger } : false,
    bodyLimit: 1024 * 1024,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply.code(400).send({
        error: 'Requête invalide',
        details: error.validation.map((v) => ({
          field:
            v.instancePath.replace(/^\//, '') ||
            (v.params as { issue?: { path?: string[] } }).issue?.path?.join('.') ||
            '',
          message: v.message,
        })),
      })
    }
    if (isResponseSerializationError(error)) {
      request.log.error(error, 'response does not match its schema')
      return reply.code(500).send({ error: 'Erreur interne : réponse non conforme au contrat' })
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500
    if (status >= 500) request.log.error(error)
    return reply.code(status).send({ error: status >= 500 ? 'Erreur interne' : (error as Error).message })
  })

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'same-origin')
    reply.header('x-frame-options', 'DENY')
    // The web app loads nothing from elsewhere and runs no inline script; the API documentation page
    // (Swagger UI) does, so it keeps its own defaults.
    if (!request.url.startsWith('/api/docs')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY)
  })

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Jalon API',
        description: 'Référentiel des établissements et suivi du numérique en santé',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' })

  const auth = await registerAuth(app, options.store, options.auth)
  app.get('/api/health', { config: { public: true } }, async () => ({
    status: 'ok',
    database: options.store.kind,
  }))
  registerAuthRoutes(app, options.store, auth)
  registerOidcRoutes(app, options.store, auth, options.oidc, options.auth?.policy)
  registerStructureRoutes(app, options.store)
  registerStructureHistoryRoutes(app, options.store)
  registerFieldRoutes(app, options.store)
  registerGridRoutes(app, options.store)
  registerGridViewRoutes(app, options.store)
  registerDashboardRoutes(app, options.store)
  registerReportRoutes(app, options.store)
  registerMapRoutes(app, options.store)
  registerImportRoutes(app, options.store)
  registerSimulateRoutes(app)
  registerSourceImportRoutes(app, options.store)
  registerUserRoutes(app, options.store)
  registerAuditRoutes(app, options.store)
  registerActionRoutes(app, options.store)
  registerApiTokenRoutes(app, options.store)
  registerPriorityRoutes(app, options.store)
  app.all('/api/*', async (_request, reply) => reply.code(404).send({ error: 'Route inconnue' }))

  const webRoot = options.webRoot ?? WEB_ROOT
  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false })
    // The web app routes in the browser: any other GET gets its page.
    app.setNotFoundHandler((request, reply) =>
      request.method === 'GET'
        ? reply.sendFile('index.html')
        : reply.code(404).send({ error: 'Introuvable' }),
    )
  }
  return app
}
