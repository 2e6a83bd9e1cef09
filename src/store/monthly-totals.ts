// The monthly sums of the counts dashboards add up (SUMMED_INDICATORS), kept per footprint of the reporting
// structures (migration 0008 says what a footprint is and why). Written in the transaction of each import
// that changes them, read by the dashboards for the filters a footprint answers: région, département,
// sector, category and scopes of région or département, on open sites. Any other filter (a GHT, a legal
// entity, a search) goes through the live query of dashboard-totals.ts, which gives the same figures.
import { expressionBuilder, sql, type Kysely, type RawBuilder } from 'kysely'
import { SUMMED_INDICATORS } from '../domain/observations/indicators'
import type { Session } from './database'
import { importedValues, indicatorIdsOf } from './observations'
import type { Database } from './schema'
import { siteFilterCondition, type SiteFilters } from './sites'
import { PMSI_OF_SITE, structureInView, valuesOnce } from './values-once'

/** Each reporting structure of an open site with its footprint, or null ones when it has several. */
const FOOTPRINTS = sql`
  select level, finess,
         case when single then region end as region, case when single then departement end as departement,
         case when single then sector end as sector, case when single then category_code end as category_code,
         single, case when not single then regions end as regions,
         case when not single then departements end as departements,
         case when not single then categories end as categories
  from (
    select level, finess, min(region) as region, min(departement) as departement, min(sector) as sector,
           min(category_code) as category_code, array_agg(distinct region) as regions,
           array_agg(distinct departement) as departements, array_agg(distinct category_code) as categories,
           count(distinct (coalesce(region, ''), coalesce(departement, ''), coalesce(sector, ''),
                           coalesce(category_code, ''))) = 1 as single
    from (
      select 'EG' as level, site.finess_eg as finess, region, departement, sector, category_code
      from site where site.closed_on is null
      union all
      select 'EJ', site.finess_ej, region, departement, sector, category_code
      from site where site.closed_on is null
      union all
      select 'PMSI', ${PMSI_OF_SITE}, region, departement, sector, category_code
      from site where site.closed_on is null and ${PMSI_OF_SITE} is not null
    ) place
    group by level, finess
  ) f`

/** What to rewrite: some months (or all), of some summed indicators (or all), reported at one level or all. */
export interface TotalsChange {
  months: readonly string[] | 'all'
  indicatorIds?: readonly number[]
  level?: 'EG' | 'EJ' | 'PMSI'
}

const date = (month: string) => sql`${`${month}-01`}::date`

/** The rows of `alias` a change covers, among the summed indicators (their ids, as values for the planner). */
function changed(change: TotalsChange, alias: string, summed: readonly number[]): RawBuilder<unknown> {
  const column = (name: string) => sql.ref(`${alias}.${name}`)
  const all = [sql`${column('indicator_id')} in (${sql.join(summed.length > 0 ? summed : [-1])})`]
  if (change.months !== 'all') all.push(sql`${column('period')} in (${sql.join(change.months.map(date))})`)
  if (change.indicatorIds) all.push(sql`${column('indicator_id')} in (${sql.join(change.indicatorIds)})`)
  if (change.level) all.push(sql`${column('level')} = ${change.level}`)
  return sql.join(all, sql` and `)
}

export const summedIndicatorIds = (db: Kysely<Database>) => indicatorIdsOf(db, SUMMED_INDICATORS)

/**
 * What an import changes: the summed indicators it and the import it replaces hold, in their months;
 * null when they hold none (Ségur orders, programme results…).
 */
export async function importedTotals(
  session: Session,
  importIds: readonly number[],
): Promise<TotalsChange | null> {
  return importedValues(session, importIds, await summedIndicatorIds(session.db))
}

/**
 * Rewrites the kept sums: those an import changed (importedTotals), every month's after the referential
 * changed (sites opened, closed, moved), the values reported at FINESS PMSI level after a site's FINESS
 * PMSI changed. The national totals of the months are added up again from the footprints.
 */
export async function refreshMonthlyTotals(session: Session, change: TotalsChange): Promise<void> {
  if (change.months !== 'all' && change.months.length === 0) return
  const summed = await summedIndicatorIds(session.db)
  await sql`delete from monthly_total m where ${changed(change, 'm', summed)}`.execute(session.db)
  await sql`
    with once as (${valuesOnce((alias) => changed(change, alias, summed))}),
    placed as (
      select once.*, f.single, f.region, f.departement, f.sector, f.category_code, f.regions,
             f.departements, f.categories
      from once join (${FOOTPRINTS}) f on f.level = once.level and f.finess = once.finess
    )
    insert into monthly_total
      (period, indicator_id, region, departement, sector, category_code, level, finess, regions,
       departements, categories, total)
    select period, indicator_id, region, departement, sector, category_code, level, null, null, null, null,
           sum(value_number)
    from placed where single
    group by period, indicator_id, region, departement, sector, category_code, level
    union all
    select period, indicator_id, null, null, null, null, level, finess, regions, departements, categories,
           value_number
    from placed where not single`.execute(session.db)
  const national = { months: change.months, indicatorIds: change.indicatorIds }
  await sql`delete from monthly_national_total m where ${changed(national, 'm', summed)}`.execute(session.db)
  await sql`
    insert into monthly_national_total (period, indicator_id, total)
    select m.period, m.indicator_id, sum(m.total) from monthly_total m
    where ${changed(national, 'm', summed)}
    group by m.period, m.indicator_id`.execute(session.db)
}

/** Whether the kept sums answer these filters (see the header). */
export function keptTotalsAnswer(filters: SiteFilters): boolean {
  return (
    filters.status === 'open' &&
    !filters.q &&
    !filters.ej &&
    !filters.ght &&
    (filters.within ?? []).every((s) => ['france', 'region', 'departement'].includes(s.kind))
  )
}

/** France without filters: all open sites. */
export function isNational(filters: SiteFilters): boolean {
  const within = filters.within ?? null
  return (
    !filters.region &&
    !filters.departement &&
    !filters.sector &&
    !filters.category &&
    (within === null || within.some((s) => s.kind === 'france'))
  )
}

/**
 * The régions (or départements) the sites in view lie in, when the filters say: the filter, or scopes all
 * of that kind. A multi-footprint structure outside them is not looked up.
 */
function scopeCodes(filters: SiteFilters, kind: 'region' | 'departement'): string[] | null {
  const filter = kind === 'region' ? filters.region : filters.departement
  if (filter) return [filter]
  const within = filters.within ?? null
  if (within === null || within.length === 0 || within.some((s) => s.kind !== kind)) return null
  return within.map((s) => s.code)
}

export interface KeptTotalRow {
  indicator_id: number
  month: string
  total: string
}

/**
 * Each indicator's total per month over the structures in view, from the kept sums: the footprints in
 * view, and the structures of several footprints that have a site in view.
 */
export async function keptMonthlyTotals(
  db: Kysely<Database>,
  filters: SiteFilters,
  indicatorIds: readonly number[],
  from: string,
  to: string,
): Promise<KeptTotalRow[]> {
  if (indicatorIds.length === 0) return []
  const wanted = (alias: string) => sql`
    ${sql.ref(`${alias}.indicator_id`)} in (${sql.join(indicatorIds)})
    and ${sql.ref(`${alias}.period`)} between ${`${from}-01`}::date and ${`${to}-01`}::date`
  if (isNational(filters)) {
    const national = await sql<KeptTotalRow>`
      select n.indicator_id, to_char(n.period, 'YYYY-MM') as month, n.total::text as total
      from monthly_national_total n where ${wanted('n')}`.execute(db)
    return national.rows
  }
  // The footprint rows carry the site columns the filters read, under the same names.
  const onFootprint = siteFilterCondition(expressionBuilder<Database, 'site'>(), {
    ...filters,
    status: 'all',
  })
  const among = (column: string, codes: string[] | null) =>
    codes === null ? sql`true` : sql`${sql.ref(`t.${column}`)} && ${sql.val(codes)}::text[]`
  const narrowed = sql`${among('regions', scopeCodes(filters, 'region'))}
    and ${among('departements', scopeCodes(filters, 'departement'))}
    and ${among('categories', filters.category ? [filters.category] : null)}`
  const result = await sql<KeptTotalRow>`
    select indicator_id, to_char(period, 'YYYY-MM') as month, sum(total)::text as total
    from (
      select site.indicator_id, site.period, site.total from monthly_total site
      where site.finess is null and ${wanted('site')} and ${onFootprint}
      union all
      select t.indicator_id, t.period, t.total from monthly_total t
      where t.finess is not null and ${wanted('t')} and ${narrowed}
        and ${structureInView(filters, sql`t.level`, sql`t.finess`)}
    ) kept
    group by indicator_id, period`.execute(db)
  return result.rows
}
