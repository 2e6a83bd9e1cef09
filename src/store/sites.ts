// Reading the referential: filtered, sorted, paginated lists of sites and one site with its neighbours.
import type { Expression, ExpressionBuilder, Kysely, SelectQueryBuilder, SqlBool } from 'kysely'
import type { StructureFilters, StructureListQuery, StructureSummary } from '../domain/contract/structures'
import type { Sector } from '../domain/sector'
import type { Scope } from '../domain/access/scope'
import type { Session } from './database'
import { siteWithinScopes } from './places'
import type { Database, SiteTable } from './schema'

export type SiteQuery = SelectQueryBuilder<Database, 'site', object>

const SORT_COLUMNS: Record<StructureListQuery['sort'], keyof SiteTable> = {
  finessEg: 'finess_eg',
  name: 'name',
  departement: 'departement',
  categoryCode: 'category_code',
  city: 'city',
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * The API's filters, a GHT (any grouping id) and, for a user who does not see all France, the scopes the
 * list stays within.
 */
export type SiteFilters = StructureFilters & {
  within?: readonly Scope[] | null | undefined
  ght?: string | undefined
}

/** The filters as one condition on `site`, for a query builder or for the grid's SQL. */
export function siteFilterCondition(
  eb: ExpressionBuilder<Database, 'site'>,
  f: SiteFilters,
): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = []
  if (f.within) all.push(siteWithinScopes(eb, f.within))
  if (f.ght) all.push(siteWithinScopes(eb, [{ kind: 'ght', code: f.ght }]))
  if (f.region) all.push(eb('site.region', '=', f.region))
  if (f.departement) all.push(eb('site.departement', '=', f.departement))
  if (f.sector) all.push(eb('site.sector', '=', f.sector))
  if (f.category) all.push(eb('site.category_code', '=', f.category))
  if (f.ej) all.push(eb('site.finess_ej', '=', f.ej))
  if (f.status === 'open') all.push(eb('site.closed_on', 'is', null))
  if (f.status === 'closed') all.push(eb('site.closed_on', 'is not', null))
  if (f.q) {
    const finess = f.q.replace(/[\s\u00a0]/g, '').toUpperCase()
    const pattern = `%${escapeLike(f.q)}%`
    all.push(
      eb.or([
        eb('site.finess_eg', '=', finess),
        eb('site.finess_ej', '=', finess),
        eb('site.name', 'ilike', pattern),
        eb('site.name_long', 'ilike', pattern),
        eb('site.city', 'ilike', pattern),
      ]),
    )
  }
  return eb.and(all)
}

export function applyFilters(query: SiteQuery, f: SiteFilters): SiteQuery {
  return query.where((eb) => siteFilterCondition(eb, f))
}

const SUMMARY_COLUMNS = [
  'site.finess_eg',
  'site.finess_ej',
  'site.finess_pmsi_computed',
  'site.finess_pmsi_override',
  'site.name',
  'site.category_code',
  'site.category_label',
  'site.sector',
  'site.departement',
  'site.region',
  'site.city',
  'site.closed_on',
] as const

type SummaryRow = Pick<
  SiteTable,
  | 'finess_eg'
  | 'finess_ej'
  | 'finess_pmsi_computed'
  | 'finess_pmsi_override'
  | 'name'
  | 'category_code'
  | 'category_label'
  | 'sector'
  | 'departement'
  | 'region'
  | 'city'
  | 'closed_on'
>

export function toSummary(r: SummaryRow): StructureSummary {
  return {
    finessEg: r.finess_eg,
    finessEj: r.finess_ej,
    finessPmsi: r.finess_pmsi_override ?? r.finess_pmsi_computed,
    name: r.name,
    categoryCode: r.category_code,
    categoryLabel: r.category_label,
    sector: r.sector as Sector,
    departement: r.departement,
    region: r.region,
    city: r.city,
    closed: r.closed_on !== null,
    closedOn: r.closed_on,
  }
}

export async function countSitesMatching(db: Kysely<Database>, filters: SiteFilters): Promise<number> {
  const row = await applyFilters(db.selectFrom('site'), filters)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A page of sites; `pageSize: null` returns every match (command line, exports). */
export async function listSites(
  db: Kysely<Database>,
  query: Omit<StructureListQuery, 'pageSize'> & { pageSize: number | null } & Pick<SiteFilters, 'within'>,
): Promise<StructureSummary[]> {
  let q = applyFilters(db.selectFrom('site'), query)
    .select(SUMMARY_COLUMNS)
    .orderBy(`site.${SORT_COLUMNS[query.sort]}`, query.order)
  if (query.sort !== 'finessEg') q = q.orderBy('site.finess_eg')
  if (query.pageSize !== null) q = q.limit(query.pageSize).offset((query.page - 1) * query.pageSize)
  return (await q.execute()).map(toSummary)
}

export async function findSite(db: Kysely<Database>, finessEg: string) {
  return db
    .selectFrom('site')
    .leftJoin('departement', 'departement.code', 'site.departement')
    .leftJoin('region', 'region.code', 'site.region')
    .leftJoin('category', 'category.code', 'site.category_code')
    .leftJoin('legal_entity', 'legal_entity.finess_ej', 'site.finess_ej')
    .selectAll('site')
    .select([
      'departement.name as departement_name',
      'region.name as region_name',
      'category.closed as category_closed',
      'legal_entity.name as legal_entity_name',
    ])
    .where('site.finess_eg', '=', finessEg)
    .executeTakeFirst()
}

export async function listSitesOfLegalEntity(
  db: Kysely<Database>,
  finessEj: string,
): Promise<StructureSummary[]> {
  const rows = await db
    .selectFrom('site')
    .select(SUMMARY_COLUMNS)
    .where('finess_ej', '=', finessEj)
    .orderBy('finess_eg')
    .execute()
  return rows.map(toSummary)
}

export async function listSiteChanges(db: Kysely<Database>, finessEg: string) {
  return db
    .selectFrom('site_change as c')
    .leftJoin('finess_import as i', 'i.id', 'c.import_id')
    .leftJoin('source_file as f', 'f.id', 'i.source_file_id')
    .select([
      'c.import_id',
      'c.kind',
      'c.changes',
      'c.recorded_at',
      'c.actor',
      'c.note',
      'i.extract_date',
      'f.file_name',
    ])
    .where('c.finess_eg', '=', finessEg)
    .orderBy('c.id', 'desc')
    .execute()
}

/** Counts per région and sector, for the import check against an independent count of the file. */
export async function countSitesByRegionAndSector(db: Kysely<Database>) {
  return db
    .selectFrom('site')
    .select(['region', 'sector', (eb) => eb.fn.countAll<number>().as('n')])
    .where('closed_on', 'is', null)
    .groupBy(['region', 'sector'])
    .orderBy('region')
    .orderBy('sector')
    .execute()
}

/** Sets or clears the FINESS PMSI entered by a person, and logs it; returns the value before. */
export async function savePmsiOverride(
  session: Session,
  change: { finessEg: string; value: string | null; actor: string; note: string },
): Promise<{ before: string | null } | null> {
  const current = await session.db
    .selectFrom('site')
    .select('finess_pmsi_override')
    .where('finess_eg', '=', change.finessEg)
    .forUpdate()
    .executeTakeFirst()
  if (!current) return null
  await session.db
    .updateTable('site')
    .set({ finess_pmsi_override: change.value })
    .where('finess_eg', '=', change.finessEg)
    .execute()
  await session.db
    .insertInto('site_change')
    .values({
      finess_eg: change.finessEg,
      import_id: null,
      kind: 'pmsi-override',
      changes: JSON.stringify({
        finess_pmsi_override: { before: current.finess_pmsi_override, after: change.value },
      }),
      actor: change.actor,
      note: change.note,
    })
    .execute()
  return { before: current.finess_pmsi_override }
}

/** The groupings a site belongs to, as a site or through its legal entity. */
export async function listGroupingsOfSite(db: Kysely<Database>, finessEg: string, finessEj: string) {
  return db
    .selectFrom('grouping_member as m')
    .innerJoin('grouping as g', 'g.id', 'm.grouping_id')
    .select(['g.id', 'g.kind', 'g.name', 'g.type_code', 'm.role', 'm.level'])
    .where((eb) =>
      eb.or([
        eb.and([eb('m.level', '=', 'EG'), eb('m.finess', '=', finessEg)]),
        eb.and([eb('m.level', '=', 'EJ'), eb('m.finess', '=', finessEj)]),
      ]),
    )
    .orderBy('g.kind')
    .orderBy('g.id')
    .execute()
}

/** Columns that a FiNESS+ record does not carry, with what they depend on, for a delta to keep them. */
const KEPT_BY_DELTAS = [
  'finess_eg',
  'category_code',
  'category_label',
  'aggregate_code',
  'aggregate_label',
  'mft_code',
  'mft_label',
  'sph_code',
  'sph_label',
  'ape_code',
  'source_departement',
  'coord_x',
  'coord_y',
  'coord_source',
  'coord_updated_on',
] as const
export type KnownSiteValues = Pick<SiteTable, (typeof KEPT_BY_DELTAS)[number]>

/** What the referential already knows of these sites (a daily flow's few thousand at most). */
export async function findKnownSiteValues(
  db: Kysely<Database>,
  finessEg: readonly string[],
): Promise<KnownSiteValues[]> {
  const rows: KnownSiteValues[] = []
  for (let start = 0; start < finessEg.length; start += 5000) {
    const chunk = finessEg.slice(start, start + 5000)
    rows.push(
      ...(await db.selectFrom('site').select(KEPT_BY_DELTAS).where('finess_eg', 'in', chunk).execute()),
    )
  }
  return rows
}

/** Labels of the categories and aggregates, for sources that give codes alone. */
export async function loadNomenclatureLabels(db: Kysely<Database>) {
  const [categories, aggregates] = await Promise.all([
    db.selectFrom('category').select(['code', 'label']).execute(),
    db.selectFrom('category_aggregate').select(['code', 'label']).execute(),
  ])
  return {
    category: new Map(categories.map((c) => [c.code, c.label])),
    aggregate: new Map(aggregates.map((a) => [a.code, a.label])),
  }
}
