// The cumulative totals of CUMULATED_INDICATORS per structure and month, with the month's value (migrations
// 0009, 0011), rewritten in the transaction of each import that changes them, from the first month it
// changes on; read to rank the structures in view at a month, to date or in the month.
import { sql, type Kysely, type RawBuilder } from 'kysely'
import { CUMULATED_INDICATORS } from '../domain/observations/indicators'
import type { Session } from './database'
import { indicatorIdsOf } from './observations'
import type { Database } from './schema'
import type { SiteFilters } from './sites'
import { LABELLED_RANKING, type RankedRow } from './structure-labels'
import { structureInView, valuesOnce } from './values-once'

const date = (month: string) => sql`${`${month}-01`}::date`

const cumulatedIds = (db: Kysely<Database>) => indicatorIdsOf(db, CUMULATED_INDICATORS)

/** The first month the imports hold cumulated values for, or null when they hold none. */
export async function firstCumulatedMonth(
  session: Session,
  importIds: readonly number[],
): Promise<string | null> {
  const ids = await cumulatedIds(session.db)
  if (ids.length === 0) return null
  const result = await sql<{ month: string | null }>`
    select to_char(min(period), 'YYYY-MM') as month from observation
    where import_id in (${sql.join(importIds)}) and indicator_id in (${sql.join(ids)})`.execute(session.db)
  return result.rows[0]?.month ?? null
}

/**
 * Rewrites the cumulative totals from a month on (an import's first month with such values), or all of
 * them. Each structure's total at a month is its total the month before (kept) plus its values since.
 */
export async function refreshCumulativeTotals(session: Session, from: string | 'all'): Promise<void> {
  const ids = await cumulatedIds(session.db)
  if (ids.length === 0) return
  const since = from === 'all' ? sql`true` : sql`period >= ${date(from)}`
  await sql`delete from cumulative_total where indicator_id in (${sql.join(ids)}) and ${since}`.execute(
    session.db,
  )
  const before = from === 'all' ? sql`null::date` : sql`(${date(from)} - interval '1 month')::date`
  await sql`
    with vals as (
      select indicator_id, level, finess, period, sum(value_number) as v
      from (${valuesOnce(
        (alias) => sql`${sql.ref(`${alias}.indicator_id`)} in (${sql.join(ids)})
          and ${from === 'all' ? sql`true` : sql`${sql.ref(`${alias}.period`)} >= ${date(from)}`}`,
      )}) once
      group by indicator_id, level, finess, period
    ),
    base as (
      select indicator_id, level, finess, total from cumulative_total
      where indicator_id in (${sql.join(ids)}) and period = ${before}
    ),
    structures as (
      select indicator_id, level, finess, min(period) as first
      from (
        select indicator_id, level, finess, period from vals
        union all select indicator_id, level, finess, ${before} from base
      ) x
      group by indicator_id, level, finess
    ),
    months as (
      select generate_series(
        ${from === 'all' ? sql`(select min(period) from vals)` : date(from)},
        (select max(period) from vals), interval '1 month')::date as period
    )
    insert into cumulative_total (indicator_id, period, level, finess, total, month_total)
    select s.indicator_id, m.period, s.level, s.finess,
           coalesce(b.total, 0) + coalesce(sum(v.v) over running, 0), v.v
    from structures s
    join months m on m.period >= s.first
    left join vals v
      on v.indicator_id = s.indicator_id and v.level = s.level and v.finess = s.finess and v.period = m.period
    left join base b on b.indicator_id = s.indicator_id and b.level = s.level and b.finess = s.finess
    window running as (partition by s.indicator_id, s.level, s.finess order by m.period)`.execute(session.db)
}

/**
 * The kept rows of one month in order of a column (the running total or the month's value), each looked up
 * among the sites in view until `limit` are found, with their name and département.
 */
async function rankedKept(
  db: Kysely<Database>,
  filters: SiteFilters,
  indicatorId: number,
  period: RawBuilder<unknown>,
  by: 'total' | 'month_total',
  limit: number,
): Promise<RankedRow[]> {
  const value = sql.ref(`c.${by}`)
  const result = await sql<RankedRow>`
    with ranked as (
      select c.level, c.finess, ${value} as value from cumulative_total c
      where c.indicator_id = ${indicatorId} and c.period = ${period} and ${value} is not null
        and ${structureInView(filters, sql`c.level`, sql`c.finess`)}
      order by ${value} desc, c.level, c.finess
      limit ${limit}
    )
    ${LABELLED_RANKING}`.execute(db)
  return result.rows
}

/**
 * The structures in view with the highest value in a month, as `topOfMonth` ranks them live (an indicator
 * of CUMULATED_INDICATORS).
 */
export function topOfMonthKept(
  db: Kysely<Database>,
  filters: SiteFilters,
  indicatorId: number,
  month: string,
  limit: number,
): Promise<RankedRow[]> {
  return rankedKept(db, filters, indicatorId, date(month), 'month_total', limit)
}

/** The structures in view with the highest cumulative total at a month. */
export function topCumulated(
  db: Kysely<Database>,
  filters: SiteFilters,
  indicatorId: number,
  month: string,
  limit: number,
): Promise<RankedRow[]> {
  // Rows go as far as the last month with a value: after it, totals are those of that month.
  const latest = sql`(select max(period) from cumulative_total
    where indicator_id = ${indicatorId} and period <= ${date(month)})`
  return rankedKept(db, filters, indicatorId, latest, 'total', limit)
}
