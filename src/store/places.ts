// Where a site stands for permissions (région, département, EJ, GHT), and the same rule as SQL, to keep a
// list within a user's scopes.
import type { ExpressionBuilder, Kysely } from 'kysely'
import type { Scope, StructurePlace } from '../domain/access/scope'
import type { Database } from './schema'

export async function findPlace(db: Kysely<Database>, finessEg: string): Promise<StructurePlace | undefined> {
  const site = await db
    .selectFrom('site')
    .select(['finess_eg', 'finess_ej', 'region', 'departement'])
    .where('finess_eg', '=', finessEg)
    .executeTakeFirst()
  if (!site) return undefined
  const groupings = await db
    .selectFrom('grouping_member')
    .select('grouping_id')
    .where((eb) =>
      eb.or([
        eb.and([eb('level', '=', 'EG'), eb('finess', '=', site.finess_eg)]),
        eb.and([eb('level', '=', 'EJ'), eb('finess', '=', site.finess_ej)]),
      ]),
    )
    .execute()
  return {
    finess: site.finess_eg,
    finessEj: site.finess_ej,
    region: site.region,
    departement: site.departement,
    ghts: groupings.map((g) => g.grouping_id),
  }
}

/**
 * The SQL form of `scopesCover` (src/domain/access/scope.ts) over the `site` table: null scopes mean all
 * France; an empty list, nothing.
 */
export function siteWithinScopes(eb: ExpressionBuilder<Database, 'site'>, scopes: readonly Scope[]) {
  const codes = (kind: Scope['kind']) => scopes.filter((s) => s.kind === kind).map((s) => s.code)
  if (scopes.some((s) => s.kind === 'france')) return eb.lit(true)
  const regions = codes('region')
  const departements = codes('departement')
  const ejs = codes('ej')
  const egs = codes('eg')
  const ghts = codes('ght')
  const conditions = [
    ...(regions.length ? [eb('site.region', 'in', regions)] : []),
    ...(departements.length ? [eb('site.departement', 'in', departements)] : []),
    ...(ejs.length ? [eb('site.finess_ej', 'in', ejs)] : []),
    ...(egs.length ? [eb('site.finess_eg', 'in', egs)] : []),
    ...(ghts.length
      ? [
          eb.exists(
            eb
              .selectFrom('grouping_member as m')
              .select('m.finess')
              .where('m.grouping_id', 'in', ghts)
              .where((inner) =>
                inner.or([
                  inner.and([
                    inner('m.level', '=', 'EG'),
                    inner('m.finess', '=', inner.ref('site.finess_eg')),
                  ]),
                  inner.and([
                    inner('m.level', '=', 'EJ'),
                    inner('m.finess', '=', inner.ref('site.finess_ej')),
                  ]),
                ]),
              ),
          ),
        ]
      : []),
  ]
  return conditions.length ? eb.or(conditions) : eb.lit(false)
}
