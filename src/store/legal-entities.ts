// Legal entities (FINESS EJ) as FiNESS+ describes them, upserted by number in the caller's transaction: COPY
// into a temporary table, then one insert … on conflict that touches only the rows that differ.
import { sql } from 'kysely'
import type { LegalEntityRecord } from '../domain/structure'
import type { CopyValue } from './copy-format'
import type { Session } from './database'

/** Columns a FiNESS+ file decides, `finess_ej` first. */
const COLUMNS = [
  'finess_ej',
  'name',
  'name_long',
  'siren',
  'legal_status',
  'ape_code',
  'created_on',
  'closed_on',
  'commune_code',
  'postal_code',
  'city',
] as const
const DATA = COLUMNS.slice(1)
const STAGING = 'legal_entity_staging'

const valuesOf = (e: LegalEntityRecord): CopyValue[] => [
  e.finessEj,
  e.name,
  e.nameLong,
  e.siren,
  e.legalStatus,
  e.apeCode,
  e.createdOn,
  e.closedOn,
  e.communeCode,
  e.postalCode,
  e.city,
]

export interface UpsertCounts {
  created: number
  changed: number
  unchanged: number
}

/**
 * Inserts the new entities and updates those that differ; an entity the file describes as before is left
 * alone, `last_import_id` included (it names the import that last changed the row). The numbers must be
 * distinct: the parser keeps the first of duplicates.
 */
export async function upsertLegalEntities(
  session: Session,
  importId: number,
  entities: readonly LegalEntityRecord[],
): Promise<UpsertCounts> {
  if (entities.length === 0) return { created: 0, changed: 0, unchanged: 0 }
  await session.exec(`
    drop table if exists ${STAGING};
    create temp table ${STAGING} on commit drop as select ${COLUMNS.join(', ')} from legal_entity with no data;`)
  await session.copyInto(STAGING, COLUMNS, entities.map(valuesOf))
  const result = await sql<{ created: boolean }>`
    insert into legal_entity (${sql.raw(COLUMNS.join(', '))}, last_import_id)
    select ${sql.raw(COLUMNS.join(', '))}, ${importId}::integer from ${sql.table(STAGING)}
    on conflict (finess_ej) do update
      set (${sql.raw(DATA.join(', '))}, last_import_id) =
          (${sql.raw(DATA.map((c) => `excluded.${c}`).join(', '))}, excluded.last_import_id)
      where (${sql.raw(DATA.map((c) => `legal_entity.${c}`).join(', '))})
        is distinct from (${sql.raw(DATA.map((c) => `excluded.${c}`).join(', '))})
    returning (xmax = 0) as created`.execute(session.db)
  const created = result.rows.filter((r) => r.created).length
  const changed = result.rows.length - created
  return { created, changed, unchanged: entities.length - created - changed }
}
