// The dashboard's sums of counts (INSi calls, DMP documents, MSSanté messages): each value once, at the
// level it was reported at (an EJ's messages are one value, not one per site; RULES §1), from the current
// imports, a national file winning over a region's tracker for the same value. A structure is in view when
// one of the sites in view reports through it (itself, its EJ or its FINESS PMSI).
import { expressionBuilder, sql, type Kysely, type RawBuilder } from 'kysely'
import { TRACKER_SOURCE } from '../domain/observations/observation'
import type { Database } from './schema'
import { siteFilterCondition, type SiteFilters } from './sites'

const PMSI = sql`coalesce(site.finess_pmsi_override, site.finess_pmsi_computed)`
const month = (period: string) => sql`${`${period}-01`}::date`

/** The reporting structures (level, FINESS) of the sites in view. */
function placesInView(filters: SiteFilters): RawBuilder<unknown> {
  const where = siteFilterCondition(expressionBuilder<Database, 'site'>(), filters)
  return sql`
    select 'EG' as level, site.finess_eg as finess from site where ${where}
    union select 'EJ', site.finess_ej from site where ${where}
    union select 'PMSI', ${PMSI} from site where ${where} and ${PMSI} is not null`
}

/** The values once per structure and month, between two months (inclusive). */
function valuesOnce(indicatorIds: readonly number[], from: string, to: string): RawBuilder<unknown> {
  return sql`
    select distinct on (o.indicator_id, o.period, o.level, o.finess)
           o.indicator_id, o.period, o.level, o.finess, o.value_number
    from observation o
    join source_import si on si.id = o.import_id
    join places p on p.level = o.level and p.finess = o.finess
    where si.finished_at is not null and si.replaced_by_import_id is null and o.value_number is not null
      and o.indicator_id in (${sql.join(indicatorIds)})
      and o.period >= ${month(from)} and o.period <= ${month(to)}
    order by o.indicator_id, o.period, o.level, o.finess, (si.source = ${TRACKER_SOURCE})`
}

export interface MonthlyTotalRow {
  indicator_id: number
  month: string
  total: string
}

/** Each indicator's total per month over the structures in view, for the months that have values. */
export async function monthlyTotals(
  db: Kysely<Database>,
  filters: SiteFilters,
  indicatorIds: readonly number[],
  from: string,
  to: string,
): Promise<MonthlyTotalRow[]> {
  if (indicatorIds.length === 0) return []
  const result = await sql<MonthlyTotalRow>`
    with places as (${placesInView(filters)}),
    once as (${valuesOnce(indicatorIds, from, to)})
    select indicator_id, to_char(period, 'YYYY-MM') as month, sum(value_number)::text as total
    from once group by indicator_id, period`.execute(db)
  return result.rows
}

export interface RankedRow {
  level: 'EG' | 'EJ' | 'PMSI'
  finess: string
  name: string | null
  departement: string | null
  value: string
}

/**
 * The structures in view with the highest sum of an indicator between two months (one month: its value
 * that month; from the beginning: the cumulative count), with their name and département.
 */
export async function topStructures(
  db: Kysely<Database>,
  filters: SiteFilters,
  indicatorId: number,
  from: string,
  to: string,
  limit: number,
): Promise<RankedRow[]> {
  const result = await sql<RankedRow>`
    with places as (${placesInView(filters)}),
    once as (${valuesOnce([indicatorId], from, to)}),
    ranked as (
      select level, finess, sum(value_number) as value from once
      group by level, finess
      order by value desc, level, finess
      limit ${limit}
    )
    select r.level, r.finess, r.value::text as value,
           case r.level
             when 'EG' then (select s.name from site s where s.finess_eg = r.finess)
             when 'EJ' then coalesce((select e.name from legal_entity e where e.finess_ej = r.finess),
                                     (select min(s.name) from site s where s.finess_ej = r.finess))
             else coalesce((select s.name from site s where s.finess_eg = r.finess),
                           (select e.name from legal_entity e where e.finess_ej = r.finess))
           end as name,
           case r.level
             when 'EG' then (select s.departement from site s where s.finess_eg = r.finess)
             when 'EJ' then (select min(s.departement) from site s where s.finess_ej = r.finess)
             else (select min(s.departement) from site s
                   where coalesce(s.finess_pmsi_override, s.finess_pmsi_computed) = r.finess)
           end as departement
    from ranked r
    order by r.value desc, r.level, r.finess`.execute(db)
  return result.rows
}
