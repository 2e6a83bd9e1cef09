// Use case: import one national source file for one month (issue 4). Read → reconcile → load the
// observations in one transaction → compare with the import it replaces → recompute the derived
// indicators. A dry run does all of it and rolls back, so the preview is exactly what a commit would do.
import type { Observation } from '../domain/observations/observation'
import { isPeriod, periodStart, type Period } from '../domain/observations/period'
import { interpretRows, type InterpretStats } from '../sources/monthly/interpret'
import type { SourceDefinition } from '../sources/monthly/source-definition'
import { findSource } from '../sources/monthly/sources/index'
import { SourceFileError, sortIssues, type RowIssue } from '../sources/source-error'
import { openTable } from '../sources/tabular/open-table'
import type { TableSheet } from '../sources/tabular/table'
import type { Session, Store } from '../store/database'
import { saveSourceFile } from '../store/finess-imports'
import {
  compareImports,
  copyObservations,
  deleteImportObservations,
  indicatorIds,
  type ImportDiff,
} from '../store/observations'
import { loadKnownFiness } from '../store/reconcile'
import {
  createSourceImport,
  currentSourceImport,
  finishSourceImport,
  markReplaced,
  sameFileOtherPeriods,
  saveSourceImportIssues,
  type SourceImportCounts,
} from '../store/source-imports'
import { loadSavedMapping } from '../store/source-mappings'
import { finessResolver } from './finess-resolver'
import { ImportRefusedError } from './import-errors'
import { keptCopy, sha256Of } from './raw-file'
import { recomputeDerived, type DerivedCounts } from './recompute-derived'

/** Files above this size are refused before parsing (JALON_MAX_IMPORT_MB overrides it). */
export const MAX_IMPORT_BYTES = Number(process.env.JALON_MAX_IMPORT_MB ?? 512) * 1024 * 1024
/** Observations per COPY: bounded memory whatever the file size. */
const BATCH_SIZE = 50_000
/** Issues returned in the report; all of them are stored. */
const REPORTED_ISSUES = 1_000

export interface SourceImportOptions {
  source: string
  fileName: string
  bytes: Uint8Array
  period: string
  actor: string
  dryRun?: boolean
  /** Refuse the whole file when any row is rejected. */
  strict?: boolean
  /** A header mapping saved for this source (jalon sources mapping save). */
  mappingName?: string
  /** XLSX: the worksheet to read (default: the first). */
  sheet?: string
  onProgress?: (step: string, rows?: number) => void
}

export interface SourceImportReport {
  importId: number | null
  dryRun: boolean
  source: string
  sourceLabel: string
  period: Period
  fileName: string
  sha256: string
  format: string
  encoding: string | null
  sheet: string
  headerLine: number
  columns: Record<string, string>
  replacedImportId: number | null
  counts: SourceImportCounts
  changes: ImportDiff
  derived: DerivedCounts
  issues: RowIssue[]
  issuesTotal: number
}

class DryRunRollback extends Error {
  constructor(readonly report: SourceImportReport) {
    super('dry run')
  }
}

export function checkPeriod(fileName: string, period: string): Period {
  if (!isPeriod(period))
    throw new SourceFileError(
      fileName,
      `période « ${period} » invalide : attendu un mois AAAA-MM, par exemple 2024-03`,
    )
  return period
}

export function checkSize(fileName: string, bytes: Uint8Array): void {
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new SourceFileError(
      fileName,
      `fichier de ${Math.round(bytes.length / 1048576)} Mo, au-delà de la limite de ${Math.round(MAX_IMPORT_BYTES / 1048576)} Mo (JALON_MAX_IMPORT_MB) : découpez-le ou compressez-le (gzip)`,
    )
}

async function pickSheet(fileName: string, bytes: Uint8Array, wanted: string | undefined) {
  const table = await openTable(fileName, bytes)
  const names: string[] = []
  for await (const sheet of table.sheets()) {
    if (wanted === undefined || sheet.name === wanted) return { table, sheet }
    names.push(sheet.name)
  }
  throw new SourceFileError(
    fileName,
    `pas de feuille « ${wanted} » (feuilles : ${names.map((n) => `« ${n} »`).join(', ')})`,
  )
}

export async function importSourceFile(
  store: Store,
  options: SourceImportOptions,
): Promise<SourceImportReport> {
  const progress = options.onProgress ?? (() => undefined)
  const source = findSource(options.source)
  if (!source) throw new SourceFileError(options.fileName, `source « ${options.source} » inconnue`)
  const period = checkPeriod(options.fileName, options.period)
  checkSize(options.fileName, options.bytes)
  const sha256 = sha256Of(options.bytes)
  const rawFile = keptCopy(options.fileName, sha256, options.bytes)
  const headers = options.mappingName
    ? await loadSavedMapping(store.db, source.code, options.mappingName)
    : undefined
  if (options.mappingName && !headers)
    throw new SourceFileError(
      options.fileName,
      `aucune correspondance d'en-têtes « ${options.mappingName} » enregistrée pour ${source.label}`,
    )
  progress('lecture du référentiel')
  const resolve = finessResolver(await loadKnownFiness(store.db))
  const ids = await indicatorIds(store.db)
  const { table, sheet } = await pickSheet(options.fileName, options.bytes, options.sheet)

  try {
    return await store.transaction(async (session) => {
      const issues: RowIssue[] = []
      for (const other of await sameFileOtherPeriods(session.db, source.code, sha256, periodStart(period)))
        issues.push({
          line: 0,
          severity: 'warning',
          code: 'same-file-other-period',
          field: null,
          finess: null,
          value: other.period.slice(0, 7),
          message: `ce fichier (même contenu) est déjà importé pour ${other.period.slice(0, 7)} (import n° ${other.id}) : vérifiez la période`,
        })
      const replaced = await currentSourceImport(session.db, source.code, periodStart(period), true)
      const sourceFileId = await saveSourceFile(session, await rawFile)
      const stats: InterpretStats = {
        headerLine: 0,
        rowsRead: 0,
        rowsRejected: 0,
        structures: 0,
        columns: {},
      }
      const importId = await createSourceImport(session, {
        source: source.code,
        period: periodStart(period),
        sourceFileId,
        format: table.format,
        encoding: table.encoding,
        sheet: sheet.name,
        headerLine: null,
        columns: {},
        mappingName: options.mappingName ?? null,
        actor: options.actor,
        replacesImportId: replaced?.id ?? null,
      })
      progress('lecture des lignes')
      const observations = await loadObservations(session, importId, ids, sheet, source, {
        fileName: options.fileName,
        period,
        resolve,
        ...(headers ? { headers } : {}),
        issues,
        stats,
        onBatch: (rows) => progress('lecture des lignes', rows),
      })
      if (stats.rowsRead === 0)
        throw new SourceFileError(
          options.fileName,
          `aucune ligne de données sous les en-têtes (ligne ${stats.headerLine}) : rien à importer`,
        )
      const rejected = issues.filter((i) => i.severity === 'rejected').length
      if (options.strict && rejected > 0) throw new ImportRefusedError(options.fileName, sortIssues(issues))
      if (observations === 0)
        throw new ImportRefusedError(
          options.fileName,
          sortIssues(issues),
          'aucune valeur utilisable dans le fichier',
        )
      progress('comparaison avec l’import précédent')
      const changes = await compareImports(session.db, importId, replaced?.id ?? null)
      if (replaced) {
        await deleteImportObservations(session, replaced.id)
        await markReplaced(session, replaced.id, importId)
      }
      progress('calcul des indicateurs dérivés')
      const derived = await recomputeDerived(session, period, ids)
      sortIssues(issues)
      await saveSourceImportIssues(session, importId, issues)
      const counts: SourceImportCounts = {
        rowsRead: stats.rowsRead,
        rowsRejected: stats.rowsRejected,
        structures: stats.structures,
        observations,
        added: changes.added,
        changed: changes.changed,
        removed: changes.removed,
        unchanged: changes.unchanged,
        warnings: issues.length - rejected,
        rejected,
      }
      await session.db
        .updateTable('source_import')
        .set({ header_line: stats.headerLine, columns: JSON.stringify(stats.columns) })
        .where('id', '=', importId)
        .execute()
      await finishSourceImport(session, importId, counts)
      const report: SourceImportReport = {
        importId: options.dryRun ? null : importId,
        dryRun: options.dryRun ?? false,
        source: source.code,
        sourceLabel: source.label,
        period,
        fileName: options.fileName,
        sha256,
        format: table.format,
        encoding: table.encoding,
        sheet: sheet.name,
        headerLine: stats.headerLine,
        columns: stats.columns,
        replacedImportId: replaced?.id ?? null,
        counts,
        changes,
        derived,
        issues: issues.slice(0, REPORTED_ISSUES),
        issuesTotal: issues.length,
      }
      if (options.dryRun) throw new DryRunRollback(report)
      progress('terminé')
      return report
    })
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report
    throw error
  }
}

interface LoadOptions {
  fileName: string
  period: Period
  resolve: ReturnType<typeof finessResolver>
  headers?: Readonly<Record<string, string>>
  issues: RowIssue[]
  stats: InterpretStats
  onBatch: (observations: number) => void
}

/** Streams the sheet's observations into the database in batches; returns how many were loaded. */
async function loadObservations(
  session: Session,
  importId: number,
  ids: ReadonlyMap<string, number>,
  sheet: TableSheet,
  source: SourceDefinition,
  options: LoadOptions,
): Promise<number> {
  let batch: Observation[] = []
  let total = 0
  const rows = interpretRows(
    sheet.rows,
    {
      fileName: options.fileName,
      source,
      period: options.period,
      resolve: options.resolve,
      ...(options.headers ? { headers: options.headers } : {}),
    },
    options.issues,
    options.stats,
  )
  for await (const observation of rows) {
    batch.push(observation)
    if (batch.length >= BATCH_SIZE) {
      await copyObservations(session, importId, ids, batch)
      total += batch.length
      batch = []
      options.onBatch(total)
    }
  }
  if (batch.length > 0) await copyObservations(session, importId, ids, batch)
  return total + batch.length
}
