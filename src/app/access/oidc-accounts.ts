// The account an OpenID Connect identity signs in to: looks up the facts, lets `decideAccount` decide, then
// ties the identity or creates the account, each journaled.
import type { SessionUser } from '../../domain/contract/access'
import { findUserByEmail, findUserByIdentity, insertIdentity } from '../../store/accounts'
import { insertAuditEvents } from '../../store/audit'
import type { Store } from '../../store/database'
import { findOpenStructures } from '../../store/oidc-accounts'
import type { Actor } from './actor'
import type { OidcIdentity } from './oidc-claims'
import { accountEmail, decideAccount } from './oidc-mapping'
import type { OidcProviderSettings } from './oidc-settings'
import { createUser, findSessionUser } from './users'

/** A sign-in refused for a reason the person can read (French), as opposed to a technical failure. */
export class OidcRefusal extends Error {}

const summary = (row: { id: number; disabled_at: string | null } | undefined) =>
  row ? { id: row.id, disabled: row.disabled_at !== null } : undefined

async function linkIdentity(
  store: Store,
  provider: OidcProviderSettings,
  identity: OidcIdentity,
  user: { id: number; email: string },
): Promise<void> {
  await store.transaction(async (session) => {
    await insertIdentity(session, provider.id, identity.subject, user.id)
    await insertAuditEvents(session, [
      {
        // The provider vouches for the identity: it is the one who ties it, not an administrator.
        actorId: null,
        actorLabel: provider.label,
        action: 'identity.link',
        entityKind: 'user',
        entityId: String(user.id),
        after: { user: user.email, provider: provider.id, subject: identity.subject },
      },
    ])
  })
}

export async function resolveOidcAccount(
  store: Store,
  provider: OidcProviderSettings,
  identity: OidcIdentity,
): Promise<SessionUser> {
  const email = accountEmail(identity, provider.id)
  const numbers = identity.activities.flatMap((a) => [a.site, a.legalEntity]).filter((f) => f !== null)
  const [linked, sameEmail, known] = await Promise.all([
    findUserByIdentity(store.db, provider.id, identity.subject),
    email ? findUserByEmail(store.db, email) : undefined,
    findOpenStructures(store.db, numbers),
  ])
  const decision = decideAccount({
    provider: provider.id,
    providerLabel: provider.label,
    identity,
    linked: summary(linked),
    sameEmail: summary(sameEmail),
    known,
  })
  let userId: number
  switch (decision.kind) {
    case 'refuse':
      throw new OidcRefusal(decision.message)
    case 'signIn':
      userId = decision.userId
      break
    case 'link':
      await linkIdentity(store, provider, identity, { id: decision.userId, email: sameEmail?.email ?? '' })
      userId = decision.userId
      break
    case 'create': {
      const actor: Actor = { id: null, label: provider.label }
      const created = await createUser(store, actor, {
        email: decision.email,
        displayName: decision.displayName,
        role: 'establishment',
        organisation: decision.organisation,
        scopes: decision.scopes,
      })
      await linkIdentity(store, provider, identity, created)
      userId = created.id
      break
    }
  }
  const user = await findSessionUser(store, userId)
  if (!user) throw new OidcRefusal('Votre compte Jalon est désactivé : adressez-vous à un administrateur.')
  return user
}
