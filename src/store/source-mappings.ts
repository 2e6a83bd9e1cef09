// Header mappings saved by users for source files whose headers differ from the documented ones.
import type { Kysely } from 'kysely'
import type { Session } from './database'
import type { Database } from './schema'

export async function loadSavedMapping(
  db: Kysely<Database>,
  source: string,
  name: string,
): Promise<Record<string, string> | undefined> {
  const row = await db
    .selectFrom('source_mapping')
    .select('headers')
    .where('source', '=', source)
    .where('name', '=', name)
    .executeTakeFirst()
  return row ? (row.headers as Record<string, string>) : undefined
}

export async function saveMapping(
  session: Session,
  values: { source: string; name: string; headers: Record<string, string>; createdBy: string },
): Promise<void> {
  await session.db
    .insertInto('source_mapping')
    .values({
      source: values.source,
      name: values.name,
      headers: JSON.stringify(values.headers),
      created_by: values.createdBy,
    })
    .onConflict((oc) =>
      oc.columns(['source', 'name']).doUpdateSet({
        headers: JSON.stringify(values.headers),
        created_by: values.createdBy,
      }),
    )
    .execute()
}

export async function listMappings(db: Kysely<Database>, source?: string) {
  let query = db
    .selectFrom('source_mapping')
    .select(['source', 'name', 'headers', 'created_by', 'created_at'])
  if (source) query = query.where('source', '=', source)
  return query.orderBy('source').orderBy('name').execute()
}
