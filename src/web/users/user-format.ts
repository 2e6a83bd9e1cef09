// How an account's sign-in ways and state read in French.
import type { UserAccount } from '../../domain/contract/access'
import { describeScope } from '../../domain/access/scope'

const SIGN_IN_LABELS: Readonly<Record<string, string>> = {
  local: 'Mot de passe',
  proconnect: 'ProConnect',
  'pro-sante-connect': 'Pro Santé Connect',
  psc: 'Pro Santé Connect',
}

export function signInLabel(way: string): string {
  return SIGN_IN_LABELS[way] ?? way
}

export function signInWays(user: UserAccount): string {
  return user.signIn.length
    ? user.signIn.map(signInLabel).join(', ')
    : 'OpenID Connect (à la première connexion)'
}

export function scopesText(user: UserAccount): string {
  return user.scopes.length ? user.scopes.map(describeScope).join(', ') : 'Aucun'
}
