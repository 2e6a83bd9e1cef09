// The accounts the follow-up action suites sign in, on seed 002's sites: two regional contributors of
// Nouvelle-Aquitaine (75: Dordogne and Charente), one of Auvergne-Rhône-Alpes (84: the Ain), an observer of
// 75, the EJ of Bergerac and a national contributor.
import type { FastifyInstance } from 'fastify'
import type { Store } from '../../src/store/database'
import { signIn, type ApiClient } from './api-session'

export interface ActionAccounts {
  regional: ApiClient
  /** A second regional contributor of 75, who can be put in charge of the first one's actions. */
  colleague: ApiClient
  regionalAura: ApiClient
  observer: ApiClient
  establishment: ApiClient
  national: ApiClient
}

export async function signInActionAccounts(app: FastifyInstance, store: Store): Promise<ActionAccounts> {
  const region75 = [{ kind: 'region' as const, code: '75' }]
  return {
    regional: await signIn(app, store, { role: 'regional', scopes: region75, displayName: 'Rose Le Goff' }),
    colleague: await signIn(app, store, { role: 'regional', scopes: region75, displayName: 'Yann Guével' }),
    regionalAura: await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: '84' }] }),
    observer: await signIn(app, store, { role: 'observer', scopes: region75 }),
    establishment: await signIn(app, store, {
      role: 'establishment',
      scopes: [{ kind: 'ej', code: '240000059' }],
    }),
    national: await signIn(app, store, { role: 'national', displayName: 'Agence nationale' }),
  }
}
