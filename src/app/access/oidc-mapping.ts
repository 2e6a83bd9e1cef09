// Which Jalon account an OpenID Connect identity signs in to. Pure: the caller looks the facts up, this
// decides. Order: an identity already tied to an account; else the account with the same e-mail address
// (tied on the way); else, for Pro Santé Connect only, a new read-only account for the professional's
// establishment when the referential knows it. ProConnect agents get no account of their own making: their
// role and regions are an administrator's decision.
import type { Scope } from '../../domain/access/scope'
import type { OidcIdentity } from './oidc-claims'
import type { OidcProviderId } from './oidc-settings'

export interface KnownStructure {
  finess: string
  /** EG: a site of the referential; EJ: a legal entity. */
  level: 'EG' | 'EJ'
  name: string | null
}

export interface AccountSummary {
  id: number
  disabled: boolean
}

export interface AccountFacts {
  provider: OidcProviderId
  providerLabel: string
  identity: OidcIdentity
  /** The account already tied to (provider, subject). */
  linked: AccountSummary | undefined
  /** The account whose address is `accountEmail(identity)`. */
  sameEmail: AccountSummary | undefined
  /** The structures of the referential among the identity's FINESS numbers. */
  known: readonly KnownStructure[]
}

export type AccountDecision =
  | { kind: 'signIn'; userId: number }
  | { kind: 'link'; userId: number }
  | { kind: 'create'; email: string; displayName: string; organisation: string | null; scopes: Scope[] }
  | { kind: 'refuse'; message: string }

const DISABLED = 'Votre compte Jalon est désactivé : adressez-vous à un administrateur.'

/**
 * The address an identity is matched and created with. A professional without an address in the health
 * directory gets a non-deliverable one (`.invalid`, RFC 2606) built from the RPPS number: accounts need one.
 */
export function accountEmail(identity: OidcIdentity, provider: OidcProviderId): string | null {
  if (identity.email) return identity.email
  if (provider !== 'psc') return null
  const local = (identity.nationalId ?? identity.subject)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 64)
  return `${local || 'professionnel'}@pro-sante-connect.invalid`
}

/** One scope per activity: its site when the referential knows it, else its legal entity. */
export function scopesOfActivities(identity: OidcIdentity, known: readonly KnownStructure[]): Scope[] {
  const scopes: Scope[] = []
  for (const activity of identity.activities) {
    const match = [activity.site, activity.legalEntity]
      .filter((f): f is string => f !== null)
      .map((f) => known.find((k) => k.finess === f))
      .find((k) => k !== undefined)
    if (!match) continue
    const scope: Scope = { kind: match.level === 'EG' ? 'eg' : 'ej', code: match.finess }
    if (!scopes.some((s) => s.kind === scope.kind && s.code === scope.code)) scopes.push(scope)
  }
  return scopes
}

function organisationOf(facts: AccountFacts, scopes: readonly Scope[]): string | null {
  const first = scopes[0]
  if (!first) return null
  const structure = facts.known.find((k) => k.finess === first.code)
  const activity = facts.identity.activities.find(
    (a) => a.site === first.code || a.legalEntity === first.code,
  )
  return (structure?.name ?? activity?.name ?? null)?.slice(0, 120) ?? null
}

export function decideAccount(facts: AccountFacts): AccountDecision {
  if (facts.linked)
    return facts.linked.disabled
      ? { kind: 'refuse', message: DISABLED }
      : { kind: 'signIn', userId: facts.linked.id }
  if (facts.sameEmail)
    return facts.sameEmail.disabled
      ? { kind: 'refuse', message: DISABLED }
      : { kind: 'link', userId: facts.sameEmail.id }
  const email = accountEmail(facts.identity, facts.provider)
  if (!email)
    return {
      kind: 'refuse',
      message: `${facts.providerLabel} n’a pas transmis d’adresse électronique : Jalon ne peut pas retrouver votre compte.`,
    }
  if (facts.provider !== 'psc')
    return {
      kind: 'refuse',
      message: `Aucun compte Jalon pour ${email} : demandez à un administrateur de le créer.`,
    }
  const numbers = [
    ...new Set(facts.identity.activities.flatMap((a) => [a.site, a.legalEntity]).filter((f) => f !== null)),
  ]
  if (numbers.length === 0)
    return {
      kind: 'refuse',
      message:
        'Pro Santé Connect n’indique aucun établissement (numéro FINESS) pour votre activité : ' +
        'demandez à un administrateur de créer votre compte Jalon.',
    }
  const scopes = scopesOfActivities(facts.identity, facts.known)
  if (scopes.length === 0)
    return {
      kind: 'refuse',
      message:
        `Aucun des établissements de votre activité (FINESS ${numbers.join(', ')}) n’est suivi dans Jalon : ` +
        'demandez à un administrateur de créer votre compte.',
    }
  return {
    kind: 'create',
    email,
    displayName: facts.identity.displayName,
    organisation: organisationOf(facts, scopes),
    scopes,
  }
}
