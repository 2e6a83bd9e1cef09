// Use case: a programme simulation (issue 3), pure computation with no database.
import {
  isProgrammeInputError,
  simulate,
  SIMULATION_KINDS,
  type SimulationKind,
  type SimulationResult,
} from '../domain/programmes/index'

export type SimulationOutcome =
  | { ok: true; result: SimulationResult }
  | { ok: false; error: { error: string; field: string; allowed: string; reason: string } }

export { SIMULATION_KINDS }

/** Bad input is an answer (the engine's French message naming the field), not an exception. */
export function runSimulation(kind: SimulationKind, input: unknown): SimulationOutcome {
  try {
    return { ok: true, result: simulate(kind, input) }
  } catch (error) {
    if (isProgrammeInputError(error)) return { ok: false, error: error.toJSON() }
    throw error
  }
}
