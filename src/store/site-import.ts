// Loading a set of sites read from one file into the referential, in the caller's transaction: stage them
// with COPY, log what changed field by field, then insert, update and close with a few set-based statements.
import { sql, type RawBuilder } from 'kysely'
import type { Session } from './database'
import type { CopyValue } from './copy-format'

/** Columns a source file decides. Their change between two imports is logged in site_change. */
export const SITE_SOURCE_COLUMNS = [
  'finess_ej',
  'name',
  'name_long',
  'name_complement',
  'distribution_complement',
  'street_number',
  'street_type',
  'street_name',
  'street_complement',
  'lieu_dit_bp',
  'commune_code',
  'postal_code',
  'city',
  'source_departement',
  'departement',
  'region',
  'phone',
  'fax',
  'category_code',
  'category_label',
  'aggregate_code',
  'aggregate_label',
  'sector',
  'siret',
  'ape_code',
  'mft_code',
  'mft_label',
  'sph_code',
  'sph_label',
  'opened_on',
  'authorized_on',
  'updated_on',
  'coord_x',
  'coord_y',
  'coord_source',
  'coord_updated_on',
  'latitude',
  'longitude',
  'key_valid',
  'finess_pmsi_computed',
] as const
export type SiteSourceColumn = (typeof SITE_SOURCE_COLUMNS)[number]

/** One staged site: its FINESS EG, the source columns in SITE_SOURCE_COLUMNS order, and a closing date. */
export interface StagedSite {
  finessEg: string
  values: readonly CopyValue[]
  /** Set when the source itself says the site closed (FiNESS+); null for a site present and open. */
  closedOn: string | null
}

export interface ApplyOptions {
  importId: number
  /** A full extract closes the sites it no longer lists; a daily flow does not. */
  closeMissing: boolean
  /** The date written on sites closed because they are missing: the extract's date. */
  missingClosedOn: string
}

export interface ApplyResult {
  created: string[]
  changed: string[]
  reopened: string[]
  closed: string[]
  unchanged: number
}

const STAGING = 'site_staging'
const CHANGED = 'site_staging_changed'
const list = (prefix: string) => sql.raw(SITE_SOURCE_COLUMNS.map((c) => `${prefix}${c}`).join(', '))
const differs: RawBuilder<unknown> = sql.raw(
  `(${SITE_SOURCE_COLUMNS.map((c) => `c.${c}`).join(', ')}) is distinct from (${SITE_SOURCE_COLUMNS.map((c) => `s.${c}`).join(', ')})`,
)
const fieldDiffs = sql.raw(
  SITE_SOURCE_COLUMNS.map((c) => `('${c}', to_jsonb(c.${c}), to_jsonb(s.${c}))`).join(',\n      '),
)

async function stageSites(session: Session, sites: Iterable<StagedSite>): Promise<void> {
  await session.exec(`
    drop table if exists ${STAGING};
    create temp table ${STAGING} on commit drop as
      select finess_eg, ${SITE_SOURCE_COLUMNS.join(', ')}, closed_on from site with no data;`)
  const rows = (function* () {
    for (const site of sites) yield [site.finessEg, ...site.values, site.closedOn]
  })()
  await session.copyInto(STAGING, ['finess_eg', ...SITE_SOURCE_COLUMNS, 'closed_on'], rows)
  // Statistics on the join keys only: enough for the planner to choose hash joins, a tenth of a full analyze.
  await session.exec(`analyze ${STAGING} (finess_eg, closed_on)`)
}

async function finessList(session: Session, query: RawBuilder<{ finess_eg: string }>): Promise<string[]> {
  const result = await query.execute(session.db)
  return result.rows.map((r) => r.finess_eg)
}

async function applyStagedSites(session: Session, options: ApplyOptions): Promise<ApplyResult> {
  const { importId } = options
  const staging = sql.table(STAGING)
  // One pass over the whole referential finds the sites this file changes; the rest works on those alone.
  await session.exec(`drop table if exists ${CHANGED}`)
  await sql`
    create temp table ${sql.table(CHANGED)} on commit drop as
    select s.finess_eg from ${staging} s join site c on c.finess_eg = s.finess_eg
    where ${differs} or c.closed_on is distinct from s.closed_on`.execute(session.db)
  const changedJoin = sql`${staging} s join ${sql.table(CHANGED)} t on t.finess_eg = s.finess_eg join site c on c.finess_eg = s.finess_eg`
  // The log is written first, while the site rows still hold the values before this import.
  const changed = await finessList(
    session,
    sql<{ finess_eg: string }>`
      insert into site_change (finess_eg, import_id, kind, changes)
      select s.finess_eg, ${importId}, 'changed', d.changes
      from ${changedJoin}
      cross join lateral (
        select jsonb_object_agg(f.field, jsonb_build_object('before', f.before, 'after', f.after)) as changes
        from (values ${fieldDiffs}) f(field, before, after)
        where f.before is distinct from f.after
      ) d
      where d.changes is not null
      returning finess_eg`,
  )
  const reopened = await finessList(
    session,
    sql<{ finess_eg: string }>`
      insert into site_change (finess_eg, import_id, kind, changes)
      select c.finess_eg, ${importId}, 'reopened', jsonb_build_object('closed_on', jsonb_build_object('before', c.closed_on, 'after', null))
      from ${changedJoin}
      where c.closed_on is not null and s.closed_on is null
      returning finess_eg`,
  )
  await sql`
    update site c set (${list('')}, closed_on, closed_by_import_id) =
      (${list('s.')}, s.closed_on, case when s.closed_on is null then null else coalesce(c.closed_by_import_id, ${importId}) end)
    from ${staging} s join ${sql.table(CHANGED)} t on t.finess_eg = s.finess_eg
    where c.finess_eg = s.finess_eg`.execute(session.db)

  const created = await finessList(
    session,
    sql<{ finess_eg: string }>`
      insert into site (finess_eg, ${list('')}, closed_on, closed_by_import_id, created_by_import_id)
      select s.finess_eg, ${list('s.')}, s.closed_on, case when s.closed_on is null then null else ${importId}::integer end, ${importId}
      from ${staging} s
      where not exists (select 1 from site c where c.finess_eg = s.finess_eg)
      returning finess_eg`,
  )
  const closedBySource = await finessList(
    session,
    sql<{ finess_eg: string }>`
      insert into site_change (finess_eg, import_id, kind, changes)
      select s.finess_eg, ${importId}, 'closed', jsonb_build_object('closed_on', jsonb_build_object('before', null, 'after', s.closed_on))
      from ${staging} s join site c on c.finess_eg = s.finess_eg
      where s.closed_on is not null and c.closed_by_import_id = ${importId} and c.created_by_import_id <> ${importId}
      returning finess_eg`,
  )
  const closedMissing = options.closeMissing
    ? await finessList(
        session,
        sql<{ finess_eg: string }>`
          with closed as (
            update site c set closed_on = ${options.missingClosedOn}::date, closed_by_import_id = ${importId}
            where c.closed_on is null and not exists (select 1 from ${staging} s where s.finess_eg = c.finess_eg)
            returning c.finess_eg
          )
          insert into site_change (finess_eg, import_id, kind, changes)
          select finess_eg, ${importId}, 'closed', jsonb_build_object('closed_on', jsonb_build_object('before', null, 'after', ${options.missingClosedOn}::text))
          from closed
          returning finess_eg`,
      )
    : []
  const staged = await sql<{ n: number }>`select count(*)::integer as n from ${staging}`.execute(session.db)
  const stagedCount = staged.rows[0]?.n ?? 0
  const touched = new Set([...changed, ...reopened, ...closedBySource])
  return {
    created,
    changed,
    reopened,
    closed: [...closedBySource, ...closedMissing],
    unchanged: stagedCount - created.length - touched.size,
  }
}

/**
 * An empty referential has nothing to compare with: the sites go straight into it with one COPY, instead of
 * a COPY into the staging table and an insert from it (the first national import takes half the time).
 */
async function loadIntoEmptyReferential(
  session: Session,
  sites: Iterable<StagedSite>,
  importId: number,
): Promise<ApplyResult> {
  const created: string[] = []
  const rows = (function* () {
    for (const site of sites) {
      created.push(site.finessEg)
      yield [site.finessEg, ...site.values, site.closedOn, site.closedOn === null ? null : importId, importId]
    }
  })()
  await session.copyInto(
    'site',
    ['finess_eg', ...SITE_SOURCE_COLUMNS, 'closed_on', 'closed_by_import_id', 'created_by_import_id'],
    rows,
  )
  return { created, changed: [], reopened: [], closed: [], unchanged: 0 }
}

/** Loads the sites of one file into the referential and says what it did to each (see ApplyResult). */
export async function importSites(
  session: Session,
  sites: Iterable<StagedSite>,
  options: ApplyOptions & { onCompare?: () => void },
): Promise<ApplyResult> {
  const any = await session.db.selectFrom('site').select('finess_eg').limit(1).executeTakeFirst()
  if (!any) return loadIntoEmptyReferential(session, sites, options.importId)
  await stageSites(session, sites)
  options.onCompare?.()
  return applyStagedSites(session, options)
}
