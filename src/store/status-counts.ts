// The counts of sites per column value kept for the dashboards (migration 0010 says what a row is and
// why): written for one month at a time from the live count (`valueCountsQuery`) grouped by footprint,
// read for the filters a footprint answers, the same as the kept sums' (`keptTotalsAnswer`).
import { expressionBuilder, sql, type Kysely } from 'kysely'
import { COUNTED_COLUMNS } from '../domain/grid/counted-columns'
import { TRACKER_SOURCE } from '../domain/observations/observation'
import { valueCountsQuery, type ValueCountRow } from './column-counts'
import type { Session } from './database'
import type { ColumnSource } from './grid'
import { isNational } from './monthly-totals'
import { indicatorIdsOf } from './observations'
import type { Database } from './schema'
import { siteFilterCondition, type SiteFilters } from './sites'
import { PMSI_OF_SITE } from './values-once'

const date = (month: string) => sql`${`${month}-01`}::date`

/** The counted columns' indicator ids, or only those the rules engine computes. */
export function countedIndicatorIds(db: Kysely<Database>, computedOnly = false): Promise<number[]> {
  const columns = COUNTED_COLUMNS.filter((c) => !computedOnly || c.entry === 'computed')
  return indicatorIdsOf(
    db,
    columns.map((c) => c.key),
  )
}

/** The months tracker values are given for: a tracker tab carries months older than its own. */
export async function trackerValueMonths(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ month: string }>`
    select distinct to_char(o.period, 'YYYY-MM') as month
    from source_import si join observation o on o.import_id = si.id
    where si.source = ${TRACKER_SOURCE} and si.finished_at is not null and si.replaced_by_import_id is null
    order by month`.execute(db)
  return rows.rows.map((r) => r.month)
}

/** Forgets every kept count (before they are all written again). */
export async function clearStatusCounts(session: Session): Promise<void> {
  await sql`delete from status_count`.execute(session.db)
  await sql`delete from status_national_count`.execute(session.db)
}

/** One footprint: the site columns a kept count is grouped by. */
export interface Footprint {
  region: string | null
  departement: string | null
  sector: string | null
  category_code: string | null
}

const FOOTPRINT_COLUMNS = ['region', 'departement', 'sector', 'category_code'] as const

/** The rows of `alias` (a site or a kept count) in one footprint, its nulls included. */
const inFootprint = (alias: string, footprint: Footprint | undefined) =>
  footprint === undefined
    ? sql`true`
    : sql.join(
        FOOTPRINT_COLUMNS.map((c) => sql`${sql.ref(`${alias}.${c}`)} is not distinct from ${footprint[c]}`),
        sql` and `,
      )

/** The footprint of a site. */
export async function footprintOf(db: Kysely<Database>, finessEg: string): Promise<Footprint | undefined> {
  return db.selectFrom('site').select(FOOTPRINT_COLUMNS).where('finess_eg', '=', finessEg).executeTakeFirst()
}

/**
 * Rewrites the counts of `indicatorIds` at `month`, of every footprint or of one: from `sources`, those of
 * these columns whose values the grid reads at this month (a column read at another month keeps no count
 * for this one).
 */
export async function writeStatusCounts(
  session: Session,
  month: string,
  indicatorIds: readonly number[],
  sources: readonly ColumnSource[],
  footprint?: Footprint,
): Promise<void> {
  if (indicatorIds.length === 0) return
  const these = sql`indicator_id in (${sql.join(indicatorIds)}) and period = ${date(month)}`
  await sql`delete from status_count k where ${these} and ${inFootprint('k', footprint)}`.execute(session.db)
  await sql`delete from status_national_count where ${these}`.execute(session.db)
  await writeCounts(session, month, sources, footprint)
  await sql`
    insert into status_national_count (period, indicator_id, value, sites)
    select period, indicator_id, value, sum(sites) from status_count where ${these}
    group by period, indicator_id, value`.execute(session.db)
}

/** The open sites of one footprint, and the FINESS numbers they read values at (EG, EJ, FINESS PMSI). */
async function footprintStructures(session: Session, footprint: Footprint) {
  const sites = inFootprint('site', footprint)
  const rows = await sql<{ finess: string }>`
    select site.finess_eg as finess from site where site.closed_on is null and ${sites}
    union select site.finess_ej from site where site.closed_on is null and ${sites}
    union select ${PMSI_OF_SITE} from site
    where site.closed_on is null and ${sites} and ${PMSI_OF_SITE} is not null`.execute(session.db)
  return { sites, structures: rows.rows.map((r) => r.finess) }
}

/** Inserts the counts of the sources read at `month`, of every footprint or of one. */
async function writeCounts(
  session: Session,
  month: string,
  sources: readonly ColumnSource[],
  footprint: Footprint | undefined,
): Promise<void> {
  const read = sources.filter((s) => s.month === month && s.table !== 'typed')
  if (read.length === 0) return
  const positions = sql.join(read.map((s, i) => sql`(${i}::int, ${s.indicatorId}::smallint)`))
  const few = footprint === undefined ? null : await footprintStructures(session, footprint)
  const counts = valueCountsQuery({ status: 'open' }, month, read, FOOTPRINT_COLUMNS, few)
  await sql`
    insert into status_count (period, indicator_id, region, departement, sector, category_code, value, sites)
    select ${date(month)}, c.indicator_id, k.region, k.departement, k.sector, k.category_code, k.value, k.sites
    from (${counts}) k join (values ${positions}) c (position, indicator_id) on c.position = k.position`.execute(
    session.db,
  )
}

/**
 * `valueCounts` from the kept counts, for columns whose counts are kept (stored values, read at a month)
 * and filters `keptTotalsAnswer` accepts.
 */
export async function keptValueCounts(
  db: Kysely<Database>,
  filters: SiteFilters,
  columns: readonly ColumnSource[],
  groupBy: 'category_code' | null = null,
): Promise<ValueCountRow[]> {
  const read = columns.flatMap((c, position) =>
    c.month === null ? [] : [sql`(${position}::int, ${c.indicatorId}::smallint, ${date(c.month)})`],
  )
  if (read.length === 0) return []
  const wanted = sql`(values ${sql.join(read)}) c (position, indicator_id, period)`
  const grouping = groupBy === null ? sql`null::text` : sql.ref(`site.${groupBy}`)
  const result =
    isNational(filters) && groupBy === null
      ? await sql<ValueCountRow>`
          select c.position, null::text as grouping, n.value, n.sites
          from ${wanted} join status_national_count n
            on n.indicator_id = c.indicator_id and n.period = c.period`.execute(db)
      : // The footprint rows carry the site columns the filters read, under the same names.
        await sql<ValueCountRow>`
          select c.position, ${grouping} as grouping, site.value, sum(site.sites)::int as sites
          from ${wanted} join status_count site
            on site.indicator_id = c.indicator_id and site.period = c.period
          where ${siteFilterCondition(expressionBuilder<Database, 'site'>(), { ...filters, status: 'all' })}
          group by c.position, ${grouping}, site.value`.execute(db)
  return result.rows.map((r) => ({ ...r, position: Number(r.position), sites: Number(r.sites) }))
}
