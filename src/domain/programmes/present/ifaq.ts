// JSON result and explanation of an IFAQ digital indicator (RULES §9).
import { exact, toNumber } from '../exact'
import { percentOf } from '../mechanisms/threshold'
import { num, percent, reachedText, yesNo } from '../format-fr'
import type { IfaqEvaluation } from '../rules/ifaq'
import type { IfaqInput } from '../schemas'
import type { ResultBase } from '../types'

export interface IfaqResult extends ResultBase<'ifaq'> {
  indicator: string
  code: string
  year: number
  numerator: number
  denominator: number
  rate: number
  target: number
  /** False when the year's target is the documented default, not a published value. */
  targetStated: boolean
  reached: boolean
  mustReport: boolean | null
}

export function presentIfaq(e: IfaqEvaluation, input: IfaqInput): IfaqResult {
  const rate = toNumber(percentOf(exact(e.numerator), exact(e.denominator)), 2)
  const notes = [
    'Mesure sur un mois plein, déclarée dans oSIS.',
    `Recueil obligatoire pour MCO, SSR et HAD ; PSY ${e.psyMandatory ? 'inclus (paramètre)' : 'exclu comme le dit le texte (le tableau de la source le coche : paramétrable)'}.`,
  ]
  if (e.target.note) notes.push(e.target.note)
  if (e.indicator === 'NUM2') notes.push('Le document n’a pas à porter une INS qualifiée.')
  return {
    kind: 'ifaq',
    programme: e.year.programme,
    summary: `IFAQ ${e.year.year} ${e.indicator} (${e.definition.code}) : ${percent(rate)} pour une cible de ${percent(e.target.value)}, ${reachedText(e.reached)}.`,
    inputs: { ...input },
    missing: [...e.missing],
    explanation: [
      { label: 'Numérateur', value: num(e.numerator), detail: e.definition.numerator },
      { label: 'Dénominateur', value: num(e.denominator), detail: e.definition.denominator },
      {
        label: 'Taux',
        value: percent(rate),
        detail: `${num(e.numerator)} × 100 / ${num(e.denominator)} (comparé exactement à la cible)`,
      },
      {
        label: `Cible ${e.year.year}`,
        value: percent(e.target.value),
        detail: e.target.stated ? 'cible publiée' : 'cible non publiée : valeur par défaut',
      },
      { label: 'Résultat', value: reachedText(e.reached) },
      {
        label: 'Recueil obligatoire',
        value: yesNo(e.mustReport),
        detail: input.activityFields
          ? `champs ${input.activityFields.join(', ')}`
          : 'champs d’activité non fournis',
      },
    ],
    notes,
    references: [e.year.reference],
    indicator: e.indicator,
    code: e.definition.code,
    year: e.year.year,
    numerator: e.numerator,
    denominator: e.denominator,
    rate,
    target: e.target.value,
    targetStated: e.target.stated,
    reached: e.reached,
    mustReport: e.mustReport,
  }
}
