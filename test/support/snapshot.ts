// Everything an import writes, to compare the database before and after an import that must change nothing.
import type { Store } from '../../src/store/database'

type CountedTable =
  | 'source_file'
  | 'finess_import'
  | 'finess_import_issue'
  | 'site_change'
  | 'source_import'
  | 'source_import_issue'
  | 'source_mapping'
  | 'derived_observation'

export async function snapshot(store: Store) {
  const count = async (table: CountedTable) =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  return {
    sites: await store.db.selectFrom('site').selectAll().orderBy('finess_eg').execute(),
    legalEntities: await store.db.selectFrom('legal_entity').selectAll().orderBy('finess_ej').execute(),
    groupings: await store.db.selectFrom('grouping').selectAll().orderBy('id').execute(),
    members: await store.db
      .selectFrom('grouping_member')
      .selectAll()
      .orderBy('grouping_id')
      .orderBy('finess')
      .execute(),
    files: await count('source_file'),
    imports: await count('finess_import'),
    issues: await count('finess_import_issue'),
    changes: await count('site_change'),
    sourceImports: await count('source_import'),
    sourceImportIssues: await count('source_import_issue'),
    mappings: await count('source_mapping'),
    derived: await count('derived_observation'),
    observations: await store.db
      .selectFrom('observation')
      .selectAll()
      .orderBy('import_id')
      .orderBy('indicator_id')
      .orderBy('level')
      .orderBy('finess')
      .orderBy('period')
      .execute(),
  }
}
