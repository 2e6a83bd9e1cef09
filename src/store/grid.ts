// The tracking grid's queries: the month each theme's data comes from at a follow-up point, a sorted and
// filtered page of sites (sorting and filtering on any column, within the user's scopes), and the values of
// the page's sites. Values are looked up at the level they were reported at (EG, EJ or PMSI): an EJ's count
// shows on each of its sites and is stored once.
import { sql, type Kysely, type RawBuilder } from 'kysely'
import { previousPeriod, type Period } from '../domain/observations/period'
import type { Database } from './schema'
import { applyFilters, type SiteFilters } from './sites'

const TRACKER_SOURCE = 'suivi-segur'
const month = (period: string) => `${period}-01`

/** The latest month at or before `period` of each source's current imports, with that import. */
export async function sourceMonths(
  db: Kysely<Database>,
  sources: readonly string[],
  period: string,
): Promise<Map<string, { month: string; importId: number }>> {
  if (sources.length === 0) return new Map()
  const rows = await sql<{ source: string; month: string; id: number }>`
    select distinct on (source) source, to_char(period, 'YYYY-MM') as month, id
    from source_import
    where source in (${sql.join(sources)}) and finished_at is not null and replaced_by_import_id is null
      and period <= ${month(period)}::date
    order by source, period desc`.execute(db)
  return new Map(rows.rows.map((r) => [r.source, { month: r.month, importId: r.id }]))
}

/** The current imports of regions' trackers: few, small, and their values are read with the national ones. */
export async function trackerImportIds(db: Kysely<Database>): Promise<number[]> {
  const rows = await db
    .selectFrom('source_import')
    .select('id')
    .where('source', '=', TRACKER_SOURCE)
    .where('finished_at', 'is not', null)
    .where('replaced_by_import_id', 'is', null)
    .execute()
  return rows.map((r) => r.id)
}

/**
 * The latest month at or before `period` for which an imported tracker ("Suivi Ségur ES") gives values of
 * each indicator: a region that imported its past files has its history before any national file.
 */
export async function trackerMonths(
  db: Kysely<Database>,
  indicatorIds: readonly number[],
  period: string,
): Promise<Map<number, string>> {
  if (indicatorIds.length === 0) return new Map()
  const rows = await sql<{ indicator_id: number; month: string }>`
    select o.indicator_id, to_char(max(o.period), 'YYYY-MM') as month
    from source_import si
    join observation o on o.import_id = si.id
    where si.source = ${TRACKER_SOURCE} and si.finished_at is not null and si.replaced_by_import_id is null
      and o.indicator_id in (${sql.join(indicatorIds)}) and o.period <= ${month(period)}::date
    group by o.indicator_id`.execute(db)
  return new Map(rows.rows.map((r) => [r.indicator_id, r.month]))
}

/** Where a column's values come from at a follow-up point. */
export interface ColumnSource {
  indicatorId: number
  /** Imported and computed values: the month they are read at; null when there is none yet. */
  month: string | null
  /** `observation` (imports), `derived` (rules engine) or `typed` (people, held until replaced). */
  table: 'observation' | 'derived' | 'typed'
  /**
   * Observations: the imports that can hold the month's values (the national source's import of that
   * month and the trackers'), so that a lookup reads the observation primary key's prefix (import, indicator,
   * level) rather than the whole national history.
   */
  importIds: readonly number[]
}

/** The values of one column for every site, as a subquery `(finess_eg, value_number, value_text)`. */
function columnValues(
  column: ColumnSource,
  period: string,
  siteIds: RawBuilder<unknown>,
): RawBuilder<unknown> {
  if (column.table === 'typed')
    // A typed value holds from its month until a later one; an imported tracker gives the older ones.
    return sql`(
      select distinct on (s.finess_eg) s.finess_eg, null::numeric as value_number, v.value_text
      from ${siteIds} s
      join (
        select e.finess, e.period, e.value_text, 0 as rank from field_entry e
        where e.indicator_id = ${column.indicatorId} and e.period <= ${month(period)}::date
        union all
        select o.finess, o.period, coalesce(o.value_text, o.value_number::text), 1 from observation o
        join source_import si on si.id = o.import_id and si.source = ${TRACKER_SOURCE}
        where o.indicator_id = ${column.indicatorId} and o.level = 'EG' and o.period <= ${month(period)}::date
      ) v on v.finess = s.finess_eg
      order by s.finess_eg, v.period desc, v.rank
    )`
  const table = column.table === 'derived' ? sql`derived_observation` : sql`observation`
  const at = column.month === null ? sql`null::date` : sql`${month(column.month)}::date`
  const imports =
    column.table === 'derived'
      ? sql`true`
      : column.importIds.length === 0
        ? sql`false`
        : sql`import_id in (${sql.join(column.importIds)})`
  // One hash join per level rather than an OR join, which PostgreSQL can only run as a nested loop.
  return sql`(
    select s.finess_eg,
           coalesce(eg.value_number, ej.value_number, pm.value_number) as value_number,
           coalesce(eg.value_text, ej.value_text, pm.value_text) as value_text
    from ${siteIds} s
    left join (select finess, max(value_number) as value_number, max(value_text) as value_text from ${table}
               where ${imports} and indicator_id = ${column.indicatorId} and period = ${at} and level = 'EG' group by finess) eg
      on eg.finess = s.finess_eg
    left join (select finess, max(value_number) as value_number, max(value_text) as value_text from ${table}
               where ${imports} and indicator_id = ${column.indicatorId} and period = ${at} and level = 'EJ' group by finess) ej
      on ej.finess = s.finess_ej
    left join (select finess, max(value_number) as value_number, max(value_text) as value_text from ${table}
               where ${imports} and indicator_id = ${column.indicatorId} and period = ${at} and level = 'PMSI' group by finess) pm
      on pm.finess = s.finess_pmsi
  )`
}

/** A column compared with a value: numbers for gt/gte/lt/lte, text (or a status code) for eq/ne. */
export interface ColumnCondition {
  column: ColumnSource
  op: 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'ne' | 'empty' | 'filled' | 'new' | 'worse'
  value: string | null
  /** `new` and `worse`: the same column at the previous follow-up point. */
  previous?: ColumnSource
  /** `worse` on a status: its codes, worst first. */
  scale?: readonly string[]
}

const NUMERIC_OPERATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const

function conditionSql(c: ColumnCondition, alias: string, previousAlias: string): RawBuilder<unknown> {
  const number = sql.ref(`${alias}.value_number`)
  const text = sql.ref(`${alias}.value_text`)
  const either = sql`coalesce(${text}, ${number}::text)`
  const before = {
    number: sql.ref(`${previousAlias}.value_number`),
    text: sql.ref(`${previousAlias}.value_text`),
  }
  switch (c.op) {
    case 'new':
      return sql`((${number} is not null or ${text} is not null) and ${before.number} is null and ${before.text} is null)`
    case 'worse':
      return c.scale
        ? sql`array_position(${sql.val([...c.scale])}::text[], ${text}) < array_position(${sql.val([...c.scale])}::text[], ${before.text})`
        : sql`${number} < ${before.number}`
    case 'empty':
      return sql`(${number} is null and ${text} is null)`
    case 'filled':
      return sql`(${number} is not null or ${text} is not null)`
    case 'eq':
      return sql`${either} = ${c.value}`
    case 'ne':
      return sql`${either} is distinct from ${c.value}`
    default:
      return sql`${number} ${sql.raw(NUMERIC_OPERATORS[c.op])} ${c.value}::numeric`
  }
}

export interface GridPageQuery {
  filters: SiteFilters
  period: string
  sort:
    | { identity: 'finess_eg' | 'finess_ej' | 'name' | 'departement' | 'category_code' }
    | { column: ColumnSource }
  order: 'asc' | 'desc'
  conditions: readonly ColumnCondition[]
  offset: number
  limit: number
}

/** The page of sites: their identity, in order, with the total of the filtered view. */
export async function gridSitePage(db: Kysely<Database>, q: GridPageQuery) {
  // The filtered sites' keys (CTE `f`), which the value lookups join to.
  const filtered = applyFilters(db.selectFrom('site'), q.filters)
    .select(['site.finess_eg', 'site.finess_ej'])
    .select(
      sql<string | null>`coalesce(site.finess_pmsi_override, site.finess_pmsi_computed)`.as('finess_pmsi'),
    )
  const siteIds = sql`f`
  let joins = sql``
  let where = sql`true`
  q.conditions.forEach((condition, i) => {
    const alias = sql.raw(`c${i}`)
    joins = sql`${joins} left join ${columnValues(condition.column, q.period, siteIds)} ${alias} on ${alias}.finess_eg = f.finess_eg`
    if (condition.previous) {
      const previous = sql.raw(`p${i}`)
      joins = sql`${joins} left join ${columnValues(condition.previous, previousPeriod(q.period as Period), siteIds)} ${previous} on ${previous}.finess_eg = f.finess_eg`
    }
    where = sql`${where} and ${conditionSql(condition, `c${i}`, `p${i}`)}`
  })
  const direction = q.order === 'desc' ? sql`desc` : sql`asc`
  let order: RawBuilder<unknown>
  if ('identity' in q.sort) {
    order = sql`${sql.ref(`site.${q.sort.identity}`)} ${direction} nulls last, site.finess_eg`
  } else {
    joins = sql`${joins} left join ${columnValues(q.sort.column, q.period, siteIds)} sortv on sortv.finess_eg = f.finess_eg`
    order = sql`sortv.value_number ${direction} nulls last, sortv.value_text ${direction} nulls last, site.finess_eg`
  }
  const result = await sql<{
    finess_eg: string
    finess_ej: string
    finess_pmsi: string | null
    name: string
    departement: string | null
    region: string | null
    category_code: string | null
    category_label: string | null
    sector: string
    closed_on: string | null
    total: number
  }>`
    with f as (${filtered})
    select site.finess_eg, site.finess_ej, f.finess_pmsi, site.name, site.departement, site.region,
           site.category_code, site.category_label, site.sector, site.closed_on,
           count(*) over () as total
    from f
    join site on site.finess_eg = f.finess_eg
    ${joins}
    where ${where}
    order by ${order}
    limit ${q.limit} offset ${q.offset}`.execute(db)
  return result.rows
}

export interface GridValueRow {
  finess_eg: string
  indicator_id: number
  level: 'EG' | 'EJ' | 'PMSI'
  period: string
  value_number: string | null
  value_text: string | null
  numerator: string | null
  denominator: string | null
}

export interface PageSite {
  finessEg: string
  finessEj: string
  finessPmsi: string | null
}

/**
 * The imported and computed values of the page's sites for the columns asked, each at its month. A
 * national file wins over a region's tracker for the same value.
 */
export async function gridValues(
  db: Kysely<Database>,
  sites: readonly PageSite[],
  columns: readonly ColumnSource[],
): Promise<GridValueRow[]> {
  const imported = columns.filter((c) => c.table !== 'typed' && c.month !== null)
  if (sites.length === 0 || imported.length === 0) return []
  const keys = sql.join(sites.map((s) => sql`(${s.finessEg}, ${s.finessEj}, ${s.finessPmsi})`))
  const wanted = (table: 'observation' | 'derived') =>
    sql.join(
      imported
        .filter((c) => c.table === table)
        .map((c) => sql`(${c.indicatorId}::smallint, ${month(c.month as string)}::date)`),
    )
  const hasObserved = imported.some((c) => c.table === 'observation')
  const hasDerived = imported.some((c) => c.table === 'derived')
  const parts: RawBuilder<unknown>[] = []
  if (hasObserved)
    parts.push(sql`
      select distinct on (s.eg, o.indicator_id)
             s.eg as finess_eg, o.indicator_id, o.level, to_char(o.period, 'YYYY-MM') as period,
             o.value_number::text as value_number, o.value_text, o.numerator::text as numerator,
             o.denominator::text as denominator
      from (values ${keys}) as s(eg, ej, pmsi)
      join observation o on (o.level = 'EG' and o.finess = s.eg) or (o.level = 'EJ' and o.finess = s.ej)
                         or (o.level = 'PMSI' and o.finess = s.pmsi)
      join source_import si on si.id = o.import_id
      where (o.indicator_id, o.period) in (values ${wanted('observation')})
      order by s.eg, o.indicator_id, (si.source = ${TRACKER_SOURCE}), o.level`)
  if (hasDerived)
    parts.push(sql`
      select distinct on (s.eg, d.indicator_id)
             s.eg as finess_eg, d.indicator_id, d.level, to_char(d.period, 'YYYY-MM') as period,
             d.value_number::text as value_number, d.value_text, d.numerator::text as numerator,
             d.denominator::text as denominator
      from (values ${keys}) as s(eg, ej, pmsi)
      join derived_observation d on (d.level = 'EG' and d.finess = s.eg) or (d.level = 'EJ' and d.finess = s.ej)
                                 or (d.level = 'PMSI' and d.finess = s.pmsi)
      where (d.indicator_id, d.period) in (values ${wanted('derived')})
      order by s.eg, d.indicator_id, d.level`)
  // Each part sorts for its `distinct on`: parenthesised, so that the union is valid SQL.
  const result = await sql<GridValueRow>`${sql.join(
    parts.map((part) => sql`(${part})`),
    sql` union all `,
  )}`.execute(db)
  return result.rows
}

/** The typed values held at a follow-up point by the page's sites (and the imported tracker's older ones). */
export async function gridTypedValues(
  db: Kysely<Database>,
  finessEgs: readonly string[],
  indicatorIds: readonly number[],
  period: string,
): Promise<{ finess_eg: string; indicator_id: number; period: string; value_text: string | null }[]> {
  if (finessEgs.length === 0 || indicatorIds.length === 0) return []
  const result = await sql<{
    finess_eg: string
    indicator_id: number
    period: string
    value_text: string | null
  }>`
    select distinct on (v.finess, v.indicator_id)
           v.finess as finess_eg, v.indicator_id, to_char(v.period, 'YYYY-MM') as period, v.value_text
    from (
      select e.finess, e.indicator_id, e.period, e.value_text, 0 as rank from field_entry e
      where e.finess in (${sql.join(finessEgs)}) and e.indicator_id in (${sql.join(indicatorIds)})
        and e.period <= ${month(period)}::date
      union all
      select o.finess, o.indicator_id, o.period, coalesce(o.value_text, o.value_number::text), 1
      from observation o join source_import si on si.id = o.import_id and si.source = ${TRACKER_SOURCE}
      where o.level = 'EG' and o.finess in (${sql.join(finessEgs)})
        and o.indicator_id in (${sql.join(indicatorIds)}) and o.period <= ${month(period)}::date
    ) v
    order by v.finess, v.indicator_id, v.period desc, v.rank`.execute(db)
  return result.rows
}
