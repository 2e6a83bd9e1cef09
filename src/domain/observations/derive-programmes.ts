// Programme attainment from the rates a structure reports for a month: IFAQ NUM1 / NUM2 against the target
// of the month's year (RULES §9) and HOPEN 2 objectives (§8, P1.O2 joint), through the engine.
import { HOPEN2_PHASES } from '../programmes/data/registry'
import { IFAQ_NUM_INDICATORS } from '../programmes/data/ifaq-num'
import { isProgrammeInputError } from '../programmes/errors'
import { percent, reachedText } from '../programmes/format-fr'
import { presentHopen2 } from '../programmes/present/hopen2'
import { presentIfaq } from '../programmes/present/ifaq'
import { evaluateHopen2 } from '../programmes/rules/hopen2'
import { evaluateIfaq } from '../programmes/rules/ifaq'
import type { Hopen2Input, IfaqInput } from '../programmes/schemas'
import type { RateInput } from '../programmes/validation'
import { explain } from './derive-explain'
import { countOf, rateOf, valueAt, type StructureHistory } from './derive-history'
import { type DeriveConfig, type DerivedResult, derived, yesNoText } from './derive-result'
import { hopenCode, ifaqCode } from './derived-indicators'
import { programmeIndicatorCode } from './indicators'
import { type Period, periodLabel } from './period'

const IFAQ = Object.keys(IFAQ_NUM_INDICATORS).map((id) => ({
  id,
  source: programmeIndicatorCode('ifaq', id),
  code: ifaqCode(id),
}))

/** `derive.ifaq.<NUM>.atteint` for each IFAQ rate of the month, with the target of the month's year. */
export function deriveIfaq(
  history: StructureHistory,
  asOf: Period,
  config: DeriveConfig,
  out: DerivedResult[],
): void {
  for (const { id, source, code } of IFAQ) {
    const value = valueAt(history.series.get(source), asOf)
    if (value === null) continue
    const numerator = countOf(value.numerator)
    const denominator = countOf(value.denominator)
    const year = Number(asOf.slice(0, 4))
    const lead = `IFAQ ${id} de ${periodLabel(asOf)}`
    if (numerator === null || denominator === null) {
      const rate = value.number === null ? '' : ` (taux seul : ${value.number} %)`
      const why = `${lead} : numérateur et dénominateur non fournis${rate} ; la cible se compare à la fraction exacte : atteinte indéterminée.`
      out.push(derived(code, null, null, config.explain ? why : ''))
      continue
    }
    const input: IfaqInput = { indicator: id, year, numerator, denominator }
    let evaluation: ReturnType<typeof evaluateIfaq>
    try {
      evaluation = evaluateIfaq(input)
    } catch (error) {
      // A year without a target, a numerator above the denominator: the engine's own words say which.
      if (!isProgrammeInputError(error)) throw error
      const why = `${lead} : atteinte indéterminée. ${error.message}`
      out.push(derived(code, null, null, config.explain ? why : ''))
      continue
    }
    let text = ''
    if (config.explain) {
      const result = presentIfaq(evaluation, input)
      const note = evaluation.target.note
      text = explain(
        result,
        {
          // Whether the establishment must report needs its activity fields, which derive does not read.
          step: (s) => s.label !== 'Recueil obligatoire',
          missing: () => false,
          notes: note ? [note] : [],
        },
        `Mesure de ${periodLabel(asOf)}, comparée à la cible ${year}.`,
      )
    }
    out.push(derived(code, null, yesNoText(evaluation.reached), text, String(numerator), String(denominator)))
  }
}

/** The observation code of each HOPEN indicator: `hopen2.<objective>`, or with a suffix when joint. */
const JOINT_SUFFIXES: Readonly<Record<string, string>> = { ldl: 'LDL', ordonnance: 'ORD' }

export const HOPEN_SOURCES = HOPEN2_PHASES.flatMap((phase) =>
  phase.objectives.map((objective) => ({
    objective,
    code: hopenCode(objective.id),
    sources: objective.indicators.map((i) =>
      objective.indicators.length === 1
        ? programmeIndicatorCode('hopen2', objective.id)
        : programmeIndicatorCode('hopen2', `${objective.id}.${JOINT_SUFFIXES[i.id] ?? i.id.toUpperCase()}`),
    ),
    // Whether the SUN-ES result changes the target at all (P1.O1 and P1.O4: one target for all).
    conditional: objective.indicators.some((i) => i.target.ifSunEsReached !== i.target.otherwise),
  })),
)

/**
 * `derive.hopen2.<objective>.atteint` for each objective with a rate this month. The SUN-ES result, when
 * the caller does not know it, is taken as not reached: the "otherwise" target applies, and the text says so.
 */
export function deriveHopen2(
  history: StructureHistory,
  asOf: Period,
  config: DeriveConfig,
  out: DerivedResult[],
): void {
  for (const { objective, code, sources, conditional } of HOPEN_SOURCES) {
    let present = false
    // Sparse on purpose: an absent part stays a hole, which the engine reads as a rate not measured.
    const rates: RateInput[] = []
    for (let index = 0; index < sources.length; index++) {
      const value = valueAt(history.series.get(sources[index] ?? ''), asOf)
      if (value === null) continue
      present = true
      const rate = rateOf(value)
      if (rate !== null) rates[index] = rate
    }
    if (!present) continue
    const known = history.sunEsReached?.[objective.id]
    const input: Hopen2Input = {
      objective: objective.id,
      sunEsReached: conditional ? (known ?? false) : undefined,
      rates,
    }
    const evaluation = evaluateHopen2(input)
    let text = ''
    if (config.explain) {
      const prefix = `${objective.id} — `
      const assumed =
        conditional && known === undefined
          ? `Résultat du domaine SUN-ES équivalent (${objective.sunEsEquivalent}) inconnu : compté non atteint, la cible « sinon » (${objective.indicators.map((i) => percent(i.target.otherwise)).join(' / ')}) s’applique.`
          : undefined
      text = explain(
        presentHopen2(evaluation, input),
        {
          summary: `HOPEN 2 ${objective.id} (${objective.label}), taux de ${periodLabel(asOf)} : objectif ${reachedText(evaluation.reached, 'm')}.`,
          // The targets only: prerequisites and forfaits are for the candidature, not for the rate.
          step: (s) => s.label.startsWith(prefix),
          missing: (m) => m.field.startsWith('rates.'),
          notes: [],
        },
        assumed,
      )
    }
    out.push(derived(code, null, yesNoText(evaluation.reached), text))
  }
}
