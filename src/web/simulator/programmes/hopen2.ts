// HOPEN 2 phase 1 (RULES §8): the target of an objective given the SUN-ES result, and its attainment.
import { HOPEN2_PHASE1, type HopenObjective } from '../../../domain/programmes/data/hopen2-phase1'
import type { FormValues, NumberField, Programme } from '../fields'
import { formatPercent } from '../french-number'
import { allPrerequisites, RATE_HINT } from './common'

const { objectives, prerequisites, advancePercent } = HOPEN2_PHASE1

const objectiveOf = (values: FormValues): HopenObjective | undefined =>
  objectives.find((o) => o.id === values.objective)

const maxIndicators = Math.max(...objectives.map((o) => o.indicators.length))

function rateField(index: number): NumberField {
  const indicator = (values: FormValues) => objectiveOf(values)?.indicators[index]
  return {
    type: 'number',
    name: `rate${index + 1}`,
    path: `rates.${index}`,
    label: (values) => indicator(values)?.label ?? `Taux ${index + 1}`,
    hint: (values) => {
      const target = indicator(values)?.target
      if (!target) return RATE_HINT
      return target.ifSunEsReached === target.otherwise
        ? `${RATE_HINT} ; cible ${formatPercent(target.otherwise)}`
        : `${RATE_HINT} ; cible ${formatPercent(target.ifSunEsReached)} si le domaine SUN-ES équivalent est atteint, ${formatPercent(target.otherwise)} sinon`
    },
    visible: (values) => indicator(values) !== undefined,
  }
}

export const HOPEN2: Programme = {
  id: 'hopen2',
  kind: 'hopen2',
  label: 'HOPEN 2',
  description:
    'La cible d’un objectif de la phase 1 selon le résultat SUN-ES de l’établissement, son atteinte et, si le forfait est saisi, l’amorçage et le solde.',
  groups: [
    {
      legend: 'Objectif',
      fields: [
        {
          type: 'select',
          name: 'objective',
          path: 'objective',
          label: 'Objectif de la phase 1',
          hint: `${objectives[0]?.id ?? ''} à ${objectives.at(-1)?.id ?? ''}`,
          defaultValue: objectives[0]?.id ?? '',
          options: objectives.map((o) => ({ value: o.id, label: `${o.id} — ${o.label}` })),
        },
        {
          type: 'yes-no',
          name: 'sunEsReached',
          path: 'sunEsReached',
          label: 'Le domaine SUN-ES équivalent a été atteint',
          hint: (values) => {
            const objective = objectiveOf(values)
            if (!objective) return 'La cible en dépend'
            const same = objective.indicators.every((i) => i.target.ifSunEsReached === i.target.otherwise)
            return same
              ? `Sans effet pour ${objective.id} (${objective.sunEsEquivalent}) : même cible pour tous`
              : `Équivalent SUN-ES de ${objective.id} : ${objective.sunEsEquivalent} ; la cible en dépend`
          },
        },
        {
          type: 'number',
          name: 'targetAdjustment',
          path: 'targetAdjustment',
          label: 'Abaissement de la cible, en points',
          hint: (values) =>
            `De 0 à 100 ; tolérance admise pour cet objectif : ${objectiveOf(values)?.adjustment ?? ''}`,
          visible: (values) => Boolean(objectiveOf(values)?.adjustment),
        },
      ],
    },
    {
      legend: 'Taux mesurés (facultatifs)',
      hint: 'Sans taux, l’atteinte reste indéterminée : rien n’est deviné.',
      fields: Array.from({ length: maxIndicators }, (_, i) => rateField(i)),
    },
    {
      legend: 'Financement (facultatif)',
      fields: [
        {
          type: 'number',
          name: 'amount',
          path: 'amount',
          label: 'Forfait de l’objectif, en euros',
          hint: `Montant non public : à saisir, au centime près, 0 ou plus ; donne l’amorçage (${advancePercent} %) et le solde`,
        },
        allPrerequisites('prerequisites', 'Les prérequis P1.P1 à P1.P4 sont atteints', prerequisites),
      ],
    },
  ],
}
