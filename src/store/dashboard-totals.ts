// The dashboard's sums of counts (INSi calls, DMP documents, MSSanté messages): each value once, at the
// level it was reported at (an EJ's messages are one value, not one per site; RULES §1), from the current
// imports, a national file winning over a region's tracker for the same value. A structure is in view when
// one of the sites in view reports through it (itself, its EJ or its FINESS PMSI).
import { expressionBuilder, sql, type Kysely, type RawBuilder } from 'kysely'
import { keptMonthlyTotals, keptTotalsAnswer, summedIndicatorIds } from './monthly-totals'
import type { Database } from './schema'
import { siteFilterCondition, type SiteFilters } from './sites'
import { LABELLED_RANKING, type RankedRow } from './structure-labels'
import { PMSI_OF_SITE as PMSI, structureInView, valuesOnce } from './values-once'

const month = (period: string) => sql`${`${period}-01`}::date`

/** The reporting structures (level, FINESS) of the sites in view, each once (a site's FINESS is unique). */
export function placesInView(filters: SiteFilters): RawBuilder<unknown> {
  const where = siteFilterCondition(expressionBuilder<Database, 'site'>(), filters)
  return sql`
    select 'EG' as level, site.finess_eg as finess from site where ${where}
    union all select distinct 'EJ', site.finess_ej from site where ${where}
    union all select distinct 'PMSI', ${PMSI} from site where ${where} and ${PMSI} is not null`
}

/** The values of some indicators between two months (inclusive), once (values-once.ts). */
const between = (indicatorIds: readonly number[], from: string, to: string) => (alias: string) =>
  sql`${sql.ref(`${alias}.indicator_id`)} in (${sql.join(indicatorIds)})
    and ${sql.ref(`${alias}.period`)} >= ${month(from)} and ${sql.ref(`${alias}.period`)} <= ${month(to)}`

export interface MonthlyTotalRow {
  indicator_id: number
  month: string
  total: string
}

/**
 * Each indicator's total per month over the structures in view, for the months that have values. For
 * counts of SUMMED_INDICATORS, the sums kept by the imports answer the filters of a footprint
 * (monthly-totals.ts); other indicators (ESMS numérique amounts…), other filters or `live` read the
 * observations.
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
  if (!live && keptTotalsAnswer(filters)) {
    const kept = new Set(await summedIndicatorIds(db))
    if (indicatorIds.every((id) => kept.has(id)))
      return keptMonthlyTotals(db, filters, indicatorIds, from, to)
  }
  const result = await sql<MonthlyTotalRow>`
    with places as materialized (${placesInView(filters)})
    select indicator_id, to_char(period, 'YYYY-MM') as month, sum(value_number)::text as total
    from (${valuesOnce(between(indicatorIds, from, to))}) once
    -- A semi-join: with a join, PostgreSQL expected 20 000 matches for a million and sorted both sides on
    -- disk (7 s for four national months, 2.5 s this way).
    where exists (select 1 from places p where p.level = once.level and p.finess = once.finess)
    group by indicator_id, period`.execute(db)
  return result.rows
}

/**
 * The structures in view with the highest value of an indicator at a month, with their name and
 * département; each structure with a value is looked up among the sites in view (a few tens of thousands
 * of index reads, where listing the structures of the sites in view reads 180 000 rows).
 */
export async function topOfMonth(
  db: Kysely<Database>,
  filters: SiteFilters,
  indicatorId: number,
  period: string,
  limit: number,
): Promise<RankedRow[]> {
  const result = await sql<RankedRow>`
    with ranked as (
      select level, finess, sum(value_number) as value
      from (${valuesOnce(between([indicatorId], period, period))}) once
      where ${structureInView(filters, sql`once.level`, sql`once.finess`)}
      group by level, finess
      order by value desc, level, finess
      limit ${limit}
    )
    ${LABELLED_RANKING}`.execute(db)
  return result.rows
}
