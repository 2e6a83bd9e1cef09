// The monthly report a région owes the CNSA and brings to its CORS meetings (issue 7 §5): for one région and
// one follow-up point, the key figures beside the previous point's and the nation's, the evolution over the
// last points, seed 000's tables, the programmes' status and the priorities, as a PDF or an Excel workbook.
import { z } from 'zod'
import type { GridTheme } from '../grid/columns'
import { periodParam } from './access'
import type { Dashboard, EvolutionChart } from './dashboard'
import type { ProgrammeViews } from './dashboard-programmes'
import type { CriterionResult, PrioritySite } from './priorities'
import { structureFilters } from './structures'

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export const monthlyReportQuery = z.object({
  // The report is of one région: required here, where the dashboard's filter is optional.
  region: z.string({ error: 'région attendue' }).pipe(structureFilters.shape.region.unwrap()),
  period: z.string({ error: 'mois attendu : AAAA-MM' }).pipe(periodParam),
  format: z.enum(REPORT_FORMATS, { error: 'format attendu : pdf ou xlsx' }),
})
export type MonthlyReportQuery = z.output<typeof monthlyReportQuery>

/** `jalon-rapport-84-2022-09.pdf`: region and period are validated codes, so the name is plain ASCII. */
export function monthlyReportFileName(region: string, period: string, format: ReportFormat): string {
  return `jalon-rapport-${region}-${period}.${format}`
}

/** A count of sites and its share of the sites in view (percentage 0–100, two decimals), as the dashboard. */
export interface ReportShare {
  count: number
  share: number
}

/** One line of a status column: a status, "Sans donnée" or "Autre valeur". */
export interface KeyStatus {
  /** The status code; `null` for sites without a value, `*` for values outside the vocabulary. */
  code: string | null
  label: string
  region: ReportShare
  /** At the previous follow-up point; null when the column was not shown then. */
  previous: ReportShare | null
  /** In France; null where the user is not shown national figures of this column. */
  nation: ReportShare | null
}

export interface KeyColumn {
  key: string
  label: string
  theme: GridTheme
  themeLabel: string
  /** The month the values are read at (the grid's theme month), at this point and at the previous one. */
  month: string | null
  previousMonth: string | null
  statuses: KeyStatus[]
}

export interface KeyFigures {
  /** Open sites followed: the grid's totals for the région, at the previous point, and in France. */
  sites: { region: number; previous: number; nation: number }
  columns: KeyColumn[]
}

export interface MonthlyReport {
  region: { code: string; name: string }
  period: string
  previousPeriod: string
  /** ISO date of generation (`2026-12-02`). */
  generatedOn: string
  keyFigures: KeyFigures
  /** The months of the dashboard's evolution charts, and the charts (région's figures). */
  evolution: { months: string[]; charts: EvolutionChart[] }
  tables: Dashboard['tables']
  programmes: ProgrammeViews
  priorities: ReportPriorities
}

/** The sites to help first in the région, with the default criteria (issue 7 §3). */
export interface ReportPriorities {
  /** Each criterion with its weight and count of sites. */
  criteria: CriterionResult[]
  /** Sites meeting at least one criterion. */
  total: number
  /** The highest scores, at most PRIORITY_ROWS, each with its reasons. */
  sites: PrioritySite[]
}

/** How many priority sites the report lists. */
export const PRIORITY_ROWS = 20
