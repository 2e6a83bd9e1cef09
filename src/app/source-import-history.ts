// The history of monthly imports, and an import's error report as a CSV a user opens in a spreadsheet.
import type { Kysely } from 'kysely'
import { insertAuditEvents } from '../store/audit'
import type { Store } from '../store/database'
import type { Database } from '../store/schema'
import { loadSavedMapping, saveMapping } from '../store/source-mappings'
import type { Actor } from './access/actor'
import { spreadsheetCsv } from './csv'
import { importIssues, sourceImportHistory } from '../store/source-imports'

export interface SourceImportSummary {
  id: number
  source: string
  period: string
  fileName: string
  sha256: string
  actor: string
  startedAt: string
  finishedAt: string | null
  replacedBy: number | null
  replaces: number | null
  rowsRead: number
  observations: number
  added: number
  changed: number
  removed: number
  rejected: number
  warnings: number
}

export async function listSourceImports(
  db: Kysely<Database>,
  filter: { source?: string | undefined; period?: string | undefined } = {},
): Promise<SourceImportSummary[]> {
  const rows = await sourceImportHistory(db, filter)
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    period: r.period.slice(0, 7),
    fileName: r.file_name,
    sha256: r.sha256,
    actor: r.actor,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    replacedBy: r.replaced_by_import_id,
    replaces: r.replaces_import_id,
    rowsRead: r.rows_read,
    observations: r.observations,
    added: r.added_count,
    changed: r.changed_count,
    removed: r.removed_count,
    rejected: r.rejected_count,
    warnings: r.warning_count,
  }))
}

/** The error report: UTF-8 with BOM and `;` so that Excel opens it in French as is. Null: no such import. */
export async function issuesCsv(db: Kysely<Database>, importId: number): Promise<string | null> {
  const issues = await importIssues(db, importId)
  if (issues === null) return null
  const header = ['ligne', 'gravité', 'code', 'colonne', 'FINESS', 'valeur', 'motif']
  const rows = issues.map((i) => [
    i.line,
    i.severity === 'rejected' ? 'rejet' : 'avertissement',
    i.code,
    i.field,
    i.finess,
    i.value,
    i.message,
  ])
  return spreadsheetCsv(header, rows)
}

/** Saves a header mapping for a source (CLI `jalon sources mapping save`), journaled. */
export async function saveSourceMapping(
  store: Store,
  actor: Actor,
  mapping: { source: string; name: string; headers: Record<string, string> },
): Promise<void> {
  await store.transaction(async (session) => {
    const before = await loadSavedMapping(session.db, mapping.source, mapping.name)
    await saveMapping(session, { ...mapping, createdBy: actor.label })
    await insertAuditEvents(session, [
      {
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'mapping.save',
        entityKind: 'source_mapping',
        entityId: `${mapping.source}/${mapping.name}`,
        before,
        after: mapping.headers,
      },
    ])
  })
}
