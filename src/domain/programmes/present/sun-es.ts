// JSON result and explanation of a SUN-ES candidature (RULES §7).
import type { DateRange } from '../data/types'
import type { SunEsDomainId } from '../data/sun-es-volet1'
import { date as fr, euros, eurosExact, percent, reachedText, yesNo } from '../format-fr'
import { affineAmount } from '../mechanisms/piecewise-affine'
import type { SunEsEvaluation, SunEsTargetEvaluation } from '../rules/sun-es'
import type { SunEsInput } from '../schemas'
import type { CategoryResult, ExplanationStep, MoneyString, ResultBase, TargetResult } from '../types'
import {
  categoryOf,
  categoryStep,
  interpolationStep,
  money,
  moneyOf,
  numberOf,
  prerequisitesDetail,
  rateText,
  targetOf,
} from './common'

export interface SunEsDomainResult {
  domain: SunEsDomainId
  label: string
  eligible: boolean | null
  /** Forfait at 100 %, shown rounded; the amount is computed from its exact value. */
  forfait: MoneyString | null
  percentage: number | null
  amount: MoneyString | null
  targets: TargetResult[]
  bonus: TargetResult | null
  reached: boolean | null
  earnedAmount: MoneyString | null
}

export interface SunEsResult extends ResultBase<'sun-es'> {
  window: {
    number: number
    candidature: DateRange
    measurement: DateRange & { label: string }
    degressivity: number
  }
  activiteCombinee: number | null
  category: CategoryResult | null
  prerequisites: { id: string; label: string; met: boolean | null }[]
  prerequisitesMet: boolean | null
  domains: SunEsDomainResult[]
  /** Sum of the amounts at stake of the domains open to the establishment. */
  amount: MoneyString | null
  earnedAmount: MoneyString | null
  reached: boolean | null
}

export function presentSunEs(evaluation: SunEsEvaluation, input: SunEsInput): SunEsResult {
  const { version, window, position, activity } = evaluation
  const prerequisiteList = version.prerequisites.map((p, i) => ({
    id: p.id,
    label: p.label,
    met: evaluation.prerequisites[i] ?? null,
  }))
  const target = (t: SunEsTargetEvaluation): TargetResult => {
    const { code, label } = version.indicators[t.indicator]
    return targetOf(t.indicator, code, label, t.target, t.measured, t.reached)
  }
  const explanation: ExplanationStep[] = [
    {
      label: `Fenêtre ${window.number}`,
      value: `forfait à ${percent(window.degressivity)}`,
      detail: `candidature du ${fr(window.candidature.from)} au ${fr(window.candidature.to)}, mesure ${window.measurement.label} (du ${fr(window.measurement.from)} au ${fr(window.measurement.to)})`,
    },
  ]
  if (position && activity)
    explanation.push(categoryStep(position, activity, position.index === version.scale.brackets.length - 1))
  explanation.push({
    label: 'Prérequis (les six)',
    value: yesNo(evaluation.prerequisitesMet),
    detail: prerequisitesDetail(prerequisiteList),
  })
  for (const d of evaluation.domains) {
    const range = position ? d.domain.forfaits[position.bracket.code] : undefined
    if (d.eligible === false) {
      explanation.push({
        label: d.domain.label,
        value: 'non éligible',
        detail: 'domaine réservé aux établissements dont le plateau est le leur (même EJ)',
      })
      continue
    }
    if (range && position && activity) {
      const forfait = affineAmount(range, position)
      explanation.push(
        interpolationStep(`${d.domain.label} — forfait à 100 %`, range, position, activity, forfait),
      )
      explanation.push({
        label: `${d.domain.label} — montant`,
        value: d.amountCents === null ? 'indéterminé' : euros(d.amountCents),
        detail:
          d.percentage === null
            ? 'pourcentage du volet 2 non publié'
            : `${eurosExact(forfait)} × ${percent(d.percentage)}, arrondi une seule fois au centime (demi au supérieur)`,
      })
    }
    for (const t of d.targets) {
      const { label } = version.indicators[t.indicator]
      explanation.push({
        label: `${d.domain.id} — ${label}`,
        value: reachedText(t.reached),
        detail: `taux ${rateText(t.measured)}, cible ${percent(t.target)}`,
      })
    }
    if (d.bonus) {
      explanation.push({
        label: `${d.domain.id} — bonus ${version.indicators[d.bonus.indicator].label}`,
        value: reachedText(d.bonus.reached),
        detail: `taux ${rateText(d.bonus.measured)}, cible ${percent(d.bonus.target)} (montant du bonus non publié)`,
      })
    }
    const joint = d.domain.indicators.length > 1 ? ' (toutes les cibles ensemble)' : ''
    explanation.push({
      label: `${d.domain.label} — résultat`,
      value: reachedText(d.reached, 'm'),
      detail: `montant acquis : ${d.earnedCents === null ? 'indéterminé' : euros(d.earnedCents)}${joint}`,
    })
  }
  const stake = evaluation.amountCents === null ? 'indéterminé' : euros(evaluation.amountCents)
  const earned =
    evaluation.earnedCents === null ? 'indéterminé (données manquantes)' : euros(evaluation.earnedCents)
  const notes = [
    'Les montants versés sont arrondis un à un au centime (demi au supérieur) ; un total est la somme des montants versés.',
    'Seuls les patients hospitalisés comptent ; documents avec INS qualifiée ; envois DMP API v1 ou < 2.5 non comptés ; CR de biologie structurés (CDA R2 N3, LOINC).',
  ]
  if (evaluation.insRecoveryGate && evaluation.domains.some((d) => d.domain.volet === 1))
    notes.push(
      'La cible « récupération INS » (sans numérateur publié) est appliquée ; elle peut être levée par paramétrage.',
    )
  if (evaluation.domains.some((d) => d.domain.volet === 2))
    notes.push(
      'Volet 2 : cibles et fenêtres non publiées dans les sources ; pourcentage et atteinte à fournir.',
    )
  return {
    kind: 'sun-es',
    programme: version.programme,
    summary: `SUN-ES fenêtre ${window.number} (forfait à ${percent(window.degressivity)}) : montant en jeu ${stake}, montant acquis ${earned}.`,
    inputs: { ...input },
    missing: [...evaluation.missing],
    explanation,
    notes,
    references: [version.reference],
    window: {
      number: window.number,
      candidature: window.candidature,
      measurement: window.measurement,
      degressivity: window.degressivity,
    },
    activiteCombinee: numberOf(activity),
    category: categoryOf(position),
    prerequisites: prerequisiteList,
    prerequisitesMet: evaluation.prerequisitesMet,
    domains: evaluation.domains.map((d) => ({
      domain: d.domain.id,
      label: d.domain.label,
      eligible: d.eligible,
      forfait: d.range && position ? moneyOf(affineAmount(d.range, position)) : null,
      percentage: d.percentage,
      amount: money(d.amountCents),
      targets: d.targets.map(target),
      bonus: d.bonus ? target(d.bonus) : null,
      reached: d.reached,
      earnedAmount: money(d.earnedCents),
    })),
    amount: money(evaluation.amountCents),
    earnedAmount: money(evaluation.earnedCents),
    reached: evaluation.reached,
  }
}
