// Averages of the grid's quantitative columns for the nation and each région: every structure counted once
// at the level it reported at (an EJ's MSSanté count is one value, not one per site), placed in the région
// of its sites.
import { expressionBuilder, sql, type Kysely } from 'kysely'
import type { ColumnSource } from './grid'
import type { Database } from './schema'
import { siteFilterCondition, type SiteFilters } from './sites'
import { TRACKER_SOURCE } from '../domain/observations/observation'

/** What an average is computed from. */
export type AverageSums = Pick<AverageRow, 'structures' | 'total' | 'numerator' | 'denominator'>

export interface AverageRow {
  indicator_id: number
  /** The whole nation's row (its région is null); otherwise one row per région. */
  nation: boolean
  region: string | null
  structures: number
  total: string | null
  numerator: string | null
  denominator: string | null
}

export async function columnAverages(
  db: Kysely<Database>,
  columns: readonly ColumnSource[],
): Promise<AverageRow[]> {
  const rows = await columnAveragesByArea(db, columns, 'region')
  return rows.map(({ area, ...row }) => ({ ...row, region: area }))
}

/** A row of `columnAveragesByArea`: one area's (or, with `nation`, all the areas') sums. */
export type AreaAverageRow = Omit<AverageRow, 'region'> & { area: string | null }

/**
 * The same sums per région or per département (the map), the structures placed in the area of their sites
 * (the first one's, for an EJ with sites in several); with `filters`, only the structures of the sites
 * those keep (the grid's footer takes every site).
 */
export async function columnAveragesByArea(
  db: Kysely<Database>,
  columns: readonly ColumnSource[],
  by: 'region' | 'departement',
  filters?: SiteFilters,
): Promise<AreaAverageRow[]> {
  const wanted = columns.filter((c) => c.table !== 'typed' && c.month !== null)
  if (wanted.length === 0) return []
  const parts = wanted.map((c) => {
    const at = sql`${`${c.month}-01`}::date`
    if (c.table === 'derived')
      return sql`select indicator_id, level, finess, value_number, numerator, denominator, 0 as rank
                 from derived_observation where period = ${at} and indicator_id = ${c.indicatorId}`
    if (c.importIds.length === 0)
      return sql`select null::smallint, null, null, null::numeric, null::numeric, null::numeric, 0 where false`
    return sql`select o.indicator_id, o.level, o.finess, o.value_number, o.numerator, o.denominator,
                      (si.source = ${TRACKER_SOURCE})::int as rank
               from observation o join source_import si on si.id = o.import_id
               where o.import_id in (${sql.join(c.importIds)}) and o.indicator_id = ${c.indicatorId}
                 and o.period = ${at}`
  })
  const area = sql.ref(`site.${by}`)
  const kept = filters ? siteFilterCondition(expressionBuilder<Database, 'site'>(), filters) : sql`true`
  const result = await sql<AreaAverageRow>`
    with places as (
      select 'EG' as level, finess_eg as finess, ${area} as area from site where ${kept}
      union all
      select 'EJ', finess_ej, min(${area}) from site where ${kept} group by finess_ej
      union all
      select 'PMSI', coalesce(finess_pmsi_override, finess_pmsi_computed), min(${area}) from site
      where coalesce(finess_pmsi_override, finess_pmsi_computed) is not null and ${kept}
      group by coalesce(finess_pmsi_override, finess_pmsi_computed)
    ),
    vals as (
      select distinct on (indicator_id, level, finess) *
      from (${sql.join(parts, sql` union all `)}) v (indicator_id, level, finess, value_number, numerator, denominator, rank)
      where value_number is not null
      order by indicator_id, level, finess, rank
    )
    select v.indicator_id, grouping(p.area) = 1 as nation, p.area, count(*)::int as structures, sum(v.value_number)::text as total,
           sum(v.numerator)::text as numerator, sum(v.denominator)::text as denominator
    from vals v join places p on p.level = v.level and p.finess = v.finess
    group by grouping sets ((v.indicator_id, p.area), (v.indicator_id))`.execute(db)
  return result.rows
}
