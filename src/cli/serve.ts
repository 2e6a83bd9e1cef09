// `jalon serve [--demo]`: the web app and the API.
import { join } from 'node:path'
import type { Command } from 'commander'
import { readConfig } from '../app/config'
import { openDatabase } from '../app/database'
import { loadDemoIfEmpty } from '../app/demo'
import { DEFAULT_SESSION_POLICY } from '../app/access/sessions'
import { ensureFirstAdmin, type FirstAdmin } from '../app/access/users'
import { buildServer, hasWebBuild } from '../server/app'
import { reportError } from './context'
import { formatDemoSummary } from './demo'

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description("Servir l'application web et l'API")
    .option(
      '--demo',
      'si la base est vide : référentiel de démonstration et 24 mois de fichiers sources importés (comme `jalon demo`)',
    )
    .action(async (opts: { demo?: boolean }) => {
      try {
        const config = readConfig()
        const store = await openDatabase(config)
        console.log(`Base de données : ${store.location}`)
        if (opts.demo) {
          const report = await loadDemoIfEmpty(
            store,
            (step) => console.log(`  démo : ${step}`),
            join(config.dataDir, 'demo-sources'),
          )
          if (report) {
            console.log(
              `Référentiel de démonstration chargé : ${report.counts.created} établissements (${report.fileName}).`,
            )
            console.log(formatDemoSummary(report.sources))
          }
        }
        const admin = await ensureFirstAdmin(store, {
          email: config.adminEmail,
          password: config.adminPassword,
        })
        if (admin) console.log(describeFirstAdmin(admin))
        const app = await buildServer({
          store,
          // Refused accesses, forged tokens and server errors are written to stderr for the operators.
          logger: config.logLevel,
          oidc: config.oidc,
          auth: {
            secureCookies: config.publicUrl?.startsWith('https://') ?? false,
            policy: { ...DEFAULT_SESSION_POLICY, idleMinutes: config.sessionHours * 60 },
          },
        })
        if (!hasWebBuild())
          console.log(
            "Interface web non construite (dist/web absent) : lancez `npm run build:web`. L'API fonctionne.",
          )
        const close = async () => {
          await app.close()
          await store.close()
          process.exit(0)
        }
        process.once('SIGINT', close)
        process.once('SIGTERM', close)
        const address = await app.listen({ port: config.port, host: config.host })
        console.log(
          `Jalon est prêt : ${address.replace('127.0.0.1', 'localhost')} (API : ${address}/api/docs)`,
        )
      } catch (error) {
        reportError(error)
      }
    })
}

/** Said once, on the first start: the generated password is stored nowhere else in clear. */
function describeFirstAdmin(admin: FirstAdmin): string {
  return admin.generatedPassword
    ? [
        `Premier administrateur créé : ${admin.email}`,
        `  mot de passe (affiché une seule fois, à changer) : ${admin.generatedPassword}`,
      ].join('\n')
    : `Premier administrateur créé : ${admin.email} (mot de passe de JALON_ADMIN_PASSWORD)`
}
