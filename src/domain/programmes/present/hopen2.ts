// JSON results and explanations of HOPEN 2 objectives and of a GHT candidature (RULES §8).
import { date as fr, euros, percent, reachedText, yesNo } from '../format-fr'
import type { HopenGhtEvaluation, HopenObjectiveEvaluation } from '../rules/hopen2'
import type { Hopen2GhtInput, Hopen2Input } from '../schemas'
import type { ExplanationStep, MoneyString, ResultBase, TargetResult } from '../types'
import { money, prerequisitesDetail, rateText, targetOf } from './common'

export interface Hopen2Result extends ResultBase<'hopen2'> {
  objective: { id: string; label: string; sunEsEquivalent: string }
  sunEsReached: boolean | null
  targetAdjustment: number
  targets: TargetResult[]
  reached: boolean | null
  prerequisites: { id: string; label: string; met: boolean | null }[]
  prerequisitesMet: boolean | null
  /** The per-objective forfait as given (not public). */
  amount: MoneyString | null
  advance: MoneyString | null
  balance: MoneyString | null
  earnedAmount: MoneyString | null
}

export interface Hopen2GhtResult extends ResultBase<'hopen2-ght'> {
  members: {
    finess: string
    name: string | null
    objectives: {
      objective: string
      reached: boolean | null
      amount: MoneyString | null
      earnedAmount: MoneyString | null
    }[]
  }[]
  amount: MoneyString | null
  advance: MoneyString | null
  balance: MoneyString | null
  earnedAmount: MoneyString | null
}

function prerequisiteList(e: HopenObjectiveEvaluation): { id: string; label: string; met: boolean | null }[] {
  return e.phase.prerequisites.map((p) => ({ id: p.id, label: p.label, met: e.prerequisites[p.id] ?? null }))
}

const show = (cents: number | null): string => (cents === null ? 'indéterminé' : euros(cents))

function objectiveSteps(e: HopenObjectiveEvaluation, prefix = ''): ExplanationStep[] {
  const steps: ExplanationStep[] = []
  for (const t of e.targets) {
    const { ifSunEsReached, otherwise } = t.indicator.target
    const which =
      ifSunEsReached === otherwise
        ? 'même cible pour tous'
        : `${percent(ifSunEsReached)} si le domaine SUN-ES équivalent (${e.objective.sunEsEquivalent}) est atteint, ${percent(otherwise)} sinon ; atteint : ${yesNo(e.sunEsReached)}`
    const adjusted =
      e.adjustment > 0 ? ` ; cible abaissée de ${e.adjustment} points (${e.objective.adjustment ?? ''})` : ''
    steps.push({
      label: `${prefix}${e.objective.id} — ${t.indicator.label}`,
      value: reachedText(t.reached),
      detail: `taux ${rateText(t.measured)}, cible ${t.target === null ? 'indéterminée' : percent(t.target)} (${which}${adjusted})`,
    })
  }
  const joint = e.targets.length > 1 ? ' (cibles solidaires)' : ''
  steps.push({
    label: `${prefix}${e.objective.id} — objectif`,
    value: reachedText(e.reached, 'm'),
    detail: `${e.objective.label}${joint}`,
  })
  return steps
}

export function presentHopen2(e: HopenObjectiveEvaluation, input: Hopen2Input): Hopen2Result {
  const explanation = objectiveSteps(e)
  explanation.push({
    label: 'Prérequis P1.P1 à P1.P4',
    value: yesNo(e.prerequisitesMet),
    detail: prerequisitesDetail(
      prerequisiteList(e).map((p) => ({ label: `${p.id} ${p.label}`, met: p.met })),
    ),
  })
  if (e.amountCents !== null) {
    explanation.push(
      { label: 'Forfait de l’objectif (saisi)', value: euros(e.amountCents) },
      {
        label: `Amorçage (${e.phase.advancePercent} %, à la validation)`,
        value: show(e.advanceCents),
        detail: 'arrondi au centime, demi au supérieur',
      },
      {
        label: 'Solde (à l’atteinte des cibles)',
        value: show(e.balanceCents),
        detail: 'forfait moins l’amorçage',
      },
    )
  }
  return {
    kind: 'hopen2',
    programme: e.phase.programme,
    summary: `HOPEN 2 ${e.objective.id} (${e.objective.label}) : objectif ${reachedText(e.reached, 'm')} ; montant acquis ${e.amountCents === null ? 'non calculable (forfait non public, à saisir)' : show(e.earnedCents)}.`,
    inputs: { ...input },
    missing: [...e.missing],
    explanation,
    notes: [
      `Candidature du ${fr(e.phase.candidature.from)} au ${fr(e.phase.candidature.to)} ; instruction ARS jusqu’au ${fr(e.phase.instructionEnd)} ; cibles mesurées avant le ${fr(e.phase.targetsMeasuredBefore)}. Le GHT candidate par son établissement support.`,
      'Les montants par objectif ne sont pas publics : ils sont saisis, sans valeur par défaut.',
      'La source ne dit pas si l’amorçage est repris quand les cibles ne sont pas atteintes : il est compté acquis.',
    ],
    references: [e.phase.reference],
    objective: { id: e.objective.id, label: e.objective.label, sunEsEquivalent: e.objective.sunEsEquivalent },
    sunEsReached: e.sunEsReached,
    targetAdjustment: e.adjustment,
    targets: e.targets.map((t) =>
      targetOf(t.indicator.id, null, t.indicator.label, t.target, t.measured, t.reached),
    ),
    reached: e.reached,
    prerequisites: prerequisiteList(e),
    prerequisitesMet: e.prerequisitesMet,
    amount: money(e.amountCents),
    advance: money(e.advanceCents),
    balance: money(e.balanceCents),
    earnedAmount: money(e.earnedCents),
  }
}

export function presentHopen2Ght(e: HopenGhtEvaluation, input: Hopen2GhtInput): Hopen2GhtResult {
  const first = e.members[0]?.objectives[0]
  const explanation: ExplanationStep[] = e.members.flatMap((m) => [
    ...m.objectives.flatMap((o) => objectiveSteps(o, `${m.finess} `)),
    {
      label: `${m.finess}${m.name ? ` ${m.name}` : ''} — montant acquis`,
      value: show(sumOf(m.objectives.map((o) => o.earnedCents))),
      detail: `prérequis : ${yesNo(m.objectives[0]?.prerequisitesMet ?? null)}`,
    },
  ])
  explanation.push({
    label: 'Total GHT',
    value: show(e.earnedCents),
    detail: 'somme des montants des établissements ayant atteint leurs cibles',
  })
  return {
    kind: 'hopen2-ght',
    programme: first?.phase.programme ?? { id: 'hopen2', version: '', label: 'HOPEN 2' },
    summary: `HOPEN 2, GHT de ${e.members.length} établissement(s) : montant acquis ${show(e.earnedCents)} sur ${show(e.amountCents)} de forfaits.`,
    inputs: { ...input },
    missing: [...e.missing],
    explanation,
    notes: [
      'Le GHT reçoit la somme des forfaits des établissements membres ayant atteint leurs cibles, par son établissement support.',
    ],
    references: first ? [first.phase.reference] : [],
    members: e.members.map((m) => ({
      finess: m.finess,
      name: m.name,
      objectives: m.objectives.map((o) => ({
        objective: o.objective.id,
        reached: o.reached,
        amount: money(o.amountCents),
        earnedAmount: money(o.earnedCents),
      })),
    })),
    amount: money(e.amountCents),
    advance: money(e.advanceCents),
    balance: money(e.balanceCents),
    earnedAmount: money(e.earnedCents),
  }
}

function sumOf(parts: readonly (number | null)[]): number | null {
  return parts.reduce<number | null>(
    (total, part) => (total === null || part === null ? null : total + part),
    0,
  )
}
