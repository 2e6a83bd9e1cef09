// Configuration from the environment (README: JALON_DATA_DIR, DATABASE_URL, PORT, HOST).
import { resolve } from 'node:path'
import { readOidcSettings, type OidcSettings } from './access/oidc-settings'

export interface Config {
  dataDir: string
  databaseUrl: string | undefined
  port: number
  host: string
  /** The first administrator, created on first start (README). */
  adminEmail: string | undefined
  adminPassword: string | undefined
  /** JALON_PUBLIC_URL: the address users reach Jalon at; https makes session cookies Secure. */
  publicUrl: string | undefined
  /** JALON_SESSION_HOURS: a session ends after this long without a request. */
  sessionHours: number
  /** JALON_LOG_LEVEL: what the server writes to stderr (refused accesses are warnings). */
  logLevel: 'error' | 'warn' | 'info' | 'debug'
  /** ProConnect and Pro Santé Connect (docs/authentication.md); each offered when fully configured. */
  oidc: OidcSettings
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT doit être un numéro de port (0 à 65535), pas « ${env.PORT} ».`)
  }
  const sessionHours = Number(env.JALON_SESSION_HOURS ?? 8)
  if (!(sessionHours > 0 && sessionHours <= 24 * 30)) {
    throw new Error(
      `JALON_SESSION_HOURS doit être un nombre d'heures entre 0 et 720, pas « ${env.JALON_SESSION_HOURS} ».`,
    )
  }
  return {
    dataDir: resolve(env.JALON_DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    port,
    host: env.HOST || '127.0.0.1',
    adminEmail: env.JALON_ADMIN_EMAIL || undefined,
    adminPassword: env.JALON_ADMIN_PASSWORD || undefined,
    publicUrl: env.JALON_PUBLIC_URL || undefined,
    sessionHours,
    logLevel: readLogLevel(env.JALON_LOG_LEVEL),
    oidc: readOidcSettings(env, env.JALON_PUBLIC_URL || undefined),
  }
}

const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const

function readLogLevel(value: string | undefined): Config['logLevel'] {
  if (value === undefined || value === '') return 'warn'
  const level = LOG_LEVELS.find((l) => l === value)
  if (!level) throw new Error(`JALON_LOG_LEVEL doit valoir ${LOG_LEVELS.join(', ')}, pas « ${value} ».`)
  return level
}
