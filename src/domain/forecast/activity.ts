// The activité combinée of a structure (RULES §5) from the activity terms of the ANS "fichier de calcul"
// that Jalon holds, computed by the engine: the basis of the SONS ceilings and the SUN-ES forfaits.
import type { ActivityBasis } from '../contract/structure-history'
import { countOf, type StructureHistory } from '../observations/derive-history'
import type { Period } from '../observations/period'
import type { ActiviteField } from '../programmes/data/activite-combinee-2019'
import { toPlain } from '../programmes/exact'
import { formatExplanation } from '../programmes/explain'
import { presentActivite } from '../programmes/present/activite'
import { evaluateActivite } from '../programmes/rules/activite'
import type { ActiviteInput } from '../programmes/schemas'
import { latestOf } from './common'

const TERMS: readonly [code: string, field: ActiviteField][] = [
  ['activite.journees-mco', 'mcoDays'],
  ['activite.seances-mco', 'mcoSessions'],
  ['activite.sejours-chir-ambu', 'ambulatoryStays'],
  ['activite.journees-ssr', 'ssrDays'],
  ['activite.journees-psy', 'psyDays'],
  ['activite.journees-had', 'hadDays'],
  ['activite.journees-usld', 'usldDays'],
]

export interface Activity {
  basis: ActivityBasis
  /** The activité combinée as the engine's inputs take it; null when it could not be computed. */
  value: number | null
}

/** Null when Jalon holds no activity term for the structure: there is nothing to compute from. */
export function activityOf(history: StructureHistory, asOf: Period): Activity | null {
  const input: ActiviteInput = {}
  let found = false
  for (const [code, field] of TERMS) {
    const latest = latestOf(history, code, asOf)
    if (!latest) continue
    found = true
    // A term that does not read as a whole number stays missing: the engine names it.
    const count = countOf(latest.value.number)
    if (count !== null) input[field] = count
  }
  if (!found) return null
  const evaluation = evaluateActivite(input)
  const result = presentActivite(evaluation, input)
  const year = latestOf(history, 'activite.annee', asOf)?.value.text ?? null
  return {
    value: result.activiteCombinee,
    basis: {
      value: evaluation.value === null ? null : toPlain(evaluation.value),
      category: result.category?.code ?? null,
      year,
      summary: result.summary,
      missing: result.missing.map((m) => ({ field: m.field, label: m.label })),
      explanation: formatExplanation(result),
    },
  }
}
