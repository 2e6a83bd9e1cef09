// One site's history beyond its imported observations (observation-queries.ts): what the rules engine
// stored for it at each level it shows (EG, EJ, FINESS PMSI), every value typed about it, and the values a
// region's imported tracker gave for its typed fields, with the file they came from.
import { sql, type Kysely } from 'kysely'
import { TRACKER_SOURCE } from '../domain/observations/observation'
import type { HeldValue } from './field-entries'
import type { Database } from './schema'

export interface SiteUnits {
  finessEg: string
  finessEj: string
  finessPmsi: string | null
  categoryCode: string | null
}

/** The FINESS a site shows values for; undefined for an unknown site. */
export async function siteUnits(db: Kysely<Database>, finessEg: string): Promise<SiteUnits | undefined> {
  const row = await db
    .selectFrom('site')
    .select([
      'finess_eg',
      'finess_ej',
      'category_code',
      sql<string | null>`coalesce(finess_pmsi_override, finess_pmsi_computed)`.as('finess_pmsi'),
    ])
    .where('finess_eg', '=', finessEg)
    .executeTakeFirst()
  return row
    ? {
        finessEg: row.finess_eg,
        finessEj: row.finess_ej,
        finessPmsi: row.finess_pmsi,
        categoryCode: row.category_code,
      }
    : undefined
}

export interface DerivedPoint {
  indicator: string
  level: string
  finess: string
  period: string
  number: string | null
  text: string | null
  numerator: string | null
  denominator: string | null
}

/** Every stored derived value the site shows, all months, oldest first. */
export async function siteDerivedValues(db: Kysely<Database>, units: SiteUnits): Promise<DerivedPoint[]> {
  const result = await sql<DerivedPoint>`
    select i.code as indicator, d.level, d.finess, to_char(d.period, 'YYYY-MM') as period,
           d.value_number::text as number, d.value_text as text, d.numerator::text as numerator,
           d.denominator::text as denominator
    from derived_observation d
    join indicator i on i.id = d.indicator_id
    where (d.level = 'EG' and d.finess = ${units.finessEg})
       or (d.level = 'EJ' and d.finess = ${units.finessEj})
       or (d.level = 'PMSI' and d.finess = ${units.finessPmsi ?? ''})
    order by d.period, i.code, d.level`.execute(db)
  return result.rows
}

/** Every value typed about the site, all fields and months, newest month first. */
export async function typedHistory(db: Kysely<Database>, finess: string): Promise<HeldValue[]> {
  const result = await sql<HeldValue>`
    select i.code as indicator, e.value_text as value, to_char(e.period, 'YYYY-MM') as period,
           coalesce(u.email, 'compte supprimé') as "enteredBy", e.entered_at::text as "enteredAt",
           'typed' as origin
    from field_entry e
    join indicator i on i.id = e.indicator_id
    left join app_user u on u.id = e.entered_by
    where e.finess = ${finess}
    order by e.period desc, e.entered_at desc, i.code`.execute(db)
  return result.rows
}

/** The values the current imports of regions' trackers gave for these fields of the site, newest first. */
export async function trackerHistory(
  db: Kysely<Database>,
  finess: string,
  codes: readonly string[],
): Promise<HeldValue[]> {
  if (codes.length === 0) return []
  const result = await sql<HeldValue>`
    select i.code as indicator, coalesce(o.value_text, o.value_number::text) as value,
           to_char(o.period, 'YYYY-MM') as period, f.file_name as "enteredBy",
           si.finished_at::text as "enteredAt", 'tracker' as origin
    from observation o
    join indicator i on i.id = o.indicator_id
    join source_import si on si.id = o.import_id
    join source_file f on f.id = si.source_file_id
    where o.level = 'EG' and o.finess = ${finess} and si.source = ${TRACKER_SOURCE}
      and si.finished_at is not null and si.replaced_by_import_id is null
      and i.code in (${sql.join(codes)})
    order by o.period desc, i.code`.execute(db)
  return result.rows
}
