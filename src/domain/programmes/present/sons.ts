// JSON result and explanation of a SONS ceiling (RULES §6).
import { euros, num } from '../format-fr'
import { affineAmount } from '../mechanisms/piecewise-affine'
import type { SonsEvaluation } from '../rules/sons'
import type { SonsInput } from '../schemas'
import type { CategoryResult, CheckResult, ExplanationStep, MoneyString, ResultBase } from '../types'
import { categoryOf, categoryStep, interpolationStep, money, numberOf } from './common'

export interface SonsResult extends ResultBase<'sons'> {
  dsr: SonsInput['dsr']
  activiteCombinee: number | null
  category: CategoryResult | null
  tranche: {
    code: string
    from: number
    to: number | null
    min: MoneyString | null
    max: MoneyString | null
  } | null
  /** Ceiling TTC. */
  amount: MoneyString | null
  /** Ceiling HT (RIS only: the seed gives both). */
  amountHt: MoneyString | null
  checks: CheckResult[]
  /** All checks passed; null when some could not be decided or none was asked. */
  checksPassed: boolean | null
}

const cents = (euros: number): number => euros * 100

export function presentSons(evaluation: SonsEvaluation, input: SonsInput): SonsResult {
  const { version, ris, dsr, position, activity, bareme, range, step } = evaluation
  const explanation: ExplanationStep[] = []
  const notes: string[] = []
  let tranche: SonsResult['tranche'] = null
  let summary: string
  if (dsr === 'RIS') {
    if (step) {
      tranche = { code: step.code, from: step.from, to: step.to, min: null, max: null }
      const bounds =
        step.to === null ? `${num(step.from)} examens et plus` : `${num(step.from)} à ${num(step.to)} examens`
      explanation.push({
        label: 'Tranche RIS',
        value: step.code,
        detail: `${num(evaluation.exams ?? 0)} examens annuels : ${bounds} (bornes incluses)`,
      })
      explanation.push(
        { label: 'Plafond TTC', value: euros(cents(step.ttc)) },
        { label: 'Plafond HT', value: euros(cents(step.ht)) },
      )
      summary = `Plafond SONS radiologie (RIS), tranche ${step.code} : ${euros(cents(step.ttc))} TTC (${euros(cents(step.ht))} HT).`
    } else summary = 'Plafond RIS non calculable : nombre d’examens manquant.'
  } else if (bareme === null) {
    summary = `Plafond SONS ${dsr} non calculable : le barème de ce DSR n’est pas dans les sources.`
    notes.push(
      `Le barème du DSR ${dsr} n’est pas publié dans les sources ; seules les conditions de solde sont vérifiées.`,
    )
  } else {
    const { label, envelope } = version.baremes[bareme]
    if (position && activity && range) {
      const last = position.index === version.scale.brackets.length - 1
      explanation.push(categoryStep(position, activity, last))
      tranche = {
        code: position.bracket.code,
        from: position.bracket.from,
        to: position.bracket.to,
        min: money(cents(range.min)),
        max: money(cents(range.max)),
      }
      explanation.push({
        label: `Barème ${label}, tranche ${position.bracket.code}`,
        value: `${num(range.min)} € à ${num(range.max)} €`,
        detail: 'plafond affine par morceaux dans la tranche',
      })
      const ceiling = affineAmount(range, position)
      explanation.push(interpolationStep('Plafond exact', range, position, activity, ceiling))
      explanation.push({
        label: 'Plafond arrondi',
        value: euros(evaluation.amountCents ?? 0),
        detail: 'arrondi une seule fois au centime, demi au supérieur',
      })
      summary = `Plafond SONS ${label} pour une activité combinée de ${num(activity)} (catégorie ${position.bracket.code}) : ${euros(evaluation.amountCents ?? 0)}.`
    } else summary = `Plafond SONS ${label} non calculable : activité combinée manquante.`
    notes.push(`Enveloppe nationale ${label} : ${num(envelope)} €.`)
    if (bareme === 'ALL')
      notes.push('Le barème « 3 fonctions » est la somme des barèmes DPI, RI et PFI de chaque tranche.')
  }
  for (const check of evaluation.checks) {
    const mark =
      check.status === 'ok' ? 'respectée' : check.status === 'failed' ? 'NON respectée' : 'indéterminée'
    explanation.push({ label: check.label, value: mark, detail: check.detail })
  }
  const failed = evaluation.checks.filter((c) => c.status === 'failed')
  if (failed.length > 0)
    summary += ` Condition(s) non respectée(s) : ${failed.map((c) => c.label).join(' ; ')}.`
  const checksPassed =
    evaluation.checks.length === 0
      ? null
      : failed.length > 0
        ? false
        : evaluation.checks.every((c) => c.status === 'ok')
          ? true
          : null
  notes.push(
    `Avance de ${version.advancePercent} % versée à l’éditeur à la demande de financement, solde après la VA signée.`,
  )
  return {
    kind: 'sons',
    programme: dsr === 'RIS' ? ris.programme : version.programme,
    summary,
    inputs: { ...input },
    missing: [...evaluation.missing],
    explanation,
    notes,
    references: [dsr === 'RIS' ? ris.reference : version.reference],
    dsr,
    activiteCombinee: numberOf(activity),
    category: categoryOf(position),
    tranche,
    amount: money(evaluation.amountCents),
    amountHt: step ? money(cents(step.ht)) : null,
    checks: [...evaluation.checks],
    checksPassed,
  }
}
