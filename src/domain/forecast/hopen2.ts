// HOPEN 2 phase 1 (RULES §8): each objective for which the structure reported a rate, up to the month asked.
// The per-objective forfait is not public and Jalon holds no prerequisite: the engine names both missing
// rather than guess an amount.
import type { FundingForecast } from '../contract/structure-history'
import { HOPEN_SOURCES } from '../observations/derive-programmes'
import { latestAt, rateOf, type StructureHistory } from '../observations/derive-history'
import { type Period, periodLabel } from '../observations/period'
import { presentHopen2 } from '../programmes/present/hopen2'
import { evaluateHopen2 } from '../programmes/rules/hopen2'
import type { Hopen2Input } from '../programmes/schemas'
import type { RateInput } from '../programmes/validation'
import { forecastOf, pricedForecast, type ForecastDetail } from './common'

export function hopen2Forecasts(
  history: StructureHistory,
  asOf: Period,
  detail: ForecastDetail = 'full',
): FundingForecast[] {
  const out: FundingForecast[] = []
  for (const { objective, sources, conditional } of HOPEN_SOURCES) {
    // Sparse on purpose, as in the derivation: an absent part is a rate not measured.
    const rates: RateInput[] = []
    const read: string[] = []
    sources.forEach((source, index) => {
      const value = latestAt(history.series.get(source), asOf)
      const rate = rateOf(value)
      if (value === null || rate === null) return
      rates[index] = rate
      read.push(`${source} de ${periodLabel(value.period)}`)
    })
    if (read.length === 0) continue
    const input: Hopen2Input = {
      objective: objective.id,
      rates,
      ...(conditional ? { sunEsReached: false } : {}),
    }
    const heading = {
      id: `hopen2.${objective.id}`,
      label: `HOPEN 2 — ${objective.id} ${objective.label}`,
      amountLabel: 'Forfait de l’objectif',
    }
    const evaluation = evaluateHopen2(input)
    if (detail === 'priced') {
      out.push(pricedForecast(heading, evaluation.amountCents))
      continue
    }
    const basis = [`Taux lus : ${read.join(', ')}.`]
    if (conditional)
      basis.push(
        `Résultat SUN-ES équivalent (${objective.sunEsEquivalent}) inconnu : compté non atteint, la cible « sinon » s’applique.`,
      )
    out.push(forecastOf(heading, presentHopen2(evaluation, input), basis))
  }
  return out
}
