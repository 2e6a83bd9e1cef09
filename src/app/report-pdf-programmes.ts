// The monthly report's PDF sections on the programmes (SUN-ES candidates and windows, every objective's
// attainment, funding committed and forecast) and on the priorities (the sites to help first, with why).
import type { AttainmentCount } from '../domain/contract/dashboard-programmes'
import type { MonthlyReport } from '../domain/contract/monthly-report'
import {
  frenchCount,
  frenchEuros,
  frenchMonth,
  frenchNumber,
  frenchShare,
  NOT_GIVEN,
} from '../domain/report/french-format'
import { WINDOW_STATE_LABELS } from '../domain/report/programme-labels'
import { paragraph, sectionHeading, subHeading, table, type Pdf, type PdfColumn } from './report-pdf-kit'

/** The forecasts listed in the PDF; the workbook lists all the views give. */
const FORECAST_ROWS = 10

const ATTAINMENT_COLUMNS: readonly PdfColumn[] = [
  { header: 'Objectif', width: 0.38 },
  { header: 'Mois des données', width: 0.16 },
  { header: 'Atteint', width: 0.11, align: 'right' },
  { header: 'Part', width: 0.11, align: 'right' },
  { header: 'Non atteint', width: 0.12, align: 'right' },
  { header: 'Sans donnée', width: 0.12, align: 'right' },
]

// The objectives' labels name their programme already ("HOPEN 2 P1.O1 …").
const attainmentRow = (a: AttainmentCount) => [
  a.label,
  frenchMonth(a.month),
  frenchNumber(a.reached.count),
  frenchShare(a.reached.share),
  frenchNumber(a.notReached.count),
  frenchNumber(a.empty.count),
]

export function programmesSection(doc: Pdf, report: MonthlyReport): void {
  const views = report.programmes
  sectionHeading(doc, '4. Programmes')
  paragraph(
    doc,
    `Candidats SUN-ES : ${frenchCount(views.candidates.count, 'établissement')} ` +
      `(${frenchShare(views.candidates.share)} des ${frenchNumber(views.sites)} suivis).`,
  )
  for (const window of views.windows) {
    const title =
      `SUN-ES, fenêtre ${window.number} — mesure ${window.measurement.label} ` +
      `(${WINDOW_STATE_LABELS[window.state]}), forfait à ${frenchShare(window.degressivity)}`
    if (window.domains.length > 0)
      table(
        doc,
        ATTAINMENT_COLUMNS,
        window.domains.map((d) => attainmentRow(d)),
        title,
      )
    else {
      subHeading(doc, title)
      paragraph(doc, 'Fenêtre de mesure pas encore ouverte à ce point de suivi.')
    }
  }
  const attainment = 'Atteinte des objectifs des programmes'
  if (views.attainment.length > 0)
    table(
      doc,
      ATTAINMENT_COLUMNS,
      views.attainment.map((a) => attainmentRow(a)),
      attainment,
    )
  else {
    subHeading(doc, attainment)
    paragraph(doc, 'Aucun objectif de programme lisible pour ce point.')
  }

  const { committed, forecast } = views.funding
  table(
    doc,
    [
      { header: 'Financement', width: 0.44 },
      { header: 'Structures', width: 0.17, align: 'right' },
      { header: 'Montant', width: 0.22, align: 'right' },
      { header: 'Non chiffrables', width: 0.17, align: 'right' },
    ],
    [
      [
        `Engagé : ${committed.label} (${frenchMonth(committed.month)})`,
        frenchNumber(committed.fundedSites),
        frenchEuros(committed.amount),
        NOT_GIVEN,
      ],
      ...forecast.totals.map((t) => [
        `Prévisionnel : ${t.label}`,
        frenchNumber(t.structures),
        frenchEuros(t.amount),
        frenchNumber(t.undetermined),
      ]),
    ],
    'Financements',
  )
  if (forecast.rows.length === 0) return
  table(
    doc,
    [
      { header: 'FINESS', width: 0.14 },
      { header: 'Établissement', width: 0.36 },
      { header: 'Prévision', width: 0.32 },
      { header: 'Montant', width: 0.18, align: 'right' },
    ],
    forecast.rows
      .slice(0, FORECAST_ROWS)
      .map((r) => [r.finess, r.name ?? NOT_GIVEN, r.label, frenchEuros(r.amount)]),
    `Principales prévisions de financement (${Math.min(FORECAST_ROWS, forecast.rows.length)} sur ` +
      `${frenchNumber(forecast.count)}, calculées par le moteur de règles)`,
  )
}

export function prioritiesSection(doc: Pdf, report: MonthlyReport): void {
  const { criteria, total, sites } = report.priorities
  sectionHeading(doc, '5. Priorités')
  paragraph(
    doc,
    total === 0
      ? 'Aucun établissement de la région ne répond aux critères de priorité à ce point de suivi.'
      : `${frenchCount(total, 'établissement')} répondant à au moins un critère ; ci-dessous, les ` +
          `${frenchNumber(sites.length)} premiers par score (somme des poids des critères remplis).`,
  )
  table(
    doc,
    [
      { header: 'Critère', width: 0.46 },
      { header: 'Poids', width: 0.08, align: 'right' },
      { header: 'Établissements', width: 0.16, align: 'right' },
      { header: 'Remarque', width: 0.3 },
    ],
    criteria.map((c) => [c.label, frenchNumber(c.weight), frenchNumber(c.count), c.note ?? '']),
    'Critères',
  )
  if (sites.length === 0) return
  table(
    doc,
    [
      { header: 'Rang', width: 0.06, align: 'right' },
      { header: 'FINESS', width: 0.13 },
      { header: 'Établissement', width: 0.27 },
      { header: 'Dép.', width: 0.06 },
      { header: 'Score', width: 0.07, align: 'right' },
      { header: 'Raisons', width: 0.41 },
    ],
    sites.map((s, i) => [
      String(i + 1),
      s.finessEg,
      s.name,
      s.departement ?? NOT_GIVEN,
      frenchNumber(s.score),
      s.reasons.map((r) => r.text).join(' ; '),
    ]),
    'Établissements à accompagner en priorité',
  )
}
