// Averages of the grid's quantitative columns for the nation and each région: every structure counted once
// at the level it reported at (an EJ's MSSanté count is one value, not one per site), placed in the région
// of its sites.
import { sql, type Kysely } from 'kysely'
import type { ColumnSource } from './grid'
import type { Database } from './schema'
import { TRACKER_SOURCE } from '../domain/observations/observation'

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
  const result = await sql<AverageRow>`
    with places as (
      select 'EG' as level, finess_eg as finess, region from site
      union all
      select 'EJ', finess_ej, min(region) from site group by finess_ej
      union all
      select 'PMSI', coalesce(finess_pmsi_override, finess_pmsi_computed), min(region) from site
      where coalesce(finess_pmsi_override, finess_pmsi_computed) is not null
      group by coalesce(finess_pmsi_override, finess_pmsi_computed)
    ),
    vals as (
      select distinct on (indicator_id, level, finess) *
      from (${sql.join(parts, sql` union all `)}) v (indicator_id, level, finess, value_number, numerator, denominator, rank)
      where value_number is not null
      order by indicator_id, level, finess, rank
    )
    select v.indicator_id, grouping(p.region) = 1 as nation, p.region, count(*)::int as structures, sum(v.value_number)::text as total,
           sum(v.numerator)::text as numerator, sum(v.denominator)::text as denominator
    from vals v join places p on p.level = v.level and p.finess = v.finess
    group by grouping sets ((v.indicator_id, p.region), (v.indicator_id))`.execute(db)
  return result.rows
}
