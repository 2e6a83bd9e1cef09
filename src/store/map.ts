// The map's counts of sites per département or région, read through the tracking grid's own column joins
// (`columnJoins`), so that an area's count is the grid's total for `departement=CODE` (or `region=CODE`)
// with `where=KEY:eq:STATUS` and the same filters.
import { expressionBuilder, sql, type Kysely } from 'kysely'
import { shown } from './dashboard'
import { columnJoins, type ColumnSource } from './grid'
import type { Database } from './schema'
import { siteFilterCondition, type SiteFilters } from './sites'

export type AreaLevel = 'departement' | 'region'

export interface AreaCountRow {
  area: string | null
  sites: number
  /** With a status asked: the sites that have it; else null. */
  matching: number | null
}

/** The sites in view per area and, for a column and a value, how many of them have it at the point. */
export async function areaCounts(
  db: Kysely<Database>,
  filters: SiteFilters,
  level: AreaLevel,
  having?: { column: ColumnSource; period: string; value: string },
): Promise<AreaCountRow[]> {
  const area = sql.ref(`site.${level}`)
  const where = siteFilterCondition(expressionBuilder<Database, 'site'>(), filters)
  const read = having ? columnJoins(having.column, having.period, 'm') : null
  const matching =
    read && having
      ? sql`(count(*) filter (where ${shown(read.value)} = ${having.value}))::int`
      : sql`null::int`
  const result = await sql<AreaCountRow>`
    select ${area} as area, count(*)::int as sites, ${matching} as matching
    from site ${read ? read.joins : sql``}
    where ${where}
    group by ${area}`.execute(db)
  return result.rows.map((r) => ({
    area: r.area,
    sites: Number(r.sites),
    matching: r.matching === null ? null : Number(r.matching),
  }))
}

export interface AreaName {
  code: string
  name: string
  region: string
}

/** The referential's départements (with their région) or régions (their own code as `region`). */
export async function areaNames(db: Kysely<Database>, level: AreaLevel): Promise<AreaName[]> {
  if (level === 'region')
    return db.selectFrom('region').select(['code', 'name', 'code as region']).orderBy('code').execute()
  return db
    .selectFrom('departement')
    .select(['code', 'name', 'region_code as region'])
    .orderBy('code')
    .execute()
}
