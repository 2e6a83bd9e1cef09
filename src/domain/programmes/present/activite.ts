// JSON result and explanation of the activité combinée (RULES §5).
import { toNumber } from '../exact'
import { num } from '../format-fr'
import { type ActiviteEvaluation, termsOf } from '../rules/activite'
import type { ActiviteInput } from '../schemas'
import type { CategoryResult, ExplanationStep, ResultBase } from '../types'
import { categoryOf, categoryStep, numberOf } from './common'

export interface ActiviteResult extends ResultBase<'activite'> {
  activiteCombinee: number | null
  category: CategoryResult | null
  components: {
    field: string
    label: string
    quantity: number | null
    weight: number
    contribution: number | null
  }[]
}

export function presentActivite(evaluation: ActiviteEvaluation, input: ActiviteInput): ActiviteResult {
  const { version, value, position } = evaluation
  const terms = termsOf(evaluation)
  const explanation: ExplanationStep[] = terms.map((t) => ({
    label: t.component.label,
    value: t.contribution ? num(t.contribution) : 'manquant',
    detail:
      t.quantity === null ? 'donnée non fournie' : `${num(t.quantity)} × ${num(Number(t.component.weight))}`,
  }))
  if (value) {
    explanation.push({
      label: 'Activité combinée',
      value: num(value),
      detail: 'somme des équivalents journées MCO',
    })
  }
  const last = position?.index === version.scale.brackets.length - 1
  if (value && position) explanation.push(categoryStep(position, value, last))
  const summary = value
    ? `Activité combinée : ${num(value)} équivalents journées MCO, catégorie ${position?.bracket.code ?? 'hors barème'}.`
    : `Activité combinée non calculable : ${evaluation.missing.length} composante(s) manquante(s).`
  return {
    kind: 'activite',
    programme: version.programme,
    summary,
    inputs: { ...input },
    missing: [...evaluation.missing],
    explanation,
    notes: [
      'Les séjours de chirurgie ambulatoire sont saisis à part des journées MCO, comme dans la source (leur inclusion éventuelle dans les journées MCO n’est pas précisée).',
    ],
    references: [version.reference],
    activiteCombinee: numberOf(value),
    category: categoryOf(position),
    components: terms.map((t) => ({
      field: t.component.field,
      label: t.component.label,
      quantity: t.quantity,
      weight: Number(t.component.weight),
      contribution: t.contribution ? toNumber(t.contribution) : null,
    })),
  }
}
