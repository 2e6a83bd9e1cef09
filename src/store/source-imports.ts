// The record of every monthly source import: the import row, its issues, and the replacement of the
// previous import of the same source and month.
import { sql, type Kysely } from 'kysely'
import type { RowIssue } from '../sources/source-error'
import type { Session } from './database'
import type { Database } from './schema'

export interface NewSourceImport {
  source: string
  /** First day of the month. */
  period: string
  sourceFileId: number
  format: string
  encoding: string | null
  sheet: string | null
  headerLine: number | null
  columns: Record<string, string>
  mappingName: string | null
  actor: string
  replacesImportId: number | null
}

export async function createSourceImport(session: Session, values: NewSourceImport): Promise<number> {
  const row = await session.db
    .insertInto('source_import')
    .values({
      source: values.source,
      period: values.period,
      source_file_id: values.sourceFileId,
      format: values.format,
      encoding: values.encoding,
      sheet: values.sheet,
      header_line: values.headerLine,
      columns: JSON.stringify(values.columns),
      mapping_name: values.mappingName,
      actor: values.actor,
      replaces_import_id: values.replacesImportId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The current import of a source for a month, locked until the end of the transaction on a server. */
export async function currentSourceImport(
  db: Kysely<Database>,
  source: string,
  period: string,
  lock = false,
): Promise<{ id: number; source_file_id: number } | null> {
  const query = db
    .selectFrom('source_import')
    .select(['id', 'source_file_id'])
    .where('source', '=', source)
    .where('period', '=', period)
    .where('replaced_by_import_id', 'is', null)
    .where('finished_at', 'is not', null)
  return (await (lock ? query.forUpdate() : query).executeTakeFirst()) ?? null
}

/** Imports of the same file content for the same source under other months: likely the wrong month. */
export async function sameFileOtherPeriods(
  db: Kysely<Database>,
  source: string,
  sha256: string,
  period: string,
): Promise<{ id: number; period: string }[]> {
  return db
    .selectFrom('source_import as i')
    .innerJoin('source_file as f', 'f.id', 'i.source_file_id')
    .select(['i.id', 'i.period'])
    .where('i.source', '=', source)
    .where('f.sha256', '=', sha256)
    .where('i.period', '<>', period)
    .where('i.replaced_by_import_id', 'is', null)
    .orderBy('i.id')
    .execute()
}

export async function markReplaced(session: Session, oldId: number, newId: number): Promise<void> {
  await session.db
    .updateTable('source_import')
    .set({ replaced_by_import_id: newId })
    .where('id', '=', oldId)
    .execute()
}

export interface SourceImportCounts {
  rowsRead: number
  rowsRejected: number
  structures: number
  observations: number
  added: number
  changed: number
  removed: number
  unchanged: number
  warnings: number
  rejected: number
}

export async function finishSourceImport(
  session: Session,
  importId: number,
  counts: SourceImportCounts,
): Promise<void> {
  await session.db
    .updateTable('source_import')
    .set({
      finished_at: sql<string>`now()`,
      rows_read: counts.rowsRead,
      rows_rejected: counts.rowsRejected,
      structures: counts.structures,
      observations: counts.observations,
      added_count: counts.added,
      changed_count: counts.changed,
      removed_count: counts.removed,
      unchanged_count: counts.unchanged,
      warning_count: counts.warnings,
      rejected_count: counts.rejected,
    })
    .where('id', '=', importId)
    .execute()
}

export async function saveSourceImportIssues(
  session: Session,
  importId: number,
  issues: readonly RowIssue[],
): Promise<void> {
  await session.copyInto(
    'source_import_issue',
    ['import_id', 'line', 'severity', 'code', 'field', 'finess', 'value', 'message'],
    (function* () {
      for (const i of issues)
        yield [importId, i.line, i.severity, i.code, i.field, i.finess, i.value, i.message]
    })(),
  )
}

export async function sourceImportHistory(
  db: Kysely<Database>,
  filter: { source?: string | undefined; period?: string | undefined },
) {
  let query = db
    .selectFrom('source_import as i')
    .innerJoin('source_file as f', 'f.id', 'i.source_file_id')
    .select([
      'i.id',
      'i.source',
      sql<string>`to_char(i.period, 'YYYY-MM')`.as('period'),
      'f.file_name',
      'f.sha256',
      'i.actor',
      'i.started_at',
      'i.finished_at',
      'i.replaced_by_import_id',
      'i.replaces_import_id',
      'i.rows_read',
      'i.observations',
      'i.added_count',
      'i.changed_count',
      'i.removed_count',
      'i.rejected_count',
      'i.warning_count',
    ])
    .where('i.finished_at', 'is not', null)
  if (filter.source) query = query.where('i.source', '=', filter.source)
  if (filter.period) query = query.where('i.period', '=', `${filter.period}-01`)
  return query.orderBy('i.id', 'desc').execute()
}

/** Null when there is no such import. */
export async function importIssues(db: Kysely<Database>, importId: number) {
  const exists = await db
    .selectFrom('source_import')
    .select('id')
    .where('id', '=', importId)
    .executeTakeFirst()
  if (!exists) return null
  return db
    .selectFrom('source_import_issue')
    .selectAll()
    .where('import_id', '=', importId)
    .orderBy('line')
    .execute()
}
