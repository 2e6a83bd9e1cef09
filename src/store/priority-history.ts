// What the priorities read from the observations' history beyond one follow-up point: the month an order
// was first seen signed, and the latest month a national source said anything about a site. Both grouped
// reads, never one query per site.
import { expressionBuilder, sql, type Kysely, type RawBuilder } from 'kysely'
import { TRACKER_SOURCE } from '../domain/observations/observation'
import type { Database } from './schema'
import type { PageSite } from './grid'
import { siteFilterCondition, type SiteFilters } from './sites'

const month = (period: string) => `${period}-01`

/**
 * For each site, the first month at or before `period` each indicator had the value `value` (a Ségur order
 * `signee`), in the current imports (national files and the regions' trackers, which hold the older
 * months), at the site's level: its own FINESS, else its EJ's, else its FINESS PMSI's, as the grid reads it.
 */
export async function firstMonthsWithValue(
  db: Kysely<Database>,
  sites: readonly PageSite[],
  indicatorIds: readonly number[],
  value: string,
  period: string,
): Promise<Map<string, Map<number, string>>> {
  const out = new Map<string, Map<number, string>>()
  if (sites.length === 0 || indicatorIds.length === 0) return out
  const eg = sites.map((s) => s.finessEg)
  const ej = [...new Set(sites.map((s) => s.finessEj))]
  const pmsi = [...new Set(sites.flatMap((s) => (s.finessPmsi ? [s.finessPmsi] : [])))]
  const rows = await sql<{ finess: string; level: string; indicator_id: number; month: string }>`
    select o.finess, o.level, o.indicator_id, to_char(min(o.period), 'YYYY-MM') as month
    from observation o join source_import si on si.id = o.import_id
    where si.finished_at is not null and si.replaced_by_import_id is null
      and o.indicator_id in (${sql.join(indicatorIds)}) and o.value_text = ${value}
      and o.period <= ${month(period)}::date
      and ((o.level = 'EG' and o.finess = any(${eg}::text[]))
        or (o.level = 'EJ' and o.finess = any(${ej}::text[]))
        or (o.level = 'PMSI' and o.finess = any(${pmsi}::text[])))
    group by o.finess, o.level, o.indicator_id`.execute(db)
  const byKey = new Map(rows.rows.map((r) => [`${r.level}:${r.finess}:${r.indicator_id}`, r.month]))
  for (const site of sites) {
    const months = new Map<number, string>()
    for (const id of indicatorIds) {
      const found =
        byKey.get(`EG:${site.finessEg}:${id}`) ??
        byKey.get(`EJ:${site.finessEj}:${id}`) ??
        (site.finessPmsi ? byKey.get(`PMSI:${site.finessPmsi}:${id}`) : undefined)
      if (found) months.set(id, found)
    }
    out.set(site.finessEg, months)
  }
  return out
}

export interface QuietSite {
  finess_eg: string
  finess_ej: string
  name: string
  departement: string | null
  region: string | null
  category_code: string | null
  category_label: string | null
  /** The latest month with national data, `YYYY-MM`, or null when none ever came. */
  last_month: string | null
}

/**
 * The sites in view whose latest national-source observation (at the site, its EJ or its FINESS PMSI, in
 * a current import, at or before `period`) is at or before `before`, or that have none. A regional
 * tracker is not a national source: a row a région typed does not say the national files know the site.
 * Each level is a backward read of the (finess, period) index per site, stopped at its first match.
 */
export async function sitesWithoutDataSince(
  db: Kysely<Database>,
  filters: SiteFilters,
  period: string,
  before: string,
): Promise<QuietSite[]> {
  const where = siteFilterCondition(expressionBuilder<Database, 'site'>(), filters)
  // The imports that do not count, a short list: with it, each read walks the (finess, period) index
  // backwards and stops at the first national row; a join to source_import made the planner probe every
  // import through the primary key instead, per site.
  const excluded = (
    await sql<{ id: number }>`
      select id from source_import
      where source = ${TRACKER_SOURCE} or finished_at is null or replaced_by_import_id is not null`.execute(
      db,
    )
  ).rows.map((r) => r.id)
  const latest = (key: RawBuilder<unknown>, level: string) => sql`(
      select o.period from observation o
      where o.finess = ${key} and o.level = ${level} and o.period <= ${month(period)}::date
        and not (o.import_id = any(${excluded}::int[]))
      order by o.period desc limit 1)`
  const result = await sql<QuietSite>`
    select * from (
      select site.finess_eg, site.finess_ej, site.name, site.departement, site.region, site.category_code,
             site.category_label,
             to_char(greatest(${latest(sql`site.finess_eg`, 'EG')}, ${latest(sql`site.finess_ej`, 'EJ')},
               ${latest(sql`coalesce(site.finess_pmsi_override, site.finess_pmsi_computed)`, 'PMSI')}),
               'YYYY-MM') as last_month
      from site
      where ${where}
    ) s
    where s.last_month is null or s.last_month <= ${before}
    order by s.finess_eg`.execute(db)
  return result.rows
}
