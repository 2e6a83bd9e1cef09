// What the dashboard's funding forecast reads: the structures in view that reported a programme rate (a
// FINESS PMSI mostly: SUN-ES and HOPEN 2 are paid per FINESS PMSI, so an amount is counted once, not once per
// site), and their values of the indicators the engine needs. Read as the grid reads a follow-up point, from
// few imports: each source's latest month, the latest month of programme results inside each measurement
// window, and the regions' trackers — never the whole national history.
import { sql, type Kysely, type RawBuilder } from 'kysely'
import { TRACKER_SOURCE } from '../domain/observations/observation'
import type { ShownObservation } from './observation-queries'
import type { Database } from './schema'
import type { SiteFilters } from './sites'
import { structureDepartement, structureName } from './structure-labels'
import { structureInView } from './values-once'

export interface ForecastUnit {
  level: 'EG' | 'EJ' | 'PMSI'
  finess: string
}

export interface ForecastUnitLabel extends ForecastUnit {
  name: string | null
  departement: string | null
  /** A site of the structure, for its page. */
  site: string | null
}

export interface ForecastInputs {
  units: ForecastUnit[]
  /** Each unit's values, keyed `level|finess`, oldest first. */
  rows: Map<string, ShownObservation[]>
}

export interface ForecastMonths {
  period: string
  /** The programme results' source and the activity's. */
  programmes: string
  activity: string
  /** Measurement windows started by the follow-up point (months, inclusive). */
  windows: readonly { from: string; to: string }[]
}

const date = (month: string) => sql`${`${month}-01`}::date`

/** The imports read: the trackers, each source's latest month, the latest results inside each window. */
function chosenImports(m: ForecastMonths): RawBuilder<unknown> {
  const latest = (source: string, from: string | null, to: string) =>
    sql`select * from (select id from current_import where source = ${source}
          and period <= ${date(to)} ${from === null ? sql`` : sql`and period >= ${date(from)}`}
        order by period desc limit 1) l`
  return sql.join(
    [
      sql`select id from current_import where source = ${TRACKER_SOURCE}`,
      latest(m.programmes, null, m.period),
      latest(m.activity, null, m.period),
      ...m.windows.map((w) => latest(m.programmes, w.from, w.to < m.period ? w.to : m.period)),
    ],
    sql` union `,
  )
}

function context(filters: SiteFilters, m: ForecastMonths, rateCodes: readonly string[]) {
  // The structures that reported a rate (a few thousand), each looked up among the sites in view: listing
  // the structures of the sites in view first read 180 000 rows.
  return sql`
    current_import as (
      select id, source, period from source_import
      where finished_at is not null and replaced_by_import_id is null and period <= ${date(m.period)}
    ),
    chosen as (${chosenImports(m)}),
    reported as (
      select distinct o.level, o.finess from observation o
      where o.import_id in (select id from chosen)
        and o.indicator_id in (select id from indicator where code in (${sql.join(rateCodes)}))
    ),
    units as (
      select r.level, r.finess from reported r where ${structureInView(filters, sql`r.level`, sql`r.finess`)}
    )`
}

/**
 * The structures in view that reported a rate, and their values (one statement: the units are those the
 * values are read for). Their names are read apart, for the few shown (`forecastUnitLabels`).
 */
export async function forecastInputs(
  db: Kysely<Database>,
  filters: SiteFilters,
  months: ForecastMonths,
  /** The rates whose report makes a structure a forecast's subject. */
  rateCodes: readonly string[],
  /** Everything the engine reads (the rates and the activity terms). */
  inputCodes: readonly string[],
): Promise<ForecastInputs> {
  // A unit's values at any level its number reports at (a FINESS PMSI's activity, its rates), a national file
  // winning over a region's tracker for the same value.
  const rows = await sql<ShownObservation & { unitLevel: ForecastUnit['level'] }>`
    with ${context(filters, months, rateCodes)}
    select distinct on (u.level, u.finess, i.code, o.level, o.period)
           u.level as "unitLevel", i.code as indicator, o.level, o.finess,
           to_char(o.period, 'YYYY-MM') as period, o.value_number::text as number, o.value_text as text,
           o.numerator::text as numerator, o.denominator::text as denominator, ci.source,
           o.import_id as "importId"
    from units u
    join observation o on o.finess = u.finess
    join indicator i on i.id = o.indicator_id
    join current_import ci on ci.id = o.import_id
    where o.import_id in (select id from chosen) and i.code in (${sql.join(inputCodes)})
    order by u.level, u.finess, i.code, o.level, o.period, (ci.source = ${TRACKER_SOURCE})`.execute(db)
  const units: ForecastUnit[] = []
  const byUnit = new Map<string, ShownObservation[]>()
  for (const { unitLevel, ...row } of rows.rows) {
    const key = `${unitLevel}|${row.finess}`
    const list = byUnit.get(key)
    if (list) list.push(row)
    else {
      byUnit.set(key, [row])
      units.push({ level: unitLevel, finess: row.finess })
    }
  }
  for (const list of byUnit.values())
    list.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
  return { units, rows: byUnit }
}

/** The name, département and a site of each unit given. */
export async function forecastUnitLabels(
  db: Kysely<Database>,
  units: readonly ForecastUnit[],
): Promise<ForecastUnitLabel[]> {
  if (units.length === 0) return []
  const given = sql.join(units.map((u) => sql`(${u.level}, ${u.finess})`))
  const result = await sql<ForecastUnitLabel>`
    select u.level, u.finess,
           ${structureName(sql.ref('u.level'), sql.ref('u.finess'))} as name,
           ${structureDepartement(sql.ref('u.level'), sql.ref('u.finess'))} as departement,
           case u.level
             when 'EJ' then (select min(s.finess_eg) from site s where s.finess_ej = u.finess)
             else coalesce((select s.finess_eg from site s where s.finess_eg = u.finess),
                           (select min(s.finess_eg) from site s where s.finess_ej = u.finess))
           end as site
    from (values ${given}) u (level, finess)`.execute(db)
  return result.rows
}
