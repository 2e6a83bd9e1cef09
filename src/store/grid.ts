// The tracking grid's queries: the month each theme's data comes from at a follow-up point, a sorted and
// filtered page of sites (sorting and filtering on any column, within the user's scopes), and the values of
// the page's sites. Values are looked up at the level they were reported at (EG, EJ or PMSI): an EJ's count
// shows on each of its sites and is stored once.
import { expressionBuilder, sql, type Kysely, type RawBuilder } from 'kysely'
import { previousPeriod, type Period } from '../domain/observations/period'
import type { Database } from './schema'
import { siteFilterCondition, type SiteFilters } from './sites'
import { TRACKER_SOURCE } from '../domain/observations/observation'

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
   * level) rather than the whole national history. Typed fields: the trackers' imports, which hold their
   * values from before Jalon.
   */
  importIds: readonly number[]
}

/** A column's value on a site, as SQL over the joins `columnJoins` adds under the same alias. */
export interface ColumnValue {
  number: RawBuilder<unknown>
  text: RawBuilder<unknown>
}

const PMSI_OF_SITE = sql`coalesce(site.finess_pmsi_override, site.finess_pmsi_computed)`

/** The trackers' observations, read through the primary key's prefix (there are few tracker imports). */
const trackerImports = (ids: readonly number[]) =>
  ids.length === 0 ? sql`false` : sql`o.import_id in (${sql.join(ids)})`

/**
 * The left joins that bring one column's value onto each row of `site`, and the expressions that read it.
 * Imported and computed values: one join per reporting level (EG, EJ, PMSI), each a grouped read of the
 * primary key's prefix (import, indicator, level), rather than an OR join PostgreSQL can only loop over.
 * Typed values: the latest at or before the follow-up point, an imported tracker giving the older ones.
 */
export function columnJoins(
  column: ColumnSource,
  period: string,
  alias: string,
): { joins: RawBuilder<unknown>; value: ColumnValue } {
  if (column.table === 'typed') {
    const a = sql.raw(alias)
    return {
      joins: sql`left join (
        select distinct on (v.finess) v.finess, v.value_text
        from (
          select e.finess, e.period, e.value_text, 0 as rank from field_entry e
          where e.indicator_id = ${column.indicatorId} and e.period <= ${month(period)}::date
          union all
          select o.finess, o.period, coalesce(o.value_text, o.value_number::text), 1 from observation o
          where ${trackerImports(column.importIds)} and o.indicator_id = ${column.indicatorId}
            and o.level = 'EG' and o.period <= ${month(period)}::date
        ) v
        order by v.finess, v.period desc, v.rank
      ) ${a} on ${a}.finess = site.finess_eg`,
      value: { number: sql`null::numeric`, text: sql.ref(`${alias}.value_text`) },
    }
  }
  const table = column.table === 'derived' ? sql`derived_observation` : sql`observation`
  const at = column.month === null ? sql`null::date` : sql`${month(column.month)}::date`
  const imports =
    column.table === 'derived'
      ? sql`true`
      : column.importIds.length === 0
        ? sql`false`
        : sql`import_id in (${sql.join(column.importIds)})`
  const level = (name: 'EG' | 'EJ' | 'PMSI', key: RawBuilder<unknown>) => {
    const a = sql.raw(`${alias}_${name.toLowerCase()}`)
    return sql`left join (
        select finess, max(value_number) as value_number, max(value_text) as value_text from ${table}
        where ${imports} and indicator_id = ${column.indicatorId} and period = ${at} and level = ${name}
        group by finess
      ) ${a} on ${a}.finess = ${key}`
  }
  const pick = (field: string) =>
    sql`coalesce(${sql.ref(`${alias}_eg.${field}`)}, ${sql.ref(`${alias}_ej.${field}`)}, ${sql.ref(`${alias}_pmsi.${field}`)})`
  return {
    joins: sql`${level('EG', sql`site.finess_eg`)} ${level('EJ', sql`site.finess_ej`)} ${level('PMSI', PMSI_OF_SITE)}`,
    value: { number: pick('value_number'), text: pick('value_text') },
  }
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

function conditionSql(c: ColumnCondition, now: ColumnValue, before: ColumnValue | null): RawBuilder<unknown> {
  const { number, text } = now
  const either = sql`coalesce(${text}, ${number}::text)`
  const earlier = before ?? { number: sql`null::numeric`, text: sql`null::text` }
  switch (c.op) {
    case 'new':
      return sql`((${number} is not null or ${text} is not null) and ${earlier.number} is null and ${earlier.text} is null)`
    case 'worse':
      return c.scale
        ? sql`array_position(${sql.val([...c.scale])}::text[], ${text}) < array_position(${sql.val([...c.scale])}::text[], ${earlier.text})`
        : sql`${number} < ${earlier.number}`
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

/**
 * The page of sites: their identity, in order, with the total of the filtered view. The filters apply to
 * `site` itself and each column's values join to it, so that PostgreSQL plans with the table's statistics
 * (a CTE of the filtered sites had none, and a nested loop over it never finished at national scale).
 */
export async function gridSitePage(db: Kysely<Database>, q: GridPageQuery) {
  const filters = siteFilterCondition(expressionBuilder<Database, 'site'>(), q.filters)
  let joins = sql``
  let conditions = sql`true`
  q.conditions.forEach((condition, i) => {
    const now = columnJoins(condition.column, q.period, `c${i}`)
    joins = sql`${joins} ${now.joins}`
    let before: ColumnValue | null = null
    if (condition.previous) {
      const earlier = columnJoins(condition.previous, previousPeriod(q.period as Period), `p${i}`)
      joins = sql`${joins} ${earlier.joins}`
      before = earlier.value
    }
    conditions = sql`${conditions} and ${conditionSql(condition, now.value, before)}`
  })
  const direction = q.order === 'desc' ? sql`desc` : sql`asc`
  let order: RawBuilder<unknown>
  if ('identity' in q.sort) {
    order = sql`${sql.ref(`site.${q.sort.identity}`)} ${direction} nulls last, site.finess_eg`
  } else {
    const sorted = columnJoins(q.sort.column, q.period, 'sortv')
    joins = sql`${joins} ${sorted.joins}`
    order = sql`${sorted.value.number} ${direction} nulls last, ${sorted.value.text} ${direction} nulls last, site.finess_eg`
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
    select site.finess_eg, site.finess_ej, ${PMSI_OF_SITE} as finess_pmsi, site.name, site.departement,
           site.region, site.category_code, site.category_label, site.sector, site.closed_on,
           count(*) over () as total
    from site
    ${joins}
    where ${filters} and ${conditions}
    order by ${order}
    limit ${q.limit} offset ${q.offset}`.execute(db)
  return result.rows
}

/** A value as the page shows it: at the level and month it was reported for. */
export interface GridValueRow {
  indicator_id: number
  level: 'EG' | 'EJ' | 'PMSI'
  /** The FINESS at that level (the site's, its EJ's or its FINESS PMSI). */
  finess: string
  period: string
  value_number: string | null
  value_text: string | null
  numerator: string | null
  denominator: string | null
  from_tracker: boolean
}

export interface PageSite {
  finessEg: string
  finessEj: string
  finessPmsi: string | null
}

type Level = GridValueRow['level']
const LEVELS: readonly Level[] = ['EG', 'EJ', 'PMSI']
type LevelRow = GridValueRow

/**
 * One level's values for a set of FINESS, in its own statement: PostgreSQL runs the levels side by side
 * (one statement for all of them took as long as the three together). Each FINESS is one probe of the
 * (finess, period) index at the columns' months, whatever the length of the history. `offset 0` keeps the
 * lateral read from being flattened into a hash join over every value of the month, and the FINESS come
 * as one array parameter: a list of 5 000 bound values, or `= any` of a constant array, cost more to plan
 * than to read.
 */
function levelValues(
  db: Kysely<Database>,
  table: 'observation' | 'derived',
  level: Level,
  finess: readonly string[],
  columns: readonly ColumnSource[],
): Promise<LevelRow[]> {
  if (finess.length === 0 || columns.length === 0) return Promise.resolve([])
  const wanted = sql.join(
    columns.map((c) => sql`(${c.indicatorId}::smallint, ${month(c.month as string)}::date)`),
  )
  const ids = sql.join([...new Set(columns.map((c) => c.indicatorId))])
  const months = [...new Set(columns.map((c) => month(c.month as string)))]
  const imports = [...new Set(columns.flatMap((c) => c.importIds))]
  if (table === 'observation' && imports.length === 0) return Promise.resolve([])
  const read =
    table === 'derived'
      ? sql`select *, false as from_tracker from derived_observation o
            where o.finess = p.finess and o.period = any(${months}::date[]) and o.level = ${level}
              and o.indicator_id in (${ids})`
      : sql`select o.*, si.source = ${TRACKER_SOURCE} as from_tracker
            from observation o join source_import si on si.id = o.import_id
            where o.finess = p.finess and o.period = any(${months}::date[]) and o.level = ${level}
              and o.import_id in (${sql.join(imports)}) and o.indicator_id in (${ids})`
  return sql<LevelRow>`
    select to_char(o.period, 'YYYY-MM') as period, o.value_number::text as value_number, o.value_text,
           o.numerator::text as numerator, o.denominator::text as denominator, o.indicator_id, o.level,
           o.finess, o.from_tracker
    from unnest(${[...finess]}::text[]) as p (finess)
    cross join lateral (${read} offset 0) o
    where (o.indicator_id, o.period) in (values ${wanted})`
    .execute(db)
    .then((r) => r.rows)
}

/**
 * The imported and computed values of the page's sites for the columns asked, each at its month, at the
 * level it was reported at (an EJ's value on each of its sites, the same row object): by site, then by
 * indicator. A national file wins over a region's tracker for the same value, then EG over EJ over PMSI.
 */
export async function gridValues(
  db: Kysely<Database>,
  sites: readonly PageSite[],
  columns: readonly ColumnSource[],
): Promise<Map<string, Map<number, GridValueRow>>> {
  const read = (table: 'observation' | 'derived') =>
    columns.filter((c) => c.month !== null && c.table === table)
  const keys: Record<Level, string[]> = {
    EG: sites.map((s) => s.finessEg),
    EJ: [...new Set(sites.map((s) => s.finessEj))],
    PMSI: [...new Set(sites.flatMap((s) => (s.finessPmsi ? [s.finessPmsi] : [])))],
  }
  const reads = (['observation', 'derived'] as const).flatMap((table) =>
    LEVELS.map((level) => levelValues(db, table, level, keys[level], read(table))),
  )
  // A complete regional view is some 100 000 cells: rows are grouped in place, not copied.
  const byKey = new Map<string, GridValueRow[]>()
  for (const rows of await Promise.all(reads))
    for (const row of rows) {
      const key = `${row.level}:${row.finess}`
      const list = byKey.get(key)
      if (list) list.push(row)
      else byKey.set(key, [row])
    }
  const out = new Map<string, Map<number, GridValueRow>>()
  for (const site of sites) {
    const lists = [
      byKey.get(`EG:${site.finessEg}`),
      byKey.get(`EJ:${site.finessEj}`),
      site.finessPmsi ? byKey.get(`PMSI:${site.finessPmsi}`) : undefined,
    ]
    const won = new Map<number, GridValueRow>()
    for (const tracker of [false, true])
      for (const list of lists)
        for (const row of list ?? [])
          if (row.from_tracker === tracker && !won.has(row.indicator_id)) won.set(row.indicator_id, row)
    out.set(site.finessEg, won)
  }
  return out
}

/**
 * The typed values held at a follow-up point by the page's sites (and the imported trackers' older ones):
 * for each site, its latest value of each field at or before the point, read through its own keys.
 */
export async function gridTypedValues(
  db: Kysely<Database>,
  finessEgs: readonly string[],
  columns: readonly ColumnSource[],
  period: string,
): Promise<{ finess_eg: string; indicator_id: number; period: string; value_text: string | null }[]> {
  if (finessEgs.length === 0 || columns.length === 0) return []
  const ids = sql.join([...new Set(columns.map((c) => c.indicatorId))])
  const imports = [...new Set(columns.flatMap((c) => c.importIds))]
  const result = await sql<{
    finess_eg: string
    indicator_id: number
    period: string
    value_text: string | null
  }>`
    select p.finess as finess_eg, v.indicator_id, to_char(v.period, 'YYYY-MM') as period, v.value_text
    from unnest(${[...finessEgs]}::text[]) as p (finess)
    cross join lateral (
      select distinct on (v.indicator_id) v.indicator_id, v.period, v.value_text
      from (
        select e.indicator_id, e.period, e.value_text, 0 as rank from field_entry e
        where e.finess = p.finess and e.indicator_id in (${ids}) and e.period <= ${month(period)}::date
        union all
        select o.indicator_id, o.period, coalesce(o.value_text, o.value_number::text), 1 from observation o
        where ${trackerImports(imports)} and o.indicator_id in (${ids}) and o.level = 'EG'
          and o.finess = p.finess and o.period <= ${month(period)}::date
      ) v
      order by v.indicator_id, v.period desc, v.rank
    ) v`.execute(db)
  return result.rows
}
