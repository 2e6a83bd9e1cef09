// The monthly report as an Excel workbook (issue 7 §5): one sheet per section — key figures, evolution,
// rankings, programmes, priorities — each with its title, the point and the source, and its header row
// frozen. Written with ExcelJS's streaming writer straight to the response.
import type { Writable } from 'node:stream'
import Decimal from 'decimal.js'
import ExcelJS from 'exceljs'
import type { Dashboard, RankedStructure } from '../domain/contract/dashboard'
import type { MonthlyReport } from '../domain/contract/monthly-report'
import { frenchMonth } from '../domain/report/french-format'
import { RANKING_TITLES, titleAt } from '../domain/report/titles'
import { PRIORITIES_SHEET, writePrioritySheet } from './report-xlsx-priorities'
import { PROGRAMMES_SHEET, writeProgrammeSheet } from './report-xlsx-programmes'
import {
  COUNT_FORMAT,
  numberCell,
  POINTS_FORMAT,
  ReportSheet,
  SHARE_FORMAT,
  TEXT_FORMAT,
  type SheetColumn,
} from './report-sheet'

const SHEET_NAMES = {
  keyFigures: 'Chiffres clés',
  evolution: 'Évolution',
  rankings: 'Classements',
  programmes: PROGRAMMES_SHEET,
  priorities: PRIORITIES_SHEET,
} as const

const KEY_FIGURE_COLUMNS: readonly SheetColumn[] = [
  { header: 'Thème', width: 22 },
  { header: 'Indicateur', width: 34 },
  { header: 'Mois des données', width: 16 },
  { header: 'Statut', width: 36 },
  { header: 'Région : établissements', width: 16, format: COUNT_FORMAT },
  { header: 'Région : part', width: 12, format: SHARE_FORMAT },
  { header: 'Point précédent : établissements', width: 18, format: COUNT_FORMAT },
  { header: 'Point précédent : part', width: 14, format: SHARE_FORMAT },
  { header: 'Évolution de la part', width: 14, format: POINTS_FORMAT },
  { header: 'France : établissements', width: 16, format: COUNT_FORMAT },
  { header: 'France : part', width: 12, format: SHARE_FORMAT },
]

function writeKeyFigures(workbook: ExcelJS.stream.xlsx.WorkbookWriter, report: MonthlyReport) {
  const sheet = new ReportSheet(workbook, SHEET_NAMES.keyFigures, report, KEY_FIGURE_COLUMNS)
  const { sites, columns } = report.keyFigures
  const all = [sites.region, 100, sites.previous, 100, null, sites.nation, 100]
  sheet.row(['Périmètre', 'Établissements ouverts suivis', null, 'Ensemble', ...all], true)
  for (const column of columns) {
    for (const status of column.statuses) {
      const change =
        status.previous === null
          ? null
          : new Decimal(status.region.share).minus(status.previous.share).toNumber()
      sheet.row([
        column.themeLabel,
        column.label,
        frenchMonth(column.month),
        status.label,
        status.region.count,
        status.region.share,
        status.previous?.count ?? null,
        status.previous?.share ?? null,
        change,
        status.nation?.count ?? null,
        status.nation?.share ?? null,
      ])
    }
  }
  sheet.note(
    'Parts : en % des établissements ouverts suivis du périmètre. Les chiffres sont ceux de la grille de ' +
      'suivi pour les mêmes filtres. Les parts nationales des champs saisis par les régions ne sont ' +
      'données qu’aux utilisateurs nationaux.',
  )
  sheet.commit()
}

function writeEvolution(workbook: ExcelJS.stream.xlsx.WorkbookWriter, report: MonthlyReport) {
  const series = report.evolution.charts.flatMap((chart) =>
    chart.series.map((s) => ({ header: `${chart.title} : ${s.label} (${chart.unit})`, values: s.values })),
  )
  const sheet = new ReportSheet(workbook, SHEET_NAMES.evolution, report, [
    { header: 'Mois', width: 18 },
    ...series.map((s) => ({ header: s.header, width: 20, format: COUNT_FORMAT })),
  ])
  report.evolution.months.forEach((month, i) => {
    sheet.row([frenchMonth(month), ...series.map((s) => numberCell(s.values[i] ?? null))])
  })
  sheet.commit()
}

const RANKING_COLUMNS = (unit: string): SheetColumn[] => [
  { header: 'Rang', width: 12 },
  { header: 'FINESS', width: 30, format: TEXT_FORMAT },
  { header: 'Niveau', width: 12 },
  { header: 'Établissement', width: 44 },
  { header: 'Département', width: 14 },
  { header: unit, width: 16, format: COUNT_FORMAT },
]

const rankingRow = (r: RankedStructure, i: number) => [
  i + 1,
  r.finess,
  r.level,
  r.name,
  r.departement,
  numberCell(r.value),
]

function writeRanking(
  sheet: ReportSheet,
  title: string,
  unit: string,
  ranking: Dashboard['tables']['insiMonth'],
) {
  sheet.title(titleAt(title, ranking.month))
  sheet.header(RANKING_COLUMNS(unit))
  ranking.rows.forEach((r, i) => sheet.row(rankingRow(r, i)))
  if (ranking.rows.length === 0) sheet.note('Aucune donnée pour ce mois.')
}

function writeRankings(workbook: ExcelJS.stream.xlsx.WorkbookWriter, report: MonthlyReport) {
  const { tables } = report
  const first = tables.insiCumulative
  const sheet = new ReportSheet(workbook, SHEET_NAMES.rankings, report, RANKING_COLUMNS('Appels'), {
    caption: titleAt(RANKING_TITLES.insiCumulative, first.month, 'à fin '),
  })
  first.rows.forEach((r, i) => sheet.row(rankingRow(r, i)))
  if (first.rows.length === 0) sheet.note('Aucune donnée pour ce mois.')
  writeRanking(sheet, RANKING_TITLES.insiMonth, 'Appels', tables.insiMonth)
  writeRanking(sheet, RANKING_TITLES.dmpMonth, 'Documents', tables.dmpMonth)
  sheet.title(titleAt(RANKING_TITLES.insStarted, tables.insStarted.month))
  sheet.header([
    { header: 'Catégorie', format: TEXT_FORMAT },
    { header: 'Libellé' },
    { header: 'Sites', format: COUNT_FORMAT },
    { header: 'Ayant démarré', format: COUNT_FORMAT },
    { header: 'Part', format: SHARE_FORMAT },
  ])
  for (const c of tables.insStarted.categories)
    sheet.row([c.categoryCode, c.categoryLabel, c.sites, c.started, c.share])
  const total = tables.insStarted.total
  sheet.row(['Total', null, total.sites, total.started, total.share], true)
  sheet.commit()
}

export async function writeReportWorkbook(report: MonthlyReport, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  })
  workbook.creator = 'Jalon'
  writeKeyFigures(workbook, report)
  writeEvolution(workbook, report)
  writeRankings(workbook, report)
  writeProgrammeSheet(workbook, report)
  writePrioritySheet(workbook, report)
  await workbook.commit()
}
