// The dashboard's counts of sites, read through the tracking grid's own column joins (`columnJoins`), so
// that a count per status is, by construction, the total the grid gives for `where=KEY:eq:STATUS` with the
// same filters: same sites, same theme month, same level and national-over-tracker choice.
import { expressionBuilder, sql, type Kysely, type RawBuilder } from 'kysely'
import { columnJoins, type ColumnSource, type ColumnValue } from './grid'
import type { Database } from './schema'
import { siteFilterCondition, type SiteFilters } from './sites'

/** A column's value on a site as the grid's `eq` compares it: the text, else the number as text. */
const shown = (value: ColumnValue): RawBuilder<unknown> => sql`coalesce(${value.text}, ${value.number}::text)`

const filtersOn = (filters: SiteFilters) =>
  siteFilterCondition(expressionBuilder<Database, 'site'>(), filters)

/**
 * For each column, the sites in view per value at the follow-up point (null: no value, the grid's
 * `empty`). One statement: a grouped read per column, side by side.
 */
export async function columnValueCounts(
  db: Kysely<Database>,
  filters: SiteFilters,
  period: string,
  columns: readonly ColumnSource[],
): Promise<Map<number, Map<string | null, number>>> {
  const out = new Map<number, Map<string | null, number>>(columns.map((_, i) => [i, new Map()]))
  if (columns.length === 0) return out
  const where = filtersOn(filters)
  const parts = columns.map((column, i) => {
    const { joins, value } = columnJoins(column, period, `d${i}`)
    return sql`select ${i}::int as position, v.value, count(*)::int as sites
      from (select ${shown(value)} as value from site ${joins} where ${where}) v
      group by v.value`
  })
  const result = await sql<{ position: number; value: string | null; sites: number }>`
    ${sql.join(parts, sql` union all `)}`.execute(db)
  for (const row of result.rows) out.get(row.position)?.set(row.value, Number(row.sites))
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
): Promise<CategoryCountRow[]> {
  const { joins, value: read } = columnJoins(column, period, 'cat')
  const result = await sql<CategoryCountRow>`
    select site.category_code, min(site.category_label) as category_label, count(*)::int as sites,
           (count(*) filter (where ${shown(read)} = ${value}))::int as matching
    from site ${joins}
    where ${filtersOn(filters)}
    group by site.category_code`.execute(db)
  return result.rows.map((r) => ({ ...r, sites: Number(r.sites), matching: Number(r.matching) }))
}
