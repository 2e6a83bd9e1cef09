// The monthly report's PDF sections drawn from the dashboards: the title block, the key figures (each status
// column beside the previous point and France), the evolution over the last points (a bar chart of each
// total and its table) and seed 000's tables (top 10s, INS started per category).
import type { Dashboard, EvolutionChart } from '../domain/contract/dashboard'
import type { KeyColumn, MonthlyReport } from '../domain/contract/monthly-report'
import {
  frenchCount,
  frenchCountChange,
  frenchDate,
  frenchMonth,
  frenchNumber,
  frenchPointChange,
  frenchShare,
  NOT_GIVEN,
} from '../domain/report/french-format'
import { RANKING_TITLES, titleAt } from '../domain/report/titles'
import {
  BAR_CHART_HEIGHT,
  barChart,
  BLUE,
  contentWidth,
  FONTS,
  paragraph,
  sectionHeading,
  subHeading,
  table,
  tableHeight,
  type Pdf,
  type PdfColumn,
} from './report-pdf-kit'

export function titleBlock(doc: Pdf, report: MonthlyReport): void {
  const left = doc.page.margins.left
  doc.rect(left, doc.y, contentWidth(doc), 4).fill(BLUE)
  doc.moveDown(0.8)
  doc.fillColor(BLUE).font(FONTS.bold).fontSize(11).text('Jalon — Rapport mensuel', left)
  doc.moveDown(0.2)
  doc.fillColor('black').fontSize(22).text(report.region.name, left)
  doc
    .font(FONTS.regular)
    .fontSize(12)
    .text(`Point de suivi : ${frenchMonth(report.period)}`, left)
  doc.moveDown(0.3)
  doc.fontSize(9).fillColor('#3a3a3a')
  doc.text(`Région ${report.region.code} — rapport généré le ${frenchDate(report.generatedOn)}`, left)
  doc.text(
    'Source : Jalon (fichiers nationaux INSi, DMP, MSSanté, Ségur et programmes ; suivi saisi par la région)',
    left,
  )
  doc.fillColor('black')
  const { sites } = report.keyFigures
  doc.moveDown(0.6)
  doc
    .font(FONTS.bold)
    .fontSize(10)
    .text(
      `${frenchCount(sites.region, 'établissement ouvert suivi', 'établissements ouverts suivis')} (` +
        `${frenchCountChange(sites.region, sites.previous)} depuis ${frenchMonth(report.previousPeriod)}) ; ` +
        `${frenchNumber(sites.nation)} en France.`,
      left,
    )
  doc.font(FONTS.regular).fontSize(9)
}

const KEY_COLUMNS: readonly PdfColumn[] = [
  { header: 'Statut', width: 0.3 },
  { header: 'Région', width: 0.1, align: 'right' },
  { header: 'Part', width: 0.1, align: 'right' },
  { header: 'Point précédent', width: 0.12, align: 'right' },
  { header: 'Part précédente', width: 0.12, align: 'right' },
  { header: 'Évolution', width: 0.12, align: 'right' },
  { header: 'Part France', width: 0.14, align: 'right' },
]

function keyColumn(doc: Pdf, column: KeyColumn): void {
  const month = column.month === null ? 'aucune donnée' : `données de ${frenchMonth(column.month)}`
  table(
    doc,
    KEY_COLUMNS,
    column.statuses.map((s) => [
      s.label,
      frenchNumber(s.region.count),
      frenchShare(s.region.share),
      s.previous ? frenchNumber(s.previous.count) : NOT_GIVEN,
      frenchShare(s.previous?.share ?? null),
      frenchPointChange(s.region.share, s.previous?.share ?? null),
      frenchShare(s.nation?.share ?? null),
    ]),
    `${column.themeLabel} — ${column.label} (${month})`,
  )
}

export function keyFiguresSection(doc: Pdf, report: MonthlyReport): void {
  sectionHeading(doc, '1. Chiffres clés')
  paragraph(
    doc,
    `Établissements par statut, en nombre et en part des établissements ouverts suivis, au point de suivi ` +
      `de ${frenchMonth(report.period)}, au point précédent (${frenchMonth(report.previousPeriod)}) et en ` +
      'France. Ce sont les chiffres de la grille de suivi pour les mêmes filtres. Les parts nationales des ' +
      'champs saisis par les régions (météo, organisation) ne sont données qu’aux utilisateurs nationaux.',
  )
  for (const column of report.keyFigures.columns) keyColumn(doc, column)
}

/** "09/22": twelve months fit under the bars. */
const shortMonth = (period: string) => `${period.slice(5, 7)}/${period.slice(2, 4)}`

function evolutionChart(doc: Pdf, months: readonly string[], chart: EvolutionChart): void {
  // Months down the page: twelve rows, and as many columns as series (a total and its parts).
  const share = 0.84 / Math.max(1, chart.series.length)
  const columns: PdfColumn[] = [
    { header: 'Mois', width: 0.16 },
    ...chart.series.map((s) => ({ header: s.label, width: share, align: 'right' as const })),
  ]
  const rows = months.map((month, i) => [
    frenchMonth(month),
    ...chart.series.map((s) => frenchNumber(s.values[i] ?? null)),
  ])
  const total = chart.series[0]
  // Counts of calls, documents, messages as bars; counts of sites (orders, VA) are small: the table says it.
  const bars = total && chart.unit !== 'sites'
  subHeading(
    doc,
    `${chart.title} (${chart.unit})`,
    (bars ? BAR_CHART_HEIGHT : 0) + tableHeight(doc, columns, rows),
  )
  if (bars)
    barChart(
      doc,
      months.map((m, i) => ({ label: shortMonth(m), value: Number(total.values[i] ?? 0) })),
    )
  table(doc, columns, rows)
}

export function evolutionSection(doc: Pdf, report: MonthlyReport): void {
  sectionHeading(doc, '2. Évolution sur les derniers points de suivi')
  paragraph(
    doc,
    'Totaux de la région, chaque valeur comptée une fois au niveau où elle est déclarée (EG ou EJ).',
  )
  if (report.evolution.charts.length === 0) paragraph(doc, 'Aucune série lisible pour votre rôle.')
  for (const chart of report.evolution.charts) evolutionChart(doc, report.evolution.months, chart)
}

type Ranking = Dashboard['tables']['insiMonth']

function ranking(doc: Pdf, title: string, unit: string, data: Ranking): void {
  const heading = titleAt(title, data.month)
  if (data.rows.length === 0) {
    subHeading(doc, heading)
    return paragraph(doc, 'Aucune donnée pour ce mois.')
  }
  table(
    doc,
    [
      { header: 'Rang', width: 0.07, align: 'right' },
      { header: 'FINESS', width: 0.14 },
      { header: 'Niveau', width: 0.08 },
      { header: 'Établissement', width: 0.45 },
      { header: 'Dép.', width: 0.08 },
      { header: unit, width: 0.18, align: 'right' },
    ],
    data.rows.map((r, i) => [
      String(i + 1),
      r.finess,
      r.level,
      r.name ?? NOT_GIVEN,
      r.departement ?? NOT_GIVEN,
      frenchNumber(r.value),
    ]),
    heading,
  )
}

export function rankingsSection(doc: Pdf, report: MonthlyReport): void {
  const { tables } = report
  sectionHeading(doc, '3. Classements')
  ranking(doc, RANKING_TITLES.insiCumulative, 'Appels cumulés', tables.insiCumulative)
  ranking(doc, RANKING_TITLES.insiMonth, 'Appels du mois', tables.insiMonth)
  ranking(doc, RANKING_TITLES.dmpMonth, 'Documents', tables.dmpMonth)
  const { categories, total } = tables.insStarted
  table(
    doc,
    [
      { header: 'Catégorie', width: 0.55 },
      { header: 'Sites', width: 0.15, align: 'right' },
      { header: 'Ayant démarré', width: 0.15, align: 'right' },
      { header: 'Part', width: 0.15, align: 'right' },
    ],
    [
      ...categories.map((c) => [
        [c.categoryCode, c.categoryLabel].filter(Boolean).join(' – ') || NOT_GIVEN,
        frenchNumber(c.sites),
        frenchNumber(c.started),
        frenchShare(c.share),
      ]),
      ['Total', frenchNumber(total.sites), frenchNumber(total.started), frenchShare(total.share)],
    ],
    titleAt(RANKING_TITLES.insStarted, tables.insStarted.month),
  )
}
