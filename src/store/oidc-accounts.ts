// What OpenID Connect sign-in needs of the database besides accounts and sessions: whether FINESS numbers
// name open sites (EG) or open legal entities (EJ), to scope an account created for a health professional;
// and forgetting sign-ins that were never completed.
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema'

export interface KnownStructureRow {
  finess: string
  level: 'EG' | 'EJ'
  name: string | null
}

export async function findOpenStructures(
  db: Kysely<Database>,
  numbers: readonly string[],
): Promise<KnownStructureRow[]> {
  if (numbers.length === 0) return []
  const codes = [...numbers]
  const [sites, entities, parents] = await Promise.all([
    db
      .selectFrom('site')
      .select(['finess_eg', 'name'])
      .where('finess_eg', 'in', codes)
      .where('closed_on', 'is', null)
      .execute(),
    db
      .selectFrom('legal_entity')
      .select(['finess_ej', 'name'])
      .where('finess_ej', 'in', codes)
      .where('closed_on', 'is', null)
      .execute(),
    // An EJ is known too when open sites of the referential belong to it, even if its own line is missing:
    // an `ej` scope then covers those sites.
    db
      .selectFrom('site')
      .select('finess_ej')
      .distinct()
      .where('finess_ej', 'in', codes)
      .where('closed_on', 'is', null)
      .execute(),
  ])
  const named = new Map(entities.map((e) => [e.finess_ej, e.name]))
  const ejs = new Set([...entities.map((e) => e.finess_ej), ...parents.map((p) => p.finess_ej)])
  return [
    ...sites.map((s) => ({ finess: s.finess_eg, level: 'EG' as const, name: s.name })),
    ...[...ejs].map((finess) => ({ finess, level: 'EJ' as const, name: named.get(finess) ?? null })),
  ]
}

/** Sign-ins abandoned on the provider's page are forgotten after a while, so that the table does not grow. */
export async function deleteStaleOidcPending(db: Kysely<Database>, maxAgeSeconds: number): Promise<void> {
  await db
    .deleteFrom('oidc_pending')
    .where(sql<boolean>`created_at <= now() - make_interval(secs => ${maxAgeSeconds})`)
    .execute()
}
