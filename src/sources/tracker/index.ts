// Reading a region's "Suivi Ségur ES" tracker (seed 002, RULES §3) into observations.
//
// The tracker is an Excel workbook with one tab per follow-up point ("Août 2022", "Suivi Ségur ES -
// 08-2022"), a national-average tab and a methodology tab. A follow-up tab has its column headers on one
// row (row 3 in the original: FINESS Géographique … Installation certificat DMP), theme titles with their
// month on the row above ("INSi - Août 2022", "MSSanté - Juillet 2022"), and one establishment per row.
// Sheets come through the tabular contract (`TableSheet`), so the reader does not care how the workbook
// was opened.
//
// API
// - `readTrackerWorkbook(sheets, options): TrackerWorkbookReading`
//     `{ report: TrackerWorkbookReport, observations(): AsyncGenerator<Observation> }`. Reads every tab in
//     order; methodology and national-average tabs (by name) and tabs without a "FINESS Géographique"
//     header are skipped, each with its reason in `report.sheets[i].skipped`. Throws a SourceFileError when
//     no tab is a follow-up tab.
// - `openTrackerSheet(sheet, options): Promise<TrackerSheetReading>`
//     Reads one tab up to its headers: `report` gives the follow-up month and where it was read, each
//     theme's month (`themes`), the column layout (letters, themes, ignored and missing columns) or the skip
//     reason; `observations()` then streams the data rows, and the report's counts and issues are complete
//     when it ends.
// - `readTrackerSheet(sheet, options): AsyncGenerator<Observation, TrackerSheetReport>`: the same as one
//     generator whose return value is the report.
// - `TrackerOptions`: `{ fileName, resolve: FinessResolver, period?: Period, headerSearchRows?, ledger? }`.
//
// Dating: the national themes (Ségur orders, INSi, MSSanté, DMP feeding, DMP certificates) take the month
// of their title, else of the archive file name (`…_Logiciels-082022_INS-082022_MSS-072022_DMP-082022_
// Certificats-082022`), else the follow-up month with a warning; the region's fields (météo, comments,
// SIH) and the identity fields take the follow-up month: the tab's name, else a title above the headers,
// else `options.period`.
//
// Levels: every value is the FINESS géographique's (EG), except the MSSanté message count, reported per
// EJ and repeated by the tracker on each EG of the EJ: it is stored once on the row's FINESS juridique
// (level EJ); a different count on another EG of the same EJ is a warning and the first is kept.
//
// Every problem is a RowIssue with its line, the header as written and a French message naming the column
// by its letter ("colonne AF « Commentaires » (INSi) : …").
export { readTrackerWorkbook, type TrackerWorkbookReading, type TrackerWorkbookReport } from './read-workbook'
export {
  openTrackerSheet,
  readTrackerSheet,
  type FollowUp,
  type SkipKind,
  type TrackerOptions,
  type TrackerSheetReading,
  type TrackerSheetReport,
} from './read-sheet'
export type { ThemePeriod, TrackerColumn, TrackerLayout, TrackerThemeSpan } from './layout'
export type { TrackerTheme } from './themes'
export type { PeriodSource } from './periods'
export { ObservationLedger } from './ledger'
