// The JSON-ready results of the engine: what `simulate` returns, the CLI prints with `--json` and
// `POST /api/simulate/:kind` answers. Money is a decimal string in euros with two decimals ("10338.71"),
// rates and targets are numbers 0–100, dates ISO strings. Every result explains itself.
import type { ProgrammeVersion, Reference } from './data/types'

export const SIMULATION_KINDS = [
  'activite',
  'sons',
  'sun-es',
  'hopen2',
  'hopen2-ght',
  'ifaq',
  'ins-started',
  'dmp-feeding',
  'ehpad-dmp',
] as const
export type SimulationKind = (typeof SIMULATION_KINDS)[number]

/** Money as JSON: euros, two decimals, as a string so no binary float ever touches it. */
export type MoneyString = string

export interface ExplanationStep {
  /** What was computed or looked up, in French. */
  label: string
  /** Its value, formatted in French. */
  value: string
  /** How: the formula with its numbers, or the rule applied. */
  detail?: string
}

export interface MissingInput {
  field: string
  label: string
}

export interface CategoryResult {
  code: string
  from: number
  to: number
  /** The activity was above the last bound and the amount stays at the last maximum. */
  capped: boolean
}

export interface TargetResult {
  indicator: string
  code: string | null
  label: string
  target: number | null
  rate: number | null
  reached: boolean | null
}

export interface CheckResult {
  id: string
  label: string
  status: 'ok' | 'failed' | 'unknown'
  detail: string
}

export interface ResultBase<K extends SimulationKind> {
  kind: K
  programme: ProgrammeVersion
  /** One French sentence with the answer. */
  summary: string
  /** The inputs the computation used, as given. */
  inputs: Record<string, unknown>
  /** Inputs the computation needed and did not get: the dependent values are null, never guessed. */
  missing: MissingInput[]
  explanation: ExplanationStep[]
  notes: string[]
  references: Reference[]
}
