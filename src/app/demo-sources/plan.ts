// The calendar of the demo files: which month each national source has a file for, in which format, and
// the imperfections real files have, planted on purpose (RULES §3: "the FINESS base is neither complete nor
// clean"). Offsets count back from the last month, so a shorter window keeps the most recent ones.
import { addMonths, type Period } from '../../domain/observations/period'
import type { SourceCode } from '../../sources/monthly/source-definition'

/** The last month of the demo when none is given: the files stop there, whatever today's date is. */
export const DEFAULT_UNTIL: Period = '2026-10'
export const DEFAULT_MONTHS = 24

export type FileFormat = 'csv-cp1252' | 'csv-utf8-bom' | 'xlsx'

export interface SourcePlan {
  code: SourceCode
  format: FileFormat
  /** Months (counted back from the last one: 0 = last month) with no file: it never came. */
  missing: readonly number[]
  /** How often a file comes: every month, or one month in `every` (ending on the last month). */
  every: number
  /** Months whose file names a few FINESS numbers that the referential does not know. */
  unknownFiness: readonly number[]
  /** Month whose file repeats one of its lines. */
  duplicate: number | null
  /** Month whose first copy is damaged (a truncated download): refused, then the good copy is imported. */
  damaged: number | null
  /** A file that comes once, for these months whatever the window (the 2019 activity). */
  fixedPeriods?: readonly Period[]
}

/** The activity year's file is imported at the last month of that year (RULES §5: 2019 activity). */
export const ACTIVITY_PERIOD: Period = '2019-12'

const ONCE = { missing: [], every: 1, unknownFiness: [], duplicate: null, damaged: null } as const

export const SOURCE_PLANS: readonly SourcePlan[] = [
  { code: 'activite', format: 'xlsx', ...ONCE, fixedPeriods: [ACTIVITY_PERIOD] },
  {
    code: 'segur-asp',
    format: 'xlsx',
    missing: [19, 11],
    every: 1,
    unknownFiness: [],
    duplicate: null,
    damaged: 4,
  },
  {
    code: 'insi',
    format: 'csv-cp1252',
    missing: [15, 14],
    every: 1,
    unknownFiness: [8, 7, 6, 5, 4, 3, 2, 1, 0],
    duplicate: null,
    damaged: null,
  },
  {
    code: 'mssante',
    format: 'xlsx',
    missing: [9],
    every: 1,
    unknownFiness: [12, 2],
    duplicate: null,
    damaged: null,
  },
  {
    code: 'dmp',
    format: 'csv-cp1252',
    missing: [6],
    every: 1,
    unknownFiness: [5, 1],
    duplicate: 2,
    damaged: null,
  },
  {
    code: 'esms-numerique',
    format: 'csv-utf8-bom',
    missing: [],
    every: 3,
    unknownFiness: [3],
    duplicate: null,
    damaged: null,
  },
  {
    code: 'programmes',
    format: 'csv-utf8-bom',
    missing: [],
    every: 1,
    unknownFiness: [],
    duplicate: null,
    damaged: null,
  },
]

export interface Window {
  until: Period
  months: number
  periods: readonly Period[]
}

export function demoWindow(until: Period = DEFAULT_UNTIL, months: number = DEFAULT_MONTHS): Window {
  const periods = Array.from({ length: months }, (_, i) => addMonths(until, i - months + 1))
  return { until, months, periods }
}

/** Months back from the window's end (0 = the last month). */
export const monthsBack = (window: Window, index: number): number => window.months - 1 - index

/** Whether a monthly source has a file for the month at `index` of the window. */
export function hasFile(plan: SourcePlan, window: Window, index: number): boolean {
  const back = monthsBack(window, index)
  return back % plan.every === 0 && !plan.missing.includes(back)
}
