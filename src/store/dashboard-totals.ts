// The dashboard's sums of counts (INSi calls, DMP documents, MSSanté messages): each value once, at the
// level it was reported at (an EJ's messages are one value, not one per site; RULES §1), from the current
// imports, a national file winning over a region's tracker for the same value. A structure is in view when
// one of the sites in view reports through it (itself, its EJ or its FINESS PMSI).
import { expressionBuilder, sql, type Kysely, type RawBuilder } from 'kysely'
import { TRACKER_SOURCE } from '../domain/observations/observation'
import { keptMonthlyTotals, keptTotalsAnswer } from './monthly-totals'
import type { Database } from './schema'
import { siteFilterCondition, type SiteFilters } from './sites'
import { structureDepartement, structureName } from './structure-labels'

const PMSI = sql`coalesce(site.finess_pmsi_override, site.finess_pmsi_computed)`
const month = (period: string) => sql`${`${period}-01`}::date`

/** The reporting structures (level, FINESS) of the sites in view, each once (a site's FINESS is unique). */
export function placesInView(filters: SiteFilters): RawBuilder<unknown> {
  const where = siteFilterCondition(expressionBuilder<Database, 'site'>(), filters)
  return sql`
    select 'EG' as level, site.finess_eg as finess from site where ${where}
    union all select distinct 'EJ', site.finess_ej from site where ${where}
    union all select distinct 'PMSI', ${PMSI} from site where ${where} and ${PMSI} is not null`
}

/**
 * The values once per structure and month, between two months (inclusive): the national files' (one value
 * per structure, indicator and month), and a tracker's where no national file gives that value. Read from
 * each current import through the observations' primary key (import, indicator) and added up by hashing,
 * never sorting the national history.
 */
function valuesOnce(indicatorIds: readonly number[], from: string, to: string): RawBuilder<unknown> {
  const current = (alias: string) =>
    sql`${sql.ref(`${alias}.finished_at`)} is not null and ${sql.ref(`${alias}.replaced_by_import_id`)} is null`
  const wanted = (alias: string) =>
    sql`${sql.ref(`${alias}.indicator_id`)} in (${sql.join(indicatorIds)})
      and ${sql.ref(`${alias}.value_number`)} is not null
      and ${sql.ref(`${alias}.period`)} >= ${month(from)} and ${sql.ref(`${alias}.period`)} <= ${month(to)}`
  // A semi-join: with a join, PostgreSQL expected 20 000 matches for a million and sorted both sides on
  // disk (7 s for four national months, 2.5 s this way).
  const inView = (alias: string) =>
    sql`exists (select 1 from places p where p.level = ${sql.ref(`${alias}.level`)} and p.finess = ${sql.ref(`${alias}.finess`)})`
  return sql`
    select o.indicator_id, o.period, o.level, o.finess, o.value_number
    from source_import si
    join observation o on o.import_id = si.id
    where ${current('si')} and si.source <> ${TRACKER_SOURCE} and ${wanted('o')} and ${inView('o')}
    union all
    select t.indicator_id, t.period, t.level, t.finess, t.value_number
    from source_import ti
    join observation t on t.import_id = ti.id
    where ${current('ti')} and ti.source = ${TRACKER_SOURCE} and ${wanted('t')} and ${inView('t')}
      and not exists (
        select 1 from observation n join source_import ni on ni.id = n.import_id
        where ${current('ni')} and ni.source <> ${TRACKER_SOURCE} and n.indicator_id = t.indicator_id
          and n.level = t.level and n.finess = t.finess and n.period = t.period)`
}

export interface MonthlyTotalRow {
  indicator_id: number
  month: string
  total: string
}

/**
 * Each indicator's total per month over the structures in view, for the months that have values. The
 * indicators are counts of SUMMED_INDICATORS: their sums kept by the imports answer the filters of a
 * footprint (monthly-totals.ts); `live` reads the observations whatever the filters.
 */
export async function monthlyTotals(
  db: Kysely<Database>,
  filters: SiteFilters,
  indicatorIds: readonly number[],
  from: string,
  to: string,
  live = false,
): Promise<MonthlyTotalRow[]> {
  if (indicatorIds.length === 0) return []
  if (!live && keptTotalsAnswer(filters)) return keptMonthlyTotals(db, filters, indicatorIds, from, to)
  const result = await sql<MonthlyTotalRow>`
    with places as materialized (${placesInView(filters)}),
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
    with places as materialized (${placesInView(filters)}),
    once as (${valuesOnce([indicatorId], from, to)}),
    ranked as (
      select level, finess, sum(value_number) as value from once
      group by level, finess
      order by value desc, level, finess
      limit ${limit}
    )
    select r.level, r.finess, r.value::text as value,
           ${structureName(sql.ref('r.level'), sql.ref('r.finess'))} as name,
           ${structureDepartement(sql.ref('r.level'), sql.ref('r.finess'))} as departement
    from ranked r
    order by r.value desc, r.level, r.finess`.execute(db)
  return result.rows
}
