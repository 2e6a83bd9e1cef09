// The import page's pure parts: the month a file name gives, French dates and times, and what the
// progress bar shows for a job.
import { findPeriodIn } from '../../domain/observations/period'
import { formatCount } from '../format'

/** A month written in a file name: "…INSI-202403.csv", "insi_2024-03.xlsx", "INSi mars 2024.csv". */
export function periodFromFileName(fileName: string): string | null {
  const compact = /(?<!\d)(20\d{2})[-_]?(0[1-9]|1[0-2])(?!\d)/.exec(fileName)
  if (compact) return `${compact[1]}-${compact[2]}`
  return findPeriodIn(fileName)
}

// Shared with the other pages since the journal shows months and times too.
export { formatDateTime, formatPeriod } from '../format'

/** The steps an import goes through, in order, as the server names them (src/app/import-source.ts). */
const STEPS = ['lecture du référentiel', 'lecture des lignes', 'comparaison avec l’import précédent'] as const

export interface ProgressView {
  /** Null while the job has not said which step it is at: the bar is then indeterminate. */
  value: number | null
  max: number
  /** "Étape 2 sur 3 : lecture des lignes — 150 000 valeurs" */
  text: string
}

export function progressView(step: string, rows: number): ProgressView {
  const index = STEPS.indexOf(step as (typeof STEPS)[number])
  const count = rows > 0 ? ` — ${formatCount(rows, 'valeur')}` : ''
  if (index < 0) return { value: null, max: STEPS.length, text: `${capitalise(step)}${count}` }
  return {
    value: index,
    max: STEPS.length,
    text: `Étape ${index + 1} sur ${STEPS.length} : ${step}${count}`,
  }
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

const COUNT = new Intl.NumberFormat('fr-FR')

/** "150 000" */
export function formatNumber(value: number): string {
  return COUNT.format(value)
}

/** Field key → the header a source's template uses, to name a column in an anomaly. */
export function columnHeaders(source: { columns: { key: string; header: string }[] } | undefined) {
  return Object.fromEntries((source?.columns ?? []).map((c) => [c.key, c.header])) as Record<string, string>
}
