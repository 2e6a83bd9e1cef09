// Shapes of the programme data files. A programme version is one object of these types: adding a version is
// writing such an object (and its tests), not code. Numbers are euros or percentages (0–100) as the seed
// prints them; dates are ISO `YYYY-MM-DD`.

/** Where a value comes from: the RULES.md section and the seed file restated there. */
export interface Reference {
  readonly rules: string
  readonly seed: string
  readonly note?: string
}

export interface ProgrammeVersion {
  readonly id: string
  readonly version: string
  readonly label: string
}

/** One interval of a scale: `from` inclusive, `to` exclusive, except the last which includes `to`. */
export interface Bracket {
  readonly code: string
  readonly from: number
  readonly to: number
}

export interface BracketScale {
  readonly brackets: readonly Bracket[]
  /** Above the last bound: keep the last bracket's value (`cap`) or refuse the input (`reject`). */
  readonly above: 'cap' | 'reject'
  readonly reference: Reference
}

/** Ceiling at the bracket's lower bound (min) and upper bound (max); affine in between. */
export interface AffineRange {
  readonly min: number
  readonly max: number
}

export type AffineBareme = Readonly<Record<string, AffineRange>>

export interface DateRange {
  readonly from: string
  readonly to: string
}

export type Comparison = 'gte' | 'gt'

/** A value to reach: `gte` means at least `value`, `gt` strictly more. */
export interface Threshold {
  readonly value: number
  readonly comparison: Comparison
}

/** A target rate that depends on whether the establishment reached the equivalent SUN-ES domain. */
export interface ConditionalTarget {
  readonly ifSunEsReached: number
  readonly otherwise: number
}
