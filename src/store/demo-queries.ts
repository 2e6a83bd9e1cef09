// What the demo source generator needs of the referential: the open sites of one région with the FINESS
// numbers a source may report at and what decides which sources name them (category, sector).
import type { Kysely } from 'kysely'
import type { Database } from './schema'

export interface DemoSite {
  finessEg: string
  finessEj: string
  finessPmsi: string | null
  name: string
  categoryCode: string | null
  sector: string
  departement: string | null
}

/** Open sites of a région, by FINESS EG, so that the generator sees them in a stable order. */
export async function listDemoSites(db: Kysely<Database>, region: string): Promise<DemoSite[]> {
  const rows = await db
    .selectFrom('site')
    .select(['finess_eg', 'finess_ej', 'finess_pmsi_computed', 'finess_pmsi_override', 'name'])
    .select(['category_code', 'sector', 'departement'])
    .where('region', '=', region)
    .where('closed_on', 'is', null)
    .orderBy('finess_eg')
    .execute()
  return rows.map((r) => ({
    finessEg: r.finess_eg,
    finessEj: r.finess_ej,
    finessPmsi: r.finess_pmsi_override ?? r.finess_pmsi_computed,
    name: r.name,
    categoryCode: r.category_code,
    sector: r.sector,
    departement: r.departement,
  }))
}
