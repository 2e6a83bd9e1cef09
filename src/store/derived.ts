// The inputs of the derived indicators and their results (derived_observation).
import { sql, type Kysely } from 'kysely'
import type { Observation } from '../domain/observations/observation'
import { periodStart } from '../domain/observations/period'
import type { Session } from './database'
import type { Database } from './schema'
import { TRACKER_SOURCE } from '../domain/observations/observation'

/** The month of the most recent observation, or null when there is none. */
export async function latestObservationPeriod(db: Kysely<Database>): Promise<string | null> {
  const row = await sql<{ period: string | null }>`
    select to_char(max(period), 'YYYY-MM') as period from observation`.execute(db)
  return row.rows[0]?.period ?? null
}

/** The month of the most recent derived value, or null when there is none. */
export async function latestDerivedPeriod(db: Kysely<Database>): Promise<string | null> {
  const row = await sql<{ period: string | null }>`
    select to_char(max(period), 'YYYY-MM') as period from derived_observation`.execute(db)
  return row.rows[0]?.period ?? null
}

/** Every structure, or only those of the imports given to scopeDerivation. */
export type DerivationScope = 'all' | 'touched'

/**
 * Records, for this transaction, the structures that the given imports name: the ones whose derived values
 * an import may change. A temporary table, so that the following queries join it rather than carry
 * thousands of parameters.
 */
export async function scopeDerivation(session: Session, importIds: readonly number[]): Promise<void> {
  await sql`drop table if exists derive_scope`.execute(session.db)
  await sql`
    create temp table derive_scope on commit drop as
    select distinct level, finess from observation
    where import_id in (${sql.join(importIds.length > 0 ? importIds : [-1])})`.execute(session.db)
  await sql`analyze derive_scope`.execute(session.db)
}

const inScope = (scope: DerivationScope, alias: string) =>
  scope === 'all'
    ? sql``
    : sql`and (${sql.ref(`${alias}.level`)}, ${sql.ref(`${alias}.finess`)}) in (select level, finess from derive_scope)`

/**
 * Current observations of the given indicators up to a month, grouped by structure (ordered by level then
 * FINESS), a national file's value winning over a region tracker's copy of it.
 */
export async function derivationInputs(
  db: Kysely<Database>,
  codes: readonly string[],
  until: string,
  scope: DerivationScope = 'all',
): Promise<Omit<Observation, 'line'>[]> {
  const result = await sql<Omit<Observation, 'line'>>`
    select distinct on (o.level, o.finess, i.code, o.period)
           o.level, o.finess, i.code as indicator, to_char(o.period, 'YYYY-MM') as period,
           o.value_number::text as number, o.value_text as text, o.numerator::text as numerator,
           o.denominator::text as denominator
    from observation o
    join indicator i on i.id = o.indicator_id
    join source_import si on si.id = o.import_id
    where i.code in (${sql.join(codes)}) and o.period <= ${periodStart(until)}::date ${inScope(scope, 'o')}
    order by o.level, o.finess, i.code, o.period, (si.source = ${TRACKER_SOURCE})`.execute(db)
  return result.rows
}

/** FINESS EG of the EHPAD (category 500), whose DMP status follows seed 001. */
export async function ehpadSites(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('site').select('finess_eg').where('category_code', '=', '500').execute()
  return new Set(rows.map((r) => r.finess_eg))
}

export interface DerivedRow {
  period: string
  indicatorId: number
  level: string
  finess: string
  number: string | null
  text: string | null
  numerator: string | null
  denominator: string | null
}

/** Deletes derived values from a month (until another, when given), for every structure or the scope's. */
export async function deleteDerived(
  session: Session,
  range: { from: string; until?: string; scope: DerivationScope },
): Promise<void> {
  const until = range.until === undefined ? sql`` : sql`and d.period <= ${periodStart(range.until)}::date`
  await sql`
    delete from derived_observation d
    where d.period >= ${periodStart(range.from)}::date ${until} ${inScope(range.scope, 'd')}`.execute(
    session.db,
  )
}

export async function copyDerived(session: Session, rows: readonly DerivedRow[]): Promise<void> {
  await session.copyInto(
    'derived_observation',
    ['period', 'indicator_id', 'level', 'finess', 'value_number', 'value_text', 'numerator', 'denominator'],
    (function* () {
      for (const r of rows)
        yield [
          periodStart(r.period),
          r.indicatorId,
          r.level,
          r.finess,
          r.number,
          r.text,
          r.numerator,
          r.denominator,
        ]
    })(),
  )
}
