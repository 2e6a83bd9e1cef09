// `jalon users token create|list|revoke`: API tokens for a machine (a regional CRM) from the server's
// console, as the API does for the administrator; journaled as the command line's operator. The token is
// printed once, at its creation: only its sha256 is kept.
import type { Command } from 'commander'
import { cliActor } from '../app/access/actor'
import { ApiTokenError, createApiToken, listApiTokens, revokeApiToken } from '../app/access/api-tokens'
import { AccountError, findUserIdByEmail } from '../app/access/users'
import {
  API_TOKEN_DEFAULT_DAYS,
  API_TOKEN_MAX_DAYS,
  apiTokenInput,
  type ApiToken,
} from '../domain/contract/api-tokens'
import { printJson, reportError, UsageError } from './context'
import type { OpenStore } from './users'

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'jamais')

function formatToken(t: ApiToken): string {
  return [
    `n° ${t.id}`.padEnd(6),
    `« ${t.name} »`,
    `— compte ${t.userEmail}`,
    `— ${t.state}`,
    `— expire le ${day(t.expiresAt)}`,
    `— dernier usage : ${day(t.lastUsedAt)}`,
  ].join(' ')
}

function report(error: unknown): void {
  reportError(
    error instanceof ApiTokenError || error instanceof AccountError ? new UsageError(error.message) : error,
  )
}

export function registerTokenCommands(users: Command, open: OpenStore): void {
  const tokens = users.command('token').description('Les jetons d’API d’un compte (pour un CRM régional)')

  tokens
    .command('create')
    .description('Créer un jeton agissant comme ce compte ; il est affiché une seule fois')
    .argument('<email>', 'le compte dont le jeton a le rôle et le périmètre')
    .requiredOption(
      '--name <nom>',
      'le nom du jeton, inscrit au journal à chaque écriture (ex. « CRM ARS Bretagne »)',
    )
    .option(
      '--days <jours>',
      `durée de validité en jours (${API_TOKEN_DEFAULT_DAYS} par défaut, ${API_TOKEN_MAX_DAYS} au plus)`,
    )
    .action(async (email: string, opts: { name: string; days?: string }) => {
      try {
        const parsed = apiTokenInput.safeParse({
          name: opts.name,
          expiresInDays: opts.days === undefined ? undefined : Number(opts.days),
        })
        if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'jeton invalide')
        const created = await open(async (store) =>
          createApiToken(store, cliActor(), await findUserIdByEmail(store, email), parsed.data, new Date()),
        )
        console.log(
          `Jeton n° ${created.id} « ${created.name} » créé pour ${created.userEmail}, valable jusqu’au ${day(created.expiresAt)}.`,
        )
        console.log(`Jeton, affiché une seule fois : ${created.token}`)
        console.log('À envoyer dans l’en-tête « Authorization: Bearer <jeton> » (voir docs/api-crm.md).')
      } catch (error) {
        report(error)
      }
    })

  tokens
    .command('list', { isDefault: true })
    .description('Les jetons (sans leur secret), de tous les comptes ou d’un seul')
    .argument('[email]', 'un compte')
    .option('--json', 'en JSON')
    .action(async (email: string | undefined, opts: { json?: boolean }) => {
      try {
        const list = await open(async (store) =>
          listApiTokens(store, new Date(), email ? await findUserIdByEmail(store, email) : undefined),
        )
        if (opts.json) return printJson(list)
        if (list.length === 0) console.log('Aucun jeton.')
        for (const token of list) console.log(formatToken(token))
      } catch (error) {
        report(error)
      }
    })

  tokens
    .command('revoke')
    .description('Révoquer un jeton : il ne fonctionne plus (il reste listé)')
    .argument('<n°>', 'le numéro du jeton (jalon users token list)')
    .action(async (idText: string) => {
      try {
        const id = Number(idText)
        if (!Number.isInteger(id) || id < 1) throw new UsageError(`numéro de jeton invalide : « ${idText} »`)
        const revoked = await open((store) => revokeApiToken(store, cliActor(), id, new Date()))
        console.log(`Jeton n° ${revoked.id} « ${revoked.name} » de ${revoked.userEmail} révoqué.`)
      } catch (error) {
        report(error)
      }
    })
}
