// Counts of sites per value of many grid columns in one pass, for the dashboard at national scale. The grid
// reads a site's value through a left join per column and level (`columnJoins`): right for a page of sites,
// but counting 95 000 sites that way scans and hashes the referential once per column. Here the sites in
// view are read once, each column's values at its month are read once (a small slice of the observations),
// matched to the sites at the level they were reported at, and the grid's precedence kept: a site's own
// value, else its legal entity's, else its FINESS PMSI's (coalesce in `columnJoins`); typed values as the
// grid holds them. Sites without a value are the rest of the sites in view (the grid's `empty`).
import { expressionBuilder, sql, type Kysely, type RawBuilder } from 'kysely'
import type { ColumnSource } from './grid'
import type { Database } from './schema'
import { siteFilterCondition, type SiteFilters } from './sites'

const date = (month: string) => sql`${`${month}-01`}::date`

/** Imported and computed values: one row per (level, FINESS) with a value at the column's month. */
function storedSlice(
  column: ColumnSource,
  position: number,
  structures: readonly string[] | null,
): RawBuilder<unknown> {
  if (column.month === null) return sql`select null::int, null::text, null::text, null::text where false`
  const table = column.table === 'derived' ? sql`derived_observation` : sql`observation`
  const imports =
    column.table === 'derived'
      ? sql`true`
      : column.importIds.length === 0
        ? sql`false`
        : sql`import_id in (${sql.join(column.importIds)})`
  const where = sql`${imports} and indicator_id = ${column.indicatorId} and period = ${date(column.month)}
      and level in ('EG', 'EJ', 'PMSI')
      ${structures === null ? sql`` : sql`and finess = any(${structures}::text[])`}`
  // One value per structure already when the keys say so (derived values; one import): no grouping.
  if (column.table === 'derived' || column.importIds.length === 1)
    return sql`
      select ${position}::int, level, finess, coalesce(value_text, value_number::text)
      from ${table} where ${where}`
  return sql`
    select ${position}::int, level, finess, coalesce(max(value_text), max(value_number)::text)
    from ${table} where ${where}
    group by level, finess`
}

/** Typed values: the latest at or before the point per site, a tracker's giving the older ones. */
function typedSlice(column: ColumnSource, period: string, position: number): RawBuilder<unknown> {
  const trackers =
    column.importIds.length === 0 ? sql`false` : sql`o.import_id in (${sql.join(column.importIds)})`
  return sql`
    select ${position}::int, 'EG', v.finess, v.value_text from (
      select distinct on (v.finess) v.finess, v.value_text
      from (
        select e.finess, e.period, e.value_text, 0 as rank from field_entry e
        where e.indicator_id = ${column.indicatorId} and e.period <= ${date(period)}
        union all
        select o.finess, o.period, coalesce(o.value_text, o.value_number::text), 1 from observation o
        where ${trackers} and o.indicator_id = ${column.indicatorId} and o.level = 'EG'
          and o.period <= ${date(period)}
      ) v
      order by v.finess, v.period desc, v.rank
    ) v`
}

export interface ValueCountRow {
  /** The column's index in the list given. */
  position: number
  /** The grouping's value (a category code…), null without grouping. */
  grouping: string | null
  value: string
  sites: number
}

/** The site columns counts can be grouped by: those of a site's footprint (région, département…). */
export type SiteGrouping = 'region' | 'departement' | 'sector' | 'category_code'

/**
 * The sites per (column position, grouping columns, value) among the sites the filters keep, as SQL: the
 * grid's precedence applied by anti-joins (hashed) rather than by sorting every value.
 */
export function valueCountsQuery(
  filters: SiteFilters,
  period: string,
  columns: readonly ColumnSource[],
  groupBy: readonly SiteGrouping[],
  /**
   * A few sites: a further condition on `site`, beside the filters, and the FINESS numbers (at any level)
   * those sites read, so that only their values are read, through the primary keys.
   */
  few: { sites: RawBuilder<unknown>; structures: readonly string[] } | null = null,
): RawBuilder<unknown> {
  const where = sql`${siteFilterCondition(expressionBuilder<Database, 'site'>(), filters)}
    and ${few === null ? sql`true` : few.sites}`
  const slices = columns.map((c, i) =>
    c.table === 'typed' ? typedSlice(c, period, i) : storedSlice(c, i, few?.structures ?? null),
  )
  const groups = (alias: string) => groupBy.map((g) => sql.ref(`${alias}.${g}`))
  const carried = (alias: string) => sql.join([sql.ref(`${alias}.finess_eg`), ...groups(alias)])
  return sql`
    with s as materialized (
      select site.finess_eg, site.finess_ej,
             coalesce(site.finess_pmsi_override, site.finess_pmsi_computed) as finess_pmsi
             ${sql.join(
               groups('site').map((g) => sql`, ${g}`),
               sql``,
             )}
      from site where ${where}
    ),
    slices (position, level, finess, value) as (${sql.join(slices, sql` union all `)}),
    -- A site's own value, its legal entity's where it has none, its FINESS PMSI's where it has neither.
    own as (
      select x.position, ${carried('s')}, x.value
      from slices x join s on s.finess_eg = x.finess where x.level = 'EG' and x.value is not null
    ),
    entity as (
      select x.position, ${carried('s')}, x.value
      from slices x join s on s.finess_ej = x.finess where x.level = 'EJ' and x.value is not null
        and not exists (select 1 from own where own.position = x.position and own.finess_eg = s.finess_eg)
    ),
    pmsi as (
      select x.position, ${carried('s')}, x.value
      from slices x join s on s.finess_pmsi = x.finess where x.level = 'PMSI' and x.value is not null
        and not exists (select 1 from own where own.position = x.position and own.finess_eg = s.finess_eg)
        and not exists (
          select 1 from entity where entity.position = x.position and entity.finess_eg = s.finess_eg)
    ),
    firsts as (
      select * from own union all select * from entity union all select * from pmsi
    )
    select ${sql.join([sql`position`, ...groups('firsts'), sql`value`])}, count(*)::int as sites
    from firsts group by ${sql.join([sql`position`, ...groups('firsts'), sql`value`])}`
}

/**
 * For each column, the sites in view per value at the follow-up point, optionally per category of site;
 * sites without a value are not listed (the caller knows the sites in view). Read live from the values.
 */
export async function valueCounts(
  db: Kysely<Database>,
  filters: SiteFilters,
  period: string,
  columns: readonly ColumnSource[],
  groupBy: 'category_code' | null = null,
): Promise<ValueCountRow[]> {
  if (columns.length === 0) return []
  const query = valueCountsQuery(filters, period, columns, groupBy === null ? [] : [groupBy])
  const result = await sql<Record<string, unknown>>`${query}`.execute(db)
  return result.rows.map((r) => ({
    position: Number(r.position),
    grouping: groupBy === null ? null : ((r[groupBy] as string | null) ?? null),
    value: r.value as string,
    sites: Number(r.sites),
  }))
}
