// What the dashboard's funding forecast reads: the sites in view that reported a programme rate (at their
// own FINESS, their legal entity's or their FINESS PMSI), and their current observations of the indicators
// the engine needs, up to the follow-up point. Read through the current imports' primary-key prefix (import,
// indicator) rather than per site: a few hundred reporting units against 36 months of national files.
import { expressionBuilder, sql, type Kysely } from 'kysely'
import type { Database } from './schema'
import type { ShownObservation } from './observation-queries'
import { siteFilterCondition, type SiteFilters } from './sites'
import { TRACKER_SOURCE } from '../domain/observations/observation'

export interface ForecastSite {
  finess: string
  name: string | null
  departement: string | null
  finessEj: string
  finessPmsi: string | null
}

export interface ForecastInputs {
  sites: ForecastSite[]
  /** Each site's observations (the rows of its EG, EJ and PMSI), keyed by the site's FINESS. */
  rows: Map<string, ShownObservation[]>
}

export async function forecastInputs(
  db: Kysely<Database>,
  filters: SiteFilters,
  period: string,
  /** The rates whose report makes a site a forecast's subject. */
  rateCodes: readonly string[],
  /** Everything the engine reads (the rates and the activity terms). */
  inputCodes: readonly string[],
): Promise<ForecastInputs> {
  const where = siteFilterCondition(expressionBuilder<Database, 'site'>(), filters)
  const until = `${period}-01`
  type Row = ShownObservation & { site: string; name: string | null; departement: string | null }
  const result = await sql<Row & { finessEj: string; finessPmsi: string | null }>`
    with imports as (
      select id, source from source_import
      where finished_at is not null and replaced_by_import_id is null and period <= ${until}::date
    ),
    units as (
      select distinct o.level, o.finess from observation o
      where o.import_id in (select id from imports) and o.period <= ${until}::date
        and o.indicator_id in (select id from indicator where code in (${sql.join(rateCodes)}))
    ),
    s as (
      select site.finess_eg, site.name, site.departement, site.finess_ej,
             coalesce(site.finess_pmsi_override, site.finess_pmsi_computed) as finess_pmsi
      from site
      where ${where}
        and (site.finess_eg in (select finess from units where level = 'EG')
          or site.finess_ej in (select finess from units where level = 'EJ')
          or coalesce(site.finess_pmsi_override, site.finess_pmsi_computed)
               in (select finess from units where level = 'PMSI'))
    ),
    s_units as (
      select finess_eg as site, 'EG' as level, finess_eg as finess from s
      union all select finess_eg, 'EJ', finess_ej from s
      union all select finess_eg, 'PMSI', finess_pmsi from s where finess_pmsi is not null
    ),
    unit_rows as (
      -- A national file wins over a region's tracker when both give a value (as siteObservations).
      select distinct on (o.level, o.finess, w.code, o.period)
             o.level, o.finess, w.code as indicator, o.period, o.value_number, o.value_text, o.numerator,
             o.denominator, i.source, o.import_id
      from observation o
      join indicator w on w.id = o.indicator_id
      join imports i on i.id = o.import_id
      where w.code in (${sql.join(inputCodes)}) and o.period <= ${until}::date
        and (o.level, o.finess) in (select level, finess from s_units)
      order by o.level, o.finess, w.code, o.period, (i.source = ${TRACKER_SOURCE})
    )
    select s.finess_eg as site, s.name, s.departement, s.finess_ej as "finessEj", s.finess_pmsi as "finessPmsi",
           u.indicator, u.level, u.finess, to_char(u.period, 'YYYY-MM') as period,
           u.value_number::text as number, u.value_text as text, u.numerator::text as numerator,
           u.denominator::text as denominator, u.source, u.import_id as "importId"
    from s
    join s_units su on su.site = s.finess_eg
    join unit_rows u on u.level = su.level and u.finess = su.finess
    order by s.finess_eg, u.period`.execute(db)
  const sites = new Map<string, ForecastSite>()
  const rows = new Map<string, ShownObservation[]>()
  for (const r of result.rows) {
    const { site, name, departement, finessEj, finessPmsi, ...row } = r
    if (!sites.has(site)) sites.set(site, { finess: site, name, departement, finessEj, finessPmsi })
    const list = rows.get(site)
    if (list) list.push(row)
    else rows.set(site, [row])
  }
  return { sites: [...sites.values()], rows }
}
