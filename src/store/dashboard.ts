// The dashboard's counts of sites: a count per status is the total the grid gives for `where=KEY:eq:STATUS`
// with the same filters (same sites, same theme month, same level precedence and national-over-tracker
// choice), counted for many columns in one pass (`valueCounts`) rather than through the grid's per-page joins.
import { expressionBuilder, sql, type Kysely, type RawBuilder } from 'kysely'
import { valueCounts, type ValueCountRow } from './column-counts'
import type { ColumnSource, ColumnValue } from './grid'
import { keptTotalsAnswer } from './monthly-totals'
import type { Database } from './schema'
import { siteFilterCondition, type SiteFilters } from './sites'
import { countedIndicatorIds, keptValueCounts } from './status-counts'

/** A column's value on a site as the grid's `eq` compares it: the text, else the number as text. */
export const shown = (value: ColumnValue): RawBuilder<unknown> =>
  sql`coalesce(${value.text}, ${value.number}::text)`

const filtersOn = (filters: SiteFilters) =>
  siteFilterCondition(expressionBuilder<Database, 'site'>(), filters)

/**
 * `valueCounts`, from the counts the imports keep (status-counts.ts) for the columns and filters they
 * answer, live for the others (typed values, a GHT, a search…); `live` forces the live count.
 */
export async function countsOf(
  db: Kysely<Database>,
  filters: SiteFilters,
  period: string,
  columns: readonly ColumnSource[],
  groupBy: 'category_code' | null = null,
  live = false,
): Promise<ValueCountRow[]> {
  const counted = new Set(live || !keptTotalsAnswer(filters) ? [] : await countedIndicatorIds(db))
  const isKept = (c: ColumnSource) => c.table !== 'typed' && counted.has(c.indicatorId)
  const kept = columns.map((c, position) => ({ c, position })).filter(({ c }) => isKept(c))
  const rest = columns.map((c, position) => ({ c, position })).filter(({ c }) => !isKept(c))
  const [fromKept, fromLive] = await Promise.all([
    keptValueCounts(
      db,
      filters,
      kept.map(({ c }) => c),
      groupBy,
    ),
    valueCounts(
      db,
      filters,
      period,
      rest.map(({ c }) => c),
      groupBy,
    ),
  ])
  return [
    ...fromKept.map((r) => ({ ...r, position: kept[r.position]?.position as number })),
    ...fromLive.map((r) => ({ ...r, position: rest[r.position]?.position as number })),
  ]
}

/**
 * For each column, the sites in view per value at the follow-up point (null: no value, the grid's
 * `empty`), counted in one pass (`valueCounts`).
 */
export async function columnValueCounts(
  db: Kysely<Database>,
  filters: SiteFilters,
  period: string,
  columns: readonly ColumnSource[],
  known: { sites?: number; live?: boolean } = {},
): Promise<Map<number, Map<string | null, number>>> {
  const out = new Map<number, Map<string | null, number>>(columns.map((_, i) => [i, new Map()]))
  if (columns.length === 0) return out
  const [rows, sites] = await Promise.all([
    countsOf(db, filters, period, columns, null, known.live),
    known.sites ?? sitesInView(db, filters),
  ])
  for (const row of rows) out.get(row.position)?.set(row.value, row.sites)
  for (const byValue of out.values())
    byValue.set(null, sites - [...byValue.values()].reduce((n, count) => n + count, 0))
  return out
}

/** The open sites in view: the grid's total with no indicator filter. */
export async function sitesInView(db: Kysely<Database>, filters: SiteFilters): Promise<number> {
  const result = await sql<{
    n: number
  }>`select count(*)::int as n from site where ${filtersOn(filters)}`.execute(db)
  return Number(result.rows[0]?.n ?? 0)
}

export interface CategoryCountRow {
  category_code: string | null
  category_label: string | null
  sites: number
  matching: number
}

/** The sites in view per category, and how many of them have `value` in `column` (e.g. INS started). */
export async function categoryCounts(
  db: Kysely<Database>,
  filters: SiteFilters,
  period: string,
  column: ColumnSource,
  value: string,
  live = false,
): Promise<CategoryCountRow[]> {
  const [categories, counts] = await Promise.all([
    db
      .selectFrom('site')
      .select((eb) => [
        'site.category_code',
        eb.fn.min('site.category_label').as('category_label'),
        eb.fn.countAll<number>().as('sites'),
      ])
      .where((eb) => siteFilterCondition(eb, filters))
      .groupBy('site.category_code')
      .execute(),
    countsOf(db, filters, period, [column], 'category_code', live),
  ])
  const matching = new Map(counts.filter((c) => c.value === value).map((c) => [c.grouping, c.sites]))
  return categories.map((c) => ({
    category_code: c.category_code,
    category_label: c.category_label,
    sites: Number(c.sites),
    matching: matching.get(c.category_code) ?? 0,
  }))
}
