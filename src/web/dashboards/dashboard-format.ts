// French figures of the dashboard: counts with thin spaces, shares as "33,33 %", exact decimal text from the
// API as a number for charts and CSV files.
import { NOT_GIVEN } from '../format'

const COUNT = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 })

export function formatNumber(value: number | string | null): string {
  if (value === null) return NOT_GIVEN
  return COUNT.format(typeof value === 'string' ? Number(value) : value)
}

export const formatShare = (share: number): string => `${COUNT.format(share)} %`

/** Exact decimal text as a number (counts of calls or documents stay far below 2^53). */
export const toNumber = (value: string | null): number | null => (value === null ? null : Number(value))

/** The FINESS level a figure was reported at, as the dashboard's tables say it. */
export const LEVEL_LABELS: Readonly<Record<'EG' | 'EJ' | 'PMSI', string>> = {
  EG: 'Établissement',
  EJ: 'Entité juridique',
  PMSI: 'FINESS PMSI',
}
