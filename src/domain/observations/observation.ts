// One monthly figure or status of one structure, whatever source it came from (DESIGN: every observation
// carries its period, its source import and the FINESS level it was reported at).
import type { Period } from './period'

/**
 * The FINESS level a value is reported at: a site (EG), a legal entity (EJ, e.g. MSSanté messages), or the
 * FINESS PMSI of hospital funding (RULES §1). An EJ value shows on each of its sites and counts once.
 */
export type FinessLevel = 'EG' | 'EJ' | 'PMSI'
export const FINESS_LEVELS: readonly FinessLevel[] = ['EG', 'EJ', 'PMSI']

export const FINESS_LEVEL_LABELS: Readonly<Record<FinessLevel, string>> = {
  EG: 'FINESS géographique',
  EJ: 'FINESS juridique',
  PMSI: 'FINESS PMSI',
}

/**
 * The source code of a region's imported "Suivi Ségur ES" tracker: its values give a region's history, and a
 * national file wins over it where both give the same value.
 */
export const TRACKER_SOURCE = 'suivi-segur'

/** What one row of a source says, before it is stored. */
export interface Observation {
  finess: string
  level: FinessLevel
  indicator: string
  period: Period
  /** Counts, amounts and rates as exact decimal text ("1830", "47.5"); null for statuses and texts. */
  number: string | null
  /** Status code, boolean ("oui" / "non") or free text. */
  text: string | null
  /** A rate's numerator and denominator, when the source gives them. */
  numerator: string | null
  denominator: string | null
  /** The line of the source file it was read from, for the report. */
  line: number
}
