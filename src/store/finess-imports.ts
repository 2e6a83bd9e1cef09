// The record of every FINESS import: the raw file, the counts of its report and its row-level issues.
import { sql, type Kysely } from 'kysely'
import type { Session } from './database'
import type { Database, FinessImportIssueTable } from './schema'

export interface RawFile {
  fileName: string
  sha256: string
  sizeBytes: number
  /** The file's bytes, gzip-compressed by the caller. */
  gzipped: Uint8Array
}

export type ImportIssueRow = Omit<FinessImportIssueTable, 'import_id'>

export async function saveSourceFile(session: Session, file: RawFile): Promise<number> {
  // The bytes go through a binary COPY into a scratch table, then into source_file with the other columns.
  await session.exec('create temp table source_file_upload (content bytea) on commit drop')
  await session.copyBytes('source_file_upload', 'content', file.gzipped)
  const row = await sql<{ id: number }>`
    insert into source_file (file_name, sha256, size_bytes, content_gzip)
    select ${file.fileName}, ${file.sha256}, ${file.sizeBytes}, content from source_file_upload
    returning id`.execute(session.db)
  await session.exec('drop table source_file_upload')
  const id = row.rows[0]?.id
  if (id === undefined) throw new Error('source_file insert returned no id')
  return id
}

export async function createFinessImport(
  session: Session,
  values: {
    sourceFileId: number
    format: string
    extractNumber: number | null
    extractDate: string | null
    encoding: string | null
    strict: boolean
  },
): Promise<number> {
  const row = await session.db
    .insertInto('finess_import')
    .values({
      source_file_id: values.sourceFileId,
      format: values.format,
      extract_number: values.extractNumber,
      extract_date: values.extractDate,
      encoding: values.encoding,
      strict: values.strict,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export interface ImportCounts {
  lines_read: number
  sites_read: number
  created_count: number
  changed_count: number
  unchanged_count: number
  closed_count: number
  reopened_count: number
  rejected_count: number
  warning_count: number
  legal_entities_count: number
  groups_count: number
}

export async function saveImportIssues(
  session: Session,
  importId: number,
  issues: readonly ImportIssueRow[],
): Promise<void> {
  await session.copyInto(
    'finess_import_issue',
    ['import_id', 'line', 'severity', 'code', 'field', 'finess', 'value', 'message'],
    issues.map((i) => [importId, i.line, i.severity, i.code, i.field, i.finess, i.value, i.message]),
  )
}

export async function finishFinessImport(
  session: Session,
  importId: number,
  counts: ImportCounts,
): Promise<void> {
  await session.db
    .updateTable('finess_import')
    .set({ ...counts, finished_at: new Date().toISOString() })
    .where('id', '=', importId)
    .execute()
}

export interface ImportSummary {
  id: number
  fileName: string
  sha256: string
  sizeBytes: number
  format: string
  extractDate: string | null
  encoding: string | null
  strict: boolean
  startedAt: string
  finishedAt: string | null
  counts: ImportCounts
}

export async function listFinessImports(db: Kysely<Database>, limit = 100): Promise<ImportSummary[]> {
  const rows = await db
    .selectFrom('finess_import as i')
    .innerJoin('source_file as f', 'f.id', 'i.source_file_id')
    .select([
      'i.id',
      'f.file_name',
      'f.sha256',
      'f.size_bytes',
      'i.format',
      'i.extract_date',
      'i.encoding',
      'i.strict',
      'i.started_at',
      'i.finished_at',
      'i.lines_read',
      'i.sites_read',
      'i.created_count',
      'i.changed_count',
      'i.unchanged_count',
      'i.closed_count',
      'i.reopened_count',
      'i.rejected_count',
      'i.warning_count',
      'i.legal_entities_count',
      'i.groups_count',
    ])
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    sha256: r.sha256,
    sizeBytes: Number(r.size_bytes),
    format: r.format,
    extractDate: r.extract_date,
    encoding: r.encoding,
    strict: r.strict,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    counts: {
      lines_read: r.lines_read,
      sites_read: r.sites_read,
      created_count: r.created_count,
      changed_count: r.changed_count,
      unchanged_count: r.unchanged_count,
      closed_count: r.closed_count,
      reopened_count: r.reopened_count,
      rejected_count: r.rejected_count,
      warning_count: r.warning_count,
      legal_entities_count: r.legal_entities_count,
      groups_count: r.groups_count,
    },
  }))
}

export async function listImportIssues(
  db: Kysely<Database>,
  importId: number,
  limit = 1000,
): Promise<ImportIssueRow[]> {
  return db
    .selectFrom('finess_import_issue')
    .select(['line', 'severity', 'code', 'field', 'finess', 'value', 'message'])
    .where('import_id', '=', importId)
    .orderBy('line')
    .limit(limit)
    .execute()
}

export async function countSites(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('site')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
