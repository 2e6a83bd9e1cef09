// Lookups the derivation of a site needs, read once per import rather than joined per row.
import type { Kysely } from 'kysely'
import type { DerivationContext } from '../domain/derive-site'
import type { Database } from './schema'

export async function loadDerivationContext(db: Kysely<Database>): Promise<DerivationContext> {
  const departements = await db.selectFrom('departement').select(['code', 'region_code']).execute()
  const categories = await db.selectFrom('category').select(['code', 'aggregate_code']).execute()
  const regionOf = new Map(departements.map((d) => [d.code, d.region_code]))
  const aggregateOf = new Map(categories.map((c) => [c.code, c.aggregate_code]))
  return {
    regionOfDepartement: (code) => regionOf.get(code) ?? null,
    aggregateOfCategory: (code) => aggregateOf.get(code) ?? null,
  }
}
