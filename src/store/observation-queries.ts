// Reading current observations: what a site shows (its own values, its legal entity's and its FINESS
// PMSI's), and totals in which a value reported at EJ or PMSI level counts once (RULES §1).
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema'
import { TRACKER_SOURCE } from '../domain/observations/observation'

/** The regions' own tracker: its copies of national values give way to the national files. */

export interface ShownObservation {
  indicator: string
  level: string
  finess: string
  period: string
  number: string | null
  text: string | null
  numerator: string | null
  denominator: string | null
  source: string
  importId: number
}

/** Every current value a site shows for a month (all months when `period` is absent), oldest first. */
export async function siteObservations(
  db: Kysely<Database>,
  finessEg: string,
  period?: string,
): Promise<ShownObservation[]> {
  const result = await sql<ShownObservation>`
    with s as (
      select finess_eg, finess_ej, coalesce(finess_pmsi_override, finess_pmsi_computed) as finess_pmsi
      from site where finess_eg = ${finessEg}
    )
    select distinct on (o.period, i.code, o.level, o.finess)
           i.code as indicator, o.level, o.finess, to_char(o.period, 'YYYY-MM') as period,
           o.value_number::text as number, o.value_text as text, o.numerator::text as numerator,
           o.denominator::text as denominator, si.source, o.import_id as "importId"
    from s
    join observation o on (o.level = 'EG' and o.finess = s.finess_eg)
                       or (o.level = 'EJ' and o.finess = s.finess_ej)
                       or (o.level = 'PMSI' and o.finess = s.finess_pmsi)
    join indicator i on i.id = o.indicator_id
    join source_import si on si.id = o.import_id
    where ${period ? sql`o.period = ${`${period}-01`}::date` : sql`true`}
    -- A national file wins over a region's tracker when both give a value.
    order by o.period, i.code, o.level, o.finess, (si.source = ${TRACKER_SOURCE})`.execute(db)
  return result.rows
}

/**
 * The sum of a count indicator over a région (or France when `region` is null) for a month: each value
 * once, at the level it was reported, so that an EJ's MSSanté messages are not multiplied by its sites.
 */
export async function totalOf(
  db: Kysely<Database>,
  indicatorCode: string,
  period: string,
  region: string | null,
): Promise<string> {
  const inRegion =
    region === null
      ? sql`true`
      : sql`exists (
          select 1 from site s where s.region = ${region} and (
            (o.level = 'EG' and s.finess_eg = o.finess) or
            (o.level = 'EJ' and s.finess_ej = o.finess) or
            (o.level = 'PMSI' and coalesce(s.finess_pmsi_override, s.finess_pmsi_computed) = o.finess)))`
  const result = await sql<{ total: string | null }>`
    select sum(value_number)::text as total from (
      select distinct on (o.level, o.finess) o.value_number
      from observation o
      join indicator i on i.id = o.indicator_id
      join source_import si on si.id = o.import_id
      where i.code = ${indicatorCode} and o.period = ${`${period}-01`}::date and ${inRegion}
      order by o.level, o.finess, (si.source = ${TRACKER_SOURCE})
    ) once`.execute(db)
  return result.rows[0]?.total ?? '0'
}
