// A whole tracker workbook: every follow-up tab read in workbook order, the other tabs skipped with their
// reason, one value kept per structure, indicator and month across tabs.
import type { Observation } from '../../domain/observations/observation'
import { SourceFileError } from '../source-error'
import type { TableSheet } from '../tabular/table'
import { TRACKER_THEME_LABELS } from './themes'
import { ObservationLedger } from './ledger'
import { openTrackerSheet, type TrackerOptions, type TrackerSheetReport } from './read-sheet'

export interface TrackerWorkbookReport {
  fileName: string
  /** Every sheet in workbook order, read or skipped; each holds its own issues (lines are per sheet). */
  sheets: TrackerSheetReport[]
}

export interface TrackerWorkbookReading {
  /** Filled as the sheets are read; complete once `observations()` has ended. */
  report: TrackerWorkbookReport
  /**
   * The observations of every follow-up tab. Throws a SourceFileError when no tab is a follow-up tab, or
   * when a follow-up tab cannot be dated.
   */
  observations(): AsyncGenerator<Observation>
}

export function readTrackerWorkbook(
  sheets: AsyncIterable<TableSheet> | Iterable<TableSheet>,
  options: Omit<TrackerOptions, 'ledger'>,
): TrackerWorkbookReading {
  const report: TrackerWorkbookReport = { fileName: options.fileName, sheets: [] }
  const ledger = new ObservationLedger()
  return {
    report,
    async *observations() {
      for await (const sheet of sheets) {
        const reading = await openTrackerSheet(sheet, { ...options, ledger })
        sayRepeatedMonths(reading.report, report.sheets)
        report.sheets.push(reading.report)
        yield* reading.observations()
      }
      if (!report.sheets.some((s) => s.status === 'read'))
        throw new SourceFileError(
          options.fileName,
          report.sheets.length === 0
            ? 'le classeur ne contient aucun onglet'
            : `aucun onglet de suivi Ségur ES (${report.sheets
                .map((s) => `« ${s.sheet} » : ${s.skipped?.reason ?? 'ignoré'}`)
                .join(' ; ')})`,
        )
    },
  }
}

/**
 * A tab whose follow-up or theme month an earlier tab already gave (a title not updated when the tab was
 * copied): its values for that month are ignored where they repeat, and refused where they differ (each
 * said on its cell). Said once per theme here, so that the cause is plain.
 */
function sayRepeatedMonths(current: TrackerSheetReport, earlier: readonly TrackerSheetReport[]): void {
  const line = current.layout?.titleLine ?? current.layout?.headerLine ?? 1
  const warn = (message: string): void => {
    current.issues.push({
      line,
      severity: 'warning',
      code: 'month-repeated',
      field: null,
      finess: null,
      value: null,
      message,
    })
  }
  for (const other of earlier) {
    if (other.status !== 'read') continue
    if (current.followUp && other.followUp?.period === current.followUp.period)
      warn(
        `point de suivi ${current.followUp.period} déjà lu dans l’onglet « ${other.sheet} » : les valeurs déjà lues sont conservées`,
      )
    for (const theme of current.themes) {
      const same = other.themes.find((t) => t.theme === theme.theme && t.period === theme.period)
      if (same)
        warn(
          `thème ${TRACKER_THEME_LABELS[theme.theme]} de ${theme.period} déjà lu dans l’onglet « ${other.sheet} » (${same.title ?? 'sans titre'}) : les valeurs déjà lues sont conservées`,
        )
    }
  }
}
