// Use case: import a region's "Suivi Ségur ES" workbook (seed 002), so that the region finds its history in
// Jalon from day one. Each follow-up tab becomes its own import of source `suivi-segur` for its month (a
// re-import of that month replaces it), all tabs of the file in one transaction. `period` picks one tab;
// without it, every follow-up tab is imported.
import { type Period } from '../domain/observations/period'
import { SourceFileError, type RowIssue } from '../sources/source-error'
import { openTable } from '../sources/tabular/open-table'
import { ObservationLedger, openTrackerSheet, type TrackerSheetReport } from '../sources/tracker/index'
import type { Store } from '../store/database'
import { OBSERVATION_TABLES, refreshStatistics } from '../store/statistics'
import { saveSourceFile } from '../store/finess-imports'
import { indicatorIds } from '../store/observations'
import { loadKnownFiness } from '../store/reconcile'
import { finessResolver } from './finess-resolver'
import { checkPeriod, checkSize } from './import-source'
import { keptCopy, sha256Of } from './raw-file'
import { saveSourceImport, type SavedImport } from './save-source-import'
import type { Actor } from './access/actor'
import { TRACKER_SOURCE } from '../domain/observations/observation'

export { TRACKER_SOURCE }
export const TRACKER_LABEL = 'Tableau de suivi Ségur ES de la région'

export interface TrackerImportOptions {
  fileName: string
  bytes: Uint8Array
  /** The follow-up month to import; absent: every follow-up tab. */
  period?: string
  actor: Actor
  dryRun?: boolean
  strict?: boolean
  onProgress?: (step: string, rows?: number) => void
  /** Refuse larger files before reading them (default MAX_IMPORT_BYTES). */
  maxBytes?: number
}

export interface TrackerTabImport extends SavedImport {
  sheet: string
  period: Period
  /** Each national theme's month, as read from its title or the file name. */
  themes: { theme: string; period: Period }[]
  issues: RowIssue[]
}

export interface TrackerImportReport {
  dryRun: boolean
  fileName: string
  sha256: string
  tabs: TrackerTabImport[]
  skipped: { sheet: string; reason: string }[]
}

class DryRunRollback extends Error {
  constructor(readonly report: TrackerImportReport) {
    super('dry run')
  }
}

export async function importTrackerFile(
  store: Store,
  options: TrackerImportOptions,
): Promise<TrackerImportReport> {
  const progress = options.onProgress ?? (() => undefined)
  const wanted = options.period === undefined ? null : checkPeriod(options.fileName, options.period)
  checkSize(options.fileName, options.bytes, options.maxBytes)
  const sha256 = sha256Of(options.bytes)
  const rawFile = keptCopy(options.fileName, sha256, options.bytes)
  progress('lecture du référentiel')
  const resolve = finessResolver(await loadKnownFiness(store.db))
  const ids = await indicatorIds(store.db)
  const table = await openTable(options.fileName, options.bytes)
  try {
    const report = await store.transaction(async (session) => {
      const sourceFileId = await saveSourceFile(session, await rawFile)
      const ledger = new ObservationLedger()
      const report: TrackerImportReport = {
        dryRun: !!options.dryRun,
        fileName: options.fileName,
        sha256,
        tabs: [],
        skipped: [],
      }
      const seen: TrackerSheetReport[] = []
      for await (const sheet of table.sheets()) {
        const reading = await openTrackerSheet(sheet, {
          fileName: options.fileName,
          resolve,
          ledger,
          ...(wanted ? { period: wanted } : {}),
        })
        const tab = reading.report
        seen.push(tab)
        if (tab.status === 'skipped' || !tab.followUp || !tab.layout) {
          report.skipped.push({ sheet: tab.sheet, reason: tab.skipped?.reason ?? 'onglet non reconnu' })
          continue
        }
        if (wanted && tab.followUp.period !== wanted) {
          report.skipped.push({
            sheet: tab.sheet,
            reason: `point de suivi ${tab.followUp.period}, autre que ${wanted}`,
          })
          continue
        }
        const layout = tab.layout
        progress(`onglet « ${tab.sheet} » (${tab.followUp.period})`)
        const saved = await saveSourceImport(
          session,
          {
            source: TRACKER_SOURCE,
            period: tab.followUp.period,
            fileName: options.fileName,
            sha256,
            sourceFileId,
            format: table.format,
            encoding: table.encoding,
            sheet: tab.sheet,
            mappingName: null,
            actor: options.actor,
            strict: options.strict ?? false,
            derive: true,
          },
          ids,
          reading.observations(),
          tab.issues,
          () => ({
            headerLine: layout.headerLine,
            columns: Object.fromEntries(
              layout.columns.map((c) => [c.indicator ?? c.header, `${c.letter} « ${c.header} »`]),
            ),
            rowsRead: tab.rowsRead,
            rowsRejected: tab.rowsRejected,
            structures: tab.sites + tab.legalEntities,
          }),
          progress,
        )
        report.tabs.push({
          ...saved,
          sheet: tab.sheet,
          period: tab.followUp.period,
          themes: tab.themes.map((t) => ({ theme: t.theme, period: t.period })),
          issues: tab.issues.slice(0, 1000),
        })
      }
      if (report.tabs.length === 0)
        throw new SourceFileError(
          options.fileName,
          wanted
            ? `aucun onglet de suivi pour ${wanted} (onglets : ${seen.map((s) => `« ${s.sheet} »${s.followUp ? ` ${s.followUp.period}` : ''}`).join(', ')})`
            : `aucun onglet de suivi Ségur ES (${report.skipped.map((s) => `« ${s.sheet} » : ${s.reason}`).join(' ; ')})`,
        )
      if (options.dryRun) throw new DryRunRollback(report)
      return report
    })
    await refreshStatistics(store, OBSERVATION_TABLES)
    return report
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report
    throw error
  }
}
