// Configuration from the environment (README: JALON_DATA_DIR, DATABASE_URL, PORT, HOST).
import { resolve } from 'node:path'

export interface Config {
  dataDir: string
  databaseUrl: string | undefined
  port: number
  host: string
  /** Bearer token that authorises uploads through the API until accounts exist (issue 5). */
  importToken: string | undefined
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT doit être un numéro de port (0 à 65535), pas « ${env.PORT} ».`)
  }
  return {
    dataDir: resolve(env.JALON_DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    port,
    host: env.HOST || '127.0.0.1',
    importToken: env.JALON_IMPORT_TOKEN || undefined,
  }
}
