// Values people type (météo, comments, declarations), one per structure, field and follow-up month. A value
// holds from its month until a later one replaces it; a region's imported tracker gives the older ones.
import { sql, type Kysely } from 'kysely'
import type { Session } from './database'
import type { Database } from './schema'
import { TRACKER_SOURCE } from '../domain/observations/observation'

export interface HeldValue {
  indicator: string
  value: string | null
  /** `YYYY-MM` */
  period: string
  /** An e-mail, or the tracker file the value was imported from. */
  enteredBy: string | null
  enteredAt: string | null
  origin: 'typed' | 'tracker'
}

/** The latest typed value of each field at or before a month. */
export async function typedValuesAt(
  db: Kysely<Database>,
  finess: string,
  codes: readonly string[],
  period: string,
): Promise<HeldValue[]> {
  if (codes.length === 0) return []
  const result = await sql<HeldValue>`
    select distinct on (e.indicator_id)
           i.code as indicator, e.value_text as value, to_char(e.period, 'YYYY-MM') as period,
           coalesce(u.email, 'compte supprimé') as "enteredBy", e.entered_at::text as "enteredAt",
           'typed' as origin
    from field_entry e
    join indicator i on i.id = e.indicator_id
    left join app_user u on u.id = e.entered_by
    where e.finess = ${finess} and i.code in (${sql.join(codes)}) and e.period <= ${`${period}-01`}::date
    order by e.indicator_id, e.period desc`.execute(db)
  return result.rows
}

/** The latest value of each field given by an imported tracker ("Suivi Ségur ES") at or before a month. */
export async function trackerValuesAt(
  db: Kysely<Database>,
  finess: string,
  codes: readonly string[],
  period: string,
): Promise<HeldValue[]> {
  if (codes.length === 0) return []
  const result = await sql<HeldValue>`
    select distinct on (o.indicator_id)
           i.code as indicator, coalesce(o.value_text, o.value_number::text) as value,
           to_char(o.period, 'YYYY-MM') as period, f.file_name as "enteredBy",
           si.finished_at::text as "enteredAt", 'tracker' as origin
    from observation o
    join indicator i on i.id = o.indicator_id
    join source_import si on si.id = o.import_id
    join source_file f on f.id = si.source_file_id
    where o.level = 'EG' and o.finess = ${finess} and si.source = ${TRACKER_SOURCE}
      and i.code in (${sql.join(codes)}) and o.period <= ${`${period}-01`}::date
    order by o.indicator_id, o.period desc`.execute(db)
  return result.rows
}

export async function upsertFieldEntry(
  session: Session,
  entry: { finess: string; indicatorId: number; period: string; value: string | null; userId: number | null },
): Promise<void> {
  await session.db
    .insertInto('field_entry')
    .values({
      finess: entry.finess,
      indicator_id: entry.indicatorId,
      period: `${entry.period}-01`,
      value_text: entry.value,
      entered_by: entry.userId,
    })
    .onConflict((oc) =>
      oc.columns(['finess', 'indicator_id', 'period']).doUpdateSet({
        value_text: entry.value,
        entered_by: entry.userId,
        entered_at: sql<string>`now()`,
      }),
    )
    .execute()
}

export async function indicatorIdOf(db: Kysely<Database>, code: string): Promise<number | undefined> {
  const row = await db.selectFrom('indicator').select('id').where('code', '=', code).executeTakeFirst()
  return row?.id
}
