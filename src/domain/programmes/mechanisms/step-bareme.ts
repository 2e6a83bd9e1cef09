// Barème by steps with inclusive integer bounds and an open last step (RIS ceilings, RULES §6).

export interface Step {
  readonly from: number
  readonly to: number | null
}

/** The step whose inclusive bounds hold `value`, or null when none does (below the first step). */
export function findStep<S extends Step>(steps: readonly S[], value: number): S | null {
  for (const step of steps) {
    if (value >= step.from && (step.to === null || value <= step.to)) return step
  }
  return null
}
