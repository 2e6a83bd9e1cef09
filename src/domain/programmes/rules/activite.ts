// Activité combinée from its components and its category (RULES §5).
import {
  ACTIVITE_COMBINEE_2019,
  type ActiviteComponent,
  type ActiviteCombineeVersion,
} from '../data/activite-combinee-2019'
import { type Exact, ZERO, add, exact } from '../exact'
import { type Position, locate } from '../mechanisms/brackets'
import type { ActiviteInput } from '../schemas'
import type { MissingInput } from '../types'
import { inputError } from '../validation'
import { missing } from './common'

export interface ActiviteTerm {
  readonly component: ActiviteComponent
  readonly quantity: number | null
  readonly contribution: Exact | null
}

export interface ActiviteEvaluation {
  readonly version: ActiviteCombineeVersion
  readonly input: ActiviteInput
  /** Null when a component is missing: a partial sum would understate the category. */
  readonly value: Exact | null
  readonly position: Position | null
  readonly missing: readonly MissingInput[]
}

// The weights of a version are read once (one lookup per evaluation, not one per component).
const weightsByVersion = new WeakMap<ActiviteCombineeVersion, readonly Exact[]>()

function weightsOf(version: ActiviteCombineeVersion): readonly Exact[] {
  let weights = weightsByVersion.get(version)
  if (!weights) {
    weights = version.components.map((c) => exact(c.weight))
    weightsByVersion.set(version, weights)
  }
  return weights
}

function contribution(component: ActiviteComponent, weight: Exact, quantity: number): Exact {
  if (!Number.isInteger(quantity) || quantity < 0) {
    throw inputError(
      component.field,
      `un entier positif ou nul (${component.label})`,
      `valeur ${quantity} refusée`,
    )
  }
  return { n: BigInt(quantity) * weight.n, d: weight.d }
}

export function evaluateActivite(
  input: ActiviteInput,
  version: ActiviteCombineeVersion = ACTIVITE_COMBINEE_2019,
): ActiviteEvaluation {
  const weights = weightsOf(version)
  let absent: MissingInput[] | null = null
  let total: Exact = ZERO
  for (let i = 0; i < version.components.length; i++) {
    const component = version.components[i] as ActiviteComponent
    const quantity = input[component.field]
    if (quantity === undefined) (absent ??= []).push(missing(component.field, component.label))
    else total = add(total, contribution(component, weights[i] as Exact, quantity))
  }
  const value = absent === null ? total : null
  const position = value ? locate(version.scale, value) : null
  return { version, input, value, position, missing: absent ?? [] }
}

/** Each component with its contribution, for the explanation. */
export function termsOf(evaluation: ActiviteEvaluation): ActiviteTerm[] {
  const weights = weightsOf(evaluation.version)
  return evaluation.version.components.map((component, i) => {
    const quantity = evaluation.input[component.field] ?? null
    const weight = weights[i] as Exact
    return {
      component,
      quantity,
      contribution: quantity === null ? null : contribution(component, weight, quantity),
    }
  })
}
