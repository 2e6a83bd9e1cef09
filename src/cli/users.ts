// `jalon users add|list|grant|revoke|disable|enable|password|token`: accounts from the server's console,
// for the first administrators and for an operator without the web app (API tokens: user-tokens.ts).
// Journaled like the API, as the command line's operator (JALON_ACTOR or the system user).
import type { Command } from 'commander'
import { cliActor } from '../app/access/actor'
import { generatePassword } from '../app/access/passwords'
import {
  AccountError,
  changeUser,
  createUser,
  findUserIdByEmail,
  grantScope,
  listUsers,
  revokeScope,
} from '../app/access/users'
import { isRole, ROLE_LABELS, ROLES } from '../domain/access/roles'
import { describeScope, isScopeKind, SCOPE_KINDS, type Scope } from '../domain/access/scope'
import { userInput, type UserAccount } from '../domain/contract/access'
import type { Store } from '../store/database'
import { printJson, reportError, UsageError, withStore } from './context'
import { registerTokenCommands } from './user-tokens'

/** How a command reaches the database: the configured one, or a test's store. */
export type OpenStore = <T>(work: (store: Store) => Promise<T>) => Promise<T>

const SCOPE_HELP = `type:code, type parmi ${SCOPE_KINDS.join(', ')} (ex. region:53, ej:350000048, france)`

/** `region:53`, `eg:350000030`, `france`; the code itself is checked by app/access/users.ts. */
export function parseScope(text: string): Scope {
  const [kind = '', ...rest] = text.trim().split(':')
  if (!isScopeKind(kind))
    throw new UsageError(`périmètre « ${text} » : type « ${kind} » inconnu ; attendu ${SCOPE_HELP}`)
  return { kind, code: rest.join(':').trim() }
}

function formatAccount(u: UserAccount): string {
  const scopes = u.scopes.length ? u.scopes.map(describeScope).join(', ') : 'aucun périmètre'
  return [
    `n° ${u.id}`.padEnd(6),
    u.email,
    `— ${u.displayName}`,
    `— ${ROLE_LABELS[u.role]}`,
    u.organisation ? `— ${u.organisation}` : '',
    `— ${scopes}`,
    `— connexion : ${u.signIn.length ? u.signIn.join(', ') : 'aucune'}`,
    u.disabled ? '— DÉSACTIVÉ' : '',
  ]
    .filter((part) => part !== '')
    .join(' ')
}

/** A refusal the operator can act on (unknown e-mail, duplicate, bad scope code) exits with 2, not a stack. */
function report(error: unknown): void {
  reportError(error instanceof AccountError ? new UsageError(error.message) : error)
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

export function registerUserCommands(program: Command, open: OpenStore = withStore): void {
  const users = program.command('users').description('Les comptes : création, périmètres, désactivation')

  users
    .command('add')
    .description('Créer un compte ; le mot de passe généré est affiché une seule fois')
    .argument('<email>', 'l’adresse électronique, identifiant de connexion')
    .requiredOption('--name <nom>', 'le nom affiché')
    .requiredOption('--role <rôle>', `le rôle : ${ROLES.join(', ')}`)
    .option('--organisation <organisation>', 'l’organisation (ARS, GRADeS, établissement…)')
    .option('--scope <type:code>', `un périmètre, répétable : ${SCOPE_HELP}`, collect, [])
    .option('--no-password', 'sans mot de passe : connexion par OpenID Connect seulement')
    .action(
      async (
        email: string,
        opts: { name: string; role: string; organisation?: string; scope: string[]; password: boolean },
      ) => {
        try {
          if (!isRole(opts.role))
            throw new UsageError(`rôle « ${opts.role} » inconnu ; attendu : ${ROLES.join(', ')}`)
          const password = opts.password ? generatePassword() : undefined
          const parsed = userInput.safeParse({
            email,
            displayName: opts.name,
            role: opts.role,
            organisation: opts.organisation ?? null,
            password,
            scopes: opts.scope.map(parseScope),
          })
          if (!parsed.success) {
            const issue = parsed.error.issues[0]
            throw new UsageError(`${issue?.path.join('.') || 'compte'} : ${issue?.message ?? 'invalide'}`)
          }
          const user = await open((store) => createUser(store, cliActor(), parsed.data))
          console.log(`Compte n° ${user.id} créé : ${user.email} (${ROLE_LABELS[user.role]})`)
          if (password) console.log(`Mot de passe, affiché une seule fois : ${password}`)
          else console.log('Sans mot de passe : connexion par OpenID Connect seulement.')
        } catch (error) {
          report(error)
        }
      },
    )

  users
    .command('list', { isDefault: true })
    .description('Les comptes, leurs rôles et leurs périmètres')
    .option('--json', 'en JSON')
    .action(async (opts: { json?: boolean }) => {
      try {
        const accounts = await open((store) => listUsers(store))
        if (opts.json) return printJson(accounts)
        if (accounts.length === 0) console.log('Aucun compte.')
        for (const account of accounts) console.log(formatAccount(account))
      } catch (error) {
        report(error)
      }
    })

  users
    .command('grant')
    .description('Ajouter un périmètre à un compte')
    .argument('<email>', 'le compte')
    .argument('<périmètre>', SCOPE_HELP)
    .action(async (email: string, scopeText: string) => {
      try {
        const scope = parseScope(scopeText)
        await open(async (store) =>
          grantScope(store, cliActor(), await findUserIdByEmail(store, email), scope),
        )
        console.log(`Périmètre ${describeScope(scope)} accordé à ${email}.`)
      } catch (error) {
        report(error)
      }
    })

  users
    .command('revoke')
    .description('Retirer un périmètre à un compte')
    .argument('<email>', 'le compte')
    .argument('<périmètre>', SCOPE_HELP)
    .action(async (email: string, scopeText: string) => {
      try {
        const scope = parseScope(scopeText)
        await open(async (store) =>
          revokeScope(store, cliActor(), await findUserIdByEmail(store, email), scope),
        )
        console.log(`Périmètre ${describeScope(scope)} retiré à ${email}.`)
      } catch (error) {
        report(error)
      }
    })

  for (const [name, disabled, description, done] of [
    ['disable', true, 'Désactiver un compte (ses sessions se ferment)', 'désactivé'],
    ['enable', false, 'Réactiver un compte désactivé', 'réactivé'],
  ] as const) {
    users
      .command(name)
      .description(description)
      .argument('<email>', 'le compte')
      .action(async (email: string) => {
        try {
          await open(async (store) =>
            changeUser(store, cliActor(), await findUserIdByEmail(store, email), { disabled }),
          )
          console.log(`Compte ${email} ${done}.`)
        } catch (error) {
          report(error)
        }
      })
  }

  users
    .command('password')
    .description('Donner un nouveau mot de passe généré, affiché une seule fois (les sessions se ferment)')
    .argument('<email>', 'le compte')
    .action(async (email: string) => {
      try {
        const password = generatePassword()
        await open(async (store) =>
          changeUser(store, cliActor(), await findUserIdByEmail(store, email), { password }),
        )
        console.log(`Nouveau mot de passe de ${email}, affiché une seule fois : ${password}`)
      } catch (error) {
        report(error)
      }
    })

  registerTokenCommands(users, open)
}
