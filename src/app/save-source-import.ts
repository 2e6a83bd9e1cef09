// The part of every monthly import that writes: create the import, stream its observations into the
// database in batches, refuse it if nothing usable came, compare with the import it replaces, retire that
// one, recompute the derived indicators and store the report. Runs inside the caller's transaction.
import type { Observation } from '../domain/observations/observation'
import { periodStart, type Period } from '../domain/observations/period'
import { SourceFileError, sortIssues, type RowIssue } from '../sources/source-error'
import type { Session } from '../store/database'
import { scopeDerivation } from '../store/derived'
import { firstCumulatedMonth, refreshCumulativeTotals } from '../store/cumulative-totals'
import { importedTotals, refreshMonthlyTotals } from '../store/monthly-totals'
import {
  compareImports,
  copyObservations,
  deleteImportObservations,
  importedValues,
  type ImportDiff,
} from '../store/observations'
import {
  createSourceImport,
  currentSourceImport,
  finishSourceImport,
  markReplaced,
  sameFileOtherPeriods,
  saveSourceImportIssues,
  type SourceImportCounts,
} from '../store/source-imports'
import { ImportRefusedError } from './import-errors'
import { recomputeDerived, type DerivedCounts } from './recompute-derived'
import { refreshDerivedCounts, refreshStatusCounts } from './status-counts'
import type { Actor } from './access/actor'
import { insertAuditEvents } from '../store/audit'
import { countedIndicatorIds } from '../store/status-counts'
import { TRACKER_SOURCE } from '../domain/observations/observation'

/** Observations per COPY: bounded memory whatever the file size. */
const BATCH_SIZE = 50_000

export interface ImportTarget {
  source: string
  period: Period
  fileName: string
  sha256: string
  sourceFileId: number
  format: string
  encoding: string | null
  sheet: string
  mappingName: string | null
  actor: Actor
  strict: boolean
  /**
   * False: the derived indicators are left as they were, for a batch of history files that the caller
   * derives once at the end (recomputeAllDerived); until then they do not follow the new values.
   */
  derive: boolean
}

/** What the reader knows once the stream has ended. */
export interface ReadSummary {
  headerLine: number
  columns: Record<string, string>
  rowsRead: number
  rowsRejected: number
  structures: number
}

export interface SavedImport {
  importId: number
  replacedImportId: number | null
  counts: SourceImportCounts
  changes: ImportDiff
  derived: DerivedCounts
}

export async function saveSourceImport(
  session: Session,
  target: ImportTarget,
  ids: ReadonlyMap<string, number>,
  observations: AsyncIterable<Observation>,
  issues: RowIssue[],
  summary: () => ReadSummary,
  progress: (step: string, rows?: number) => void,
): Promise<SavedImport> {
  const start = periodStart(target.period)
  for (const other of await sameFileOtherPeriods(session.db, target.source, target.sha256, start))
    issues.push({
      line: 0,
      severity: 'warning',
      code: 'same-file-other-period',
      field: null,
      finess: null,
      value: other.period.slice(0, 7),
      message: `ce fichier (même contenu) est déjà importé pour ${other.period.slice(0, 7)} (import n° ${other.id}) : vérifiez la période`,
    })
  const replaced = await currentSourceImport(session.db, target.source, start, true)
  const importId = await createSourceImport(session, {
    source: target.source,
    period: start,
    sourceFileId: target.sourceFileId,
    format: target.format,
    encoding: target.encoding,
    sheet: target.sheet,
    headerLine: null,
    columns: {},
    mappingName: target.mappingName,
    actor: target.actor.label,
    replacesImportId: replaced?.id ?? null,
  })
  progress('lecture des lignes')
  let batch: Observation[] = []
  let loaded = 0
  for await (const observation of observations) {
    batch.push(observation)
    if (batch.length >= BATCH_SIZE) {
      await copyObservations(session, importId, ids, batch)
      loaded += batch.length
      batch = []
      progress('lecture des lignes', loaded)
    }
  }
  if (batch.length > 0) await copyObservations(session, importId, ids, batch)
  loaded += batch.length
  const read = summary()
  if (read.rowsRead === 0)
    throw new SourceFileError(
      target.fileName,
      `aucune ligne de données sous les en-têtes (ligne ${read.headerLine}) : rien à importer`,
    )
  const rejected = issues.filter((i) => i.severity === 'rejected').length
  if (target.strict && rejected > 0) throw new ImportRefusedError(target.fileName, sortIssues(issues))
  if (loaded === 0)
    throw new ImportRefusedError(
      target.fileName,
      sortIssues(issues),
      'aucune valeur utilisable dans le fichier',
    )

  progress('comparaison avec l’import précédent')
  const changes = await compareImports(session.db, importId, replaced?.id ?? null)
  progress('calcul des indicateurs dérivés')
  // The structures whose history changes are those of both imports: scoped before the old one is deleted.
  if (target.derive) await scopeDerivation(session, replaced ? [importId, replaced.id] : [importId])
  const from = earliestPeriod(target.period, await periodsOf(session, importId))
  const both = replaced ? [importId, replaced.id] : [importId]
  const totals = await importedTotals(session, both)
  const counted = await importedValues(session, both, await countedIndicatorIds(session.db))
  const cumulatedFrom = await firstCumulatedMonth(session, both)
  if (replaced) {
    await deleteImportObservations(session, replaced.id)
    await markReplaced(session, replaced.id, importId)
  }
  const derived = target.derive
    ? await recomputeDerived(session, from, ids, true)
    : { from: null, to: null, structures: 0, values: 0 }
  sortIssues(issues)
  await saveSourceImportIssues(session, importId, issues)
  const counts: SourceImportCounts = {
    rowsRead: read.rowsRead,
    rowsRejected: read.rowsRejected,
    structures: read.structures,
    observations: loaded,
    added: changes.added,
    changed: changes.changed,
    removed: changes.removed,
    unchanged: changes.unchanged,
    warnings: issues.length - rejected,
    rejected,
  }
  await session.db
    .updateTable('source_import')
    .set({ header_line: read.headerLine, columns: JSON.stringify(read.columns) })
    .where('id', '=', importId)
    .execute()
  await finishSourceImport(session, importId, counts)
  // After finishing: the kept sums read the current, finished imports.
  if (totals) await refreshMonthlyTotals(session, totals)
  if (cumulatedFrom) await refreshCumulativeTotals(session, cumulatedFrom)
  if (counted) await refreshStatusCounts(session, counted)
  await refreshDerivedCounts(session, derived)
  await insertAuditEvents(session, [
    {
      actorId: target.actor.id,
      actorLabel: target.actor.label,
      action: target.source === TRACKER_SOURCE ? 'tracker.import' : 'source.import',
      entityKind: 'source_import',
      entityId: String(importId),
      period: `${target.period}-01`,
      before: replaced ? { import: replaced.id } : undefined,
      after: {
        source: target.source,
        period: target.period,
        file: target.fileName,
        sha256: target.sha256,
        sheet: target.sheet,
        ...counts,
      },
    },
  ])
  return { importId, replacedImportId: replaced?.id ?? null, counts, changes, derived }
}

/** A tracker tab carries months older than its follow-up point (MSSanté of the month before). */
async function periodsOf(session: Session, importId: number): Promise<string | null> {
  const row = await session.db
    .selectFrom('observation')
    .select((eb) => eb.fn.min('period').as('first'))
    .where('import_id', '=', importId)
    .executeTakeFirst()
  return row?.first ? String(row.first).slice(0, 7) : null
}

function earliestPeriod(period: Period, first: string | null): Period {
  return first !== null && first < period ? first : period
}
