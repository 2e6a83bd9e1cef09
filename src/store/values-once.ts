// Counts added up by the dashboards take each value once: the national files' (one value per structure,
// indicator and month), and a region tracker's where no national file gives that value, from the current
// imports only. The live sums, the kept monthly sums and the kept cumulative totals all read them here.
import { expressionBuilder, sql, type RawBuilder } from 'kysely'
import { TRACKER_SOURCE } from '../domain/observations/observation'
import type { Database } from './schema'
import { siteFilterCondition, type SiteFilters } from './sites'

const current = (alias: string) =>
  sql`${sql.ref(`${alias}.finished_at`)} is not null and ${sql.ref(`${alias}.replaced_by_import_id`)} is null`

/**
 * A select of (indicator_id, period, level, finess, value_number), the observations kept by `wanted`
 * (given the observation's alias), read from each current import through the primary key (import,
 * indicator).
 */
export function valuesOnce(wanted: (alias: string) => RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select o.indicator_id, o.period, o.level, o.finess, o.value_number
    from source_import si
    join observation o on o.import_id = si.id
    where ${current('si')} and si.source <> ${TRACKER_SOURCE} and o.value_number is not null
      and ${wanted('o')}
    union all
    select t.indicator_id, t.period, t.level, t.finess, t.value_number
    from source_import ti
    join observation t on t.import_id = ti.id
    where ${current('ti')} and ti.source = ${TRACKER_SOURCE} and t.value_number is not null
      and ${wanted('t')}
      and not exists (
        select 1 from observation n join source_import ni on ni.id = n.import_id
        where ${current('ni')} and ni.source <> ${TRACKER_SOURCE} and n.indicator_id = t.indicator_id
          and n.level = t.level and n.finess = t.finess and n.period = t.period)`
}

export const PMSI_OF_SITE = sql`coalesce(site.finess_pmsi_override, site.finess_pmsi_computed)`

/**
 * Whether the structure (level, FINESS) given by the references has a site in view: looked up per row
 * through the site's indexes (FINESS, EJ, FINESS PMSI), for a few thousand rows rather than listing the
 * structures of 95 000 sites.
 */
export function structureInView(
  filters: SiteFilters,
  level: RawBuilder<unknown>,
  finess: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const where = siteFilterCondition(expressionBuilder<Database, 'site'>(), filters)
  return sql`(
    (${level} = 'EG' and exists (select 1 from site where ${where} and site.finess_eg = ${finess}))
    or (${level} = 'EJ' and exists (select 1 from site where ${where} and site.finess_ej = ${finess}))
    or (${level} = 'PMSI' and exists (select 1 from site where ${where} and ${PMSI_OF_SITE} = ${finess})))`
}
