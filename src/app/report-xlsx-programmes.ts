// The "Programmes" sheet of the monthly report: SUN-ES candidates, each measurement window with its
// domains' attainment, every programme objective's attainment, the ESMS numérique amounts committed and the
// rules engine's funding forecasts (totals, then the largest forecasts with the engine's summary).
import type ExcelJS from 'exceljs'
import type { AttainmentCount, ProgrammeViews } from '../domain/contract/dashboard-programmes'
import type { MonthlyReport } from '../domain/contract/monthly-report'
import { frenchMonth } from '../domain/report/french-format'
import { PROGRAMME_LABELS, WINDOW_STATE_LABELS } from '../domain/report/programme-labels'
import {
  COUNT_FORMAT,
  EUROS_FORMAT,
  numberCell,
  ReportSheet,
  SHARE_FORMAT,
  TEXT_FORMAT,
  type SheetColumn,
} from './report-sheet'

export const PROGRAMMES_SHEET = 'Programmes'

const ATTAINMENT_COLUMNS: readonly SheetColumn[] = [
  { header: 'Programme', width: 26 },
  { header: 'Objectif', width: 40 },
  { header: 'Mois des données', width: 18 },
  { header: 'Atteint', width: 12, format: COUNT_FORMAT },
  { header: 'Part', width: 12, format: SHARE_FORMAT },
  { header: 'Non atteint', width: 12, format: COUNT_FORMAT },
  { header: 'Part', width: 12, format: SHARE_FORMAT },
  { header: 'Sans donnée', width: 12, format: COUNT_FORMAT },
  { header: 'Part', width: 12, format: SHARE_FORMAT },
]

const attainmentRow = (a: AttainmentCount, programme = PROGRAMME_LABELS[a.programme]) => [
  programme,
  a.label,
  frenchMonth(a.month),
  a.reached.count,
  a.reached.share,
  a.notReached.count,
  a.notReached.share,
  a.empty.count,
  a.empty.share,
]

export function writeProgrammeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  report: MonthlyReport,
): void {
  const views: ProgrammeViews = report.programmes
  const sheet = new ReportSheet(workbook, PROGRAMMES_SHEET, report, ATTAINMENT_COLUMNS, {
    caption: 'Atteinte des objectifs des programmes',
  })
  for (const a of views.attainment) sheet.row(attainmentRow(a))
  if (views.attainment.length === 0) sheet.note('Aucun objectif de programme lisible pour ce point.')

  sheet.title('Candidats SUN-ES')
  sheet.header([
    { header: 'Établissements suivis', format: COUNT_FORMAT },
    { header: 'Candidats SUN-ES', format: COUNT_FORMAT },
    { header: 'Part', format: SHARE_FORMAT },
  ])
  sheet.row([views.sites, views.candidates.count, views.candidates.share])
  for (const window of views.windows) {
    sheet.title(
      `SUN-ES, fenêtre ${window.number} — mesure ${window.measurement.label} ` +
        `(${WINDOW_STATE_LABELS[window.state]}), forfait à ${window.degressivity} %`,
    )
    sheet.header(ATTAINMENT_COLUMNS)
    for (const d of window.domains) sheet.row(attainmentRow(d, `Fenêtre ${window.number}`))
    if (window.domains.length === 0) sheet.note('Fenêtre de mesure pas encore ouverte à ce point de suivi.')
  }

  const { committed, forecast } = views.funding
  sheet.title('Financements')
  sheet.header([
    { header: 'Financement' },
    { header: 'Détail' },
    { header: 'Mois des données' },
    { header: 'Structures', format: COUNT_FORMAT },
    { header: 'Montant (€)', format: EUROS_FORMAT },
    { header: 'Non chiffrables', format: COUNT_FORMAT },
  ])
  sheet.row([
    'Engagé',
    committed.label,
    frenchMonth(committed.month),
    committed.fundedSites,
    numberCell(committed.amount),
  ])
  for (const t of forecast.totals)
    sheet.row([
      'Prévisionnel',
      t.label,
      frenchMonth(views.period),
      t.structures,
      numberCell(t.amount),
      t.undetermined,
    ])

  sheet.title(`Prévisions de financement par établissement (${forecast.rows.length} sur ${forecast.count})`)
  sheet.header([
    { header: 'FINESS', format: TEXT_FORMAT },
    { header: 'Établissement' },
    { header: 'Département' },
    { header: 'Prévision' },
    { header: 'Montant (€)', format: EUROS_FORMAT },
    { header: 'Synthèse du moteur de règles' },
    { header: 'Données manquantes' },
  ])
  for (const r of forecast.rows)
    sheet.row([
      r.finess,
      r.name,
      r.departement,
      r.label,
      numberCell(r.amount),
      r.summary,
      r.missing.join(', '),
    ])
  sheet.commit()
}
