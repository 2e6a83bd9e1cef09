// What the referential knows of FINESS numbers, read once per import to reconcile a source file's rows.
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema'

export interface KnownFiness {
  /** Sites by FINESS EG, with their closing date. */
  sites: Map<string, string | null>
  /** Legal entities by FINESS EJ: null while one of their sites is open, else the last closing date. */
  legalEntities: Map<string, string | null>
  /** FINESS PMSI numbers (override or rule of RULES §1), closed like legal entities. */
  pmsi: Map<string, string | null>
}

export async function loadKnownFiness(db: Kysely<Database>): Promise<KnownFiness> {
  const sites = await db.selectFrom('site').select(['finess_eg', 'closed_on']).execute()
  const grouped = async (column: ReturnType<typeof sql>) =>
    (
      await sql<{ finess: string; closed_on: string | null }>`
        select ${column} as finess,
               case when bool_or(closed_on is null) then null else max(closed_on) end as closed_on
        from site where ${column} is not null group by 1`.execute(db)
    ).rows
  const legalEntities = await grouped(sql`finess_ej`)
  const pmsi = await grouped(sql`coalesce(finess_pmsi_override, finess_pmsi_computed)`)
  // Legal entities known only from FiNESS+ (no site yet) are known too.
  const entities = await db.selectFrom('legal_entity').select(['finess_ej', 'closed_on']).execute()
  const ej = new Map(legalEntities.map((r) => [r.finess, r.closed_on]))
  for (const e of entities) if (!ej.has(e.finess_ej)) ej.set(e.finess_ej, e.closed_on)
  return {
    sites: new Map(sites.map((s) => [s.finess_eg, s.closed_on])),
    legalEntities: ej,
    pmsi: new Map(pmsi.map((r) => [r.finess, r.closed_on])),
  }
}
