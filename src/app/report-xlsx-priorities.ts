// The "Priorités" sheet of the monthly report: each default criterion with its weight and count, then the
// sites to help first with their score and reasons (issue 7 §3's lists, with the default criteria).
import type ExcelJS from 'exceljs'
import type { MonthlyReport } from '../domain/contract/monthly-report'
import { COUNT_FORMAT, ReportSheet, TEXT_FORMAT } from './report-sheet'

export const PRIORITIES_SHEET = 'Priorités'

export function writePrioritySheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  report: MonthlyReport,
): void {
  const { criteria, total, sites } = report.priorities
  const sheet = new ReportSheet(
    workbook,
    PRIORITIES_SHEET,
    report,
    [
      { header: 'Critère' },
      { header: 'Poids', format: COUNT_FORMAT },
      { header: 'Établissements', format: COUNT_FORMAT },
      { header: 'Remarque' },
    ],
    {
      caption: 'Critères de priorité (poids et paramètres par défaut)',
      // Rang, FINESS, name, département, score, reasons below; the criteria above.
      widths: [56, 20, 44, 40, 10, 90],
    },
  )
  for (const c of criteria) sheet.row([c.label, c.weight, c.count, c.note])
  sheet.title(`Établissements à accompagner en priorité (${sites.length} premiers sur ${total})`)
  sheet.header([
    { header: 'Rang' },
    { header: 'FINESS géographique', format: TEXT_FORMAT },
    { header: 'Établissement' },
    { header: 'Département' },
    { header: 'Score', format: COUNT_FORMAT },
    { header: 'Raisons' },
  ])
  sites.forEach((s, i) =>
    sheet.row([i + 1, s.finessEg, s.name, s.departement, s.score, s.reasons.map((r) => r.text).join(' ; ')]),
  )
  sheet.commit()
}
