// Use case: import one national source file for one month (issue 4). Read → reconcile → load the
// observations in one transaction → compare with the import it replaces → recompute the derived
// indicators. A dry run does all of it and rolls back, so the preview is exactly what a commit would do.
import { isPeriod, type Period } from '../domain/observations/period'
import { interpretRows, type InterpretStats } from '../sources/monthly/interpret'
import { findSource } from '../sources/monthly/sources/index'
import { SourceFileError, type RowIssue } from '../sources/source-error'
import { openTable } from '../sources/tabular/open-table'
import type { Store } from '../store/database'
import { OBSERVATION_TABLES, refreshStatistics } from '../store/statistics'
import { saveSourceFile } from '../store/finess-imports'
import { indicatorIds, type ImportDiff } from '../store/observations'
import { loadKnownFiness } from '../store/reconcile'
import type { SourceImportCounts } from '../store/source-imports'
import { loadSavedMapping } from '../store/source-mappings'
import { finessResolver } from './finess-resolver'
import { keptCopy, sha256Of } from './raw-file'
import type { DerivedCounts } from './recompute-derived'
import { saveSourceImport } from './save-source-import'
import type { Actor } from './access/actor'

/** Files above this size are refused before parsing (JALON_MAX_IMPORT_MB overrides it). */
export const MAX_IMPORT_BYTES = Number(process.env.JALON_MAX_IMPORT_MB ?? 512) * 1024 * 1024
/** Issues returned in the report; all of them are stored. */
const REPORTED_ISSUES = 1_000

export interface SourceImportOptions {
  source: string
  fileName: string
  bytes: Uint8Array
  period: string
  actor: Actor
  dryRun?: boolean
  /** Refuse the whole file when any row is rejected. */
  strict?: boolean
  /** A header mapping saved for this source (jalon sources mapping save). */
  mappingName?: string
  /** XLSX: the worksheet to read (default: the first). */
  sheet?: string
  onProgress?: (step: string, rows?: number) => void
  /** Refuse larger files before reading them (default MAX_IMPORT_BYTES). */
  maxBytes?: number
  /** False: the caller refreshes the planner's statistics once after a batch of files (the demo's). */
  refreshStatistics?: boolean
  /**
   * Loading history: leave the derived indicators as they are; the caller derives every month once the
   * batch is in (recomputeAllDerived), instead of each file re-deriving the whole history.
   */
  deriveLater?: boolean
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

const megabytes = (n: number): string =>
  (n / 1048576).toLocaleString('fr-FR', { maximumFractionDigits: n < 10 * 1048576 ? 1 : 0 })

export function checkSize(fileName: string, bytes: Uint8Array, maxBytes = MAX_IMPORT_BYTES): void {
  if (bytes.length > maxBytes)
    throw new SourceFileError(
      fileName,
      `fichier de ${megabytes(bytes.length)} Mo, au-delà de la limite de ${megabytes(maxBytes)} Mo (JALON_MAX_IMPORT_MB) : découpez-le ou compressez-le (gzip)`,
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
  checkSize(options.fileName, options.bytes, options.maxBytes)
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
    const report = await store.transaction(async (session) => {
      const issues: RowIssue[] = []
      const stats: InterpretStats = {
        headerLine: 0,
        rowsRead: 0,
        rowsRejected: 0,
        structures: 0,
        columns: {},
      }
      const sourceFileId = await saveSourceFile(session, await rawFile)
      const observations = interpretRows(
        sheet.rows,
        { fileName: options.fileName, source, period, resolve, ...(headers ? { headers } : {}) },
        issues,
        stats,
      )
      const saved = await saveSourceImport(
        session,
        {
          source: source.code,
          period,
          fileName: options.fileName,
          sha256,
          sourceFileId,
          format: table.format,
          encoding: table.encoding,
          sheet: sheet.name,
          mappingName: options.mappingName ?? null,
          actor: options.actor,
          strict: options.strict ?? false,
          derive: !options.deriveLater,
        },
        ids,
        observations,
        issues,
        () => stats,
        progress,
      )
      const report: SourceImportReport = {
        importId: options.dryRun ? null : saved.importId,
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
        replacedImportId: saved.replacedImportId,
        counts: saved.counts,
        changes: saved.changes,
        derived: saved.derived,
        issues: issues.slice(0, REPORTED_ISSUES),
        issuesTotal: issues.length,
      }
      if (options.dryRun) throw new DryRunRollback(report)
      progress('terminé')
      return report
    })
    if (options.refreshStatistics !== false) await refreshStatistics(store, OBSERVATION_TABLES)
    return report
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report
    throw error
  }
}
