// Observations: the indicator catalogue in the database, the bulk load of an import's values, and the
// comparison of an import with the one it replaces.
import { sql, type Kysely } from 'kysely'
import type { IndicatorDefinition } from '../domain/observations/indicators'
import type { Observation } from '../domain/observations/observation'
import { periodStart } from '../domain/observations/period'
import type { Session } from './database'
import type { Database } from './schema'

/** Adds new catalogue entries and refreshes labels; ids of existing codes never change. */
export async function syncIndicators(
  session: Session,
  definitions: readonly IndicatorDefinition[],
): Promise<void> {
  if (definitions.length === 0) return
  await session.db
    .insertInto('indicator')
    .values(
      definitions.map((d) => ({ code: d.code, label: d.label, theme: d.theme, kind: d.kind, unit: d.unit })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        label: eb.ref('excluded.label'),
        theme: eb.ref('excluded.theme'),
        kind: eb.ref('excluded.kind'),
        unit: eb.ref('excluded.unit'),
      })),
    )
    .execute()
}

export async function indicatorIds(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db.selectFrom('indicator').select(['id', 'code']).execute()
  return new Map(rows.map((r) => [r.code, r.id]))
}

/** The ids of the indicators of these codes (those the catalogue holds). */
export async function indicatorIdsOf(db: Kysely<Database>, codes: readonly string[]): Promise<number[]> {
  if (codes.length === 0) return []
  const rows = await db.selectFrom('indicator').select('id').where('code', 'in', codes).execute()
  return rows.map((r) => r.id)
}

/**
 * The months and indicators, among `among`, that imports hold values of; null when they hold none. The
 * ids are given as values, not a subquery: PostgreSQL then reads the imports through the primary key (a
 * subquery on indicator made it scan every observation, 2.6 s a file on national data).
 */
export async function importedValues(
  session: Session,
  importIds: readonly number[],
  among: readonly number[],
): Promise<{ months: string[]; indicatorIds: number[] } | null> {
  if (importIds.length === 0 || among.length === 0) return null
  const result = await sql<{ month: string; indicator_id: number }>`
    select distinct to_char(period, 'YYYY-MM') as month, indicator_id from observation
    where import_id in (${sql.join(importIds)}) and indicator_id in (${sql.join(among)})`.execute(session.db)
  if (result.rows.length === 0) return null
  return {
    months: [...new Set(result.rows.map((r) => r.month))],
    indicatorIds: [...new Set(result.rows.map((r) => Number(r.indicator_id)))],
  }
}

export const OBSERVATION_COLUMNS = [
  'import_id',
  'indicator_id',
  'level',
  'finess',
  'period',
  'value_number',
  'value_text',
  'numerator',
  'denominator',
] as const

/** One COPY of a batch of observations; the caller batches a stream so that memory stays bounded. */
export async function copyObservations(
  session: Session,
  importId: number,
  ids: ReadonlyMap<string, number>,
  batch: readonly Observation[],
): Promise<void> {
  await session.copyInto(
    'observation',
    OBSERVATION_COLUMNS,
    (function* () {
      for (const o of batch) {
        const id = ids.get(o.indicator)
        if (id === undefined) throw new Error(`indicator ${o.indicator} is not in the catalogue`)
        yield [
          importId,
          id,
          o.level,
          o.finess,
          periodStart(o.period),
          o.number,
          o.text,
          o.numerator,
          o.denominator,
        ]
      }
    })(),
  )
}

export interface ValueChange {
  indicator: string
  finess: string
  level: string
  period: string
  before: string | null
  after: string | null
}

export interface ImportDiff {
  added: number
  changed: number
  removed: number
  unchanged: number
  /** The first changes, to show in a preview. */
  examples: ValueChange[]
}

const shownValue = sql`coalesce(value_text, value_number::text)`

/** What the new import changes compared with the one it replaces (or everything added, if none). */
export async function compareImports(
  db: Kysely<Database>,
  newId: number,
  oldId: number | null,
  exampleCount = 20,
): Promise<ImportDiff> {
  const counts = await sql<{ added: number; removed: number; changed: number; unchanged: number }>`
    with n as (select * from observation where import_id = ${newId}),
         o as (select * from observation where import_id = ${oldId ?? -1})
    select count(*) filter (where o.finess is null)::int as added,
           count(*) filter (where n.finess is null)::int as removed,
           count(*) filter (where n.finess is not null and o.finess is not null and
             (n.value_number, n.value_text, n.numerator, n.denominator) is distinct from
             (o.value_number, o.value_text, o.numerator, o.denominator))::int as changed,
           count(*) filter (where n.finess is not null and o.finess is not null and
             (n.value_number, n.value_text, n.numerator, n.denominator) is not distinct from
             (o.value_number, o.value_text, o.numerator, o.denominator))::int as unchanged
    from n full join o
      on n.indicator_id = o.indicator_id and n.level = o.level and n.finess = o.finess and n.period = o.period`.execute(
    db,
  )
  const row = counts.rows[0] ?? { added: 0, removed: 0, changed: 0, unchanged: 0 }
  if (oldId === null) return { ...row, examples: [] }
  const examples = await sql<ValueChange>`
    with n as (select *, ${shownValue} as shown from observation where import_id = ${newId}),
         o as (select *, ${shownValue} as shown from observation where import_id = ${oldId})
    select i.code as indicator, coalesce(n.finess, o.finess) as finess, coalesce(n.level, o.level) as level,
           to_char(coalesce(n.period, o.period), 'YYYY-MM') as period, o.shown as before, n.shown as after
    from n full join o
      on n.indicator_id = o.indicator_id and n.level = o.level and n.finess = o.finess and n.period = o.period
    join indicator i on i.id = coalesce(n.indicator_id, o.indicator_id)
    where n.finess is null or o.finess is null or
      (n.value_number, n.value_text, n.numerator, n.denominator) is distinct from
      (o.value_number, o.value_text, o.numerator, o.denominator)
    order by 2, 1, 4
    limit ${exampleCount}`.execute(db)
  return { ...row, examples: examples.rows }
}

export async function deleteImportObservations(session: Session, importId: number): Promise<void> {
  await session.db.deleteFrom('observation').where('import_id', '=', importId).execute()
}
