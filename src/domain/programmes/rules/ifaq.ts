// IFAQ digital indicators NUM1 and NUM2 (RULES §9): rate, target of the year, reached, who must report.
import {
  IFAQ_NUM_INDICATORS,
  IFAQ_NUM_REPORTING,
  type IfaqIndicatorDefinition,
  type IfaqYear,
  type IfaqYearTarget,
} from '../data/ifaq-num'
import { IFAQ_YEARS } from '../data/registry'
import { fractionReaches } from '../mechanisms/threshold'
import type { IfaqInput } from '../schemas'
import type { MissingInput } from '../types'
import { inputError } from '../validation'
import { missing, NONE } from './common'

export interface IfaqEvaluation {
  readonly year: IfaqYear
  readonly indicator: string
  readonly definition: IfaqIndicatorDefinition
  readonly target: IfaqYearTarget
  readonly numerator: number
  readonly denominator: number
  readonly reached: boolean
  /** Null when the establishment's activity fields were not given. */
  readonly mustReport: boolean | null
  readonly psyMandatory: boolean
  readonly missing: readonly MissingInput[]
}

export function findIfaqYear(year: number, years: readonly IfaqYear[] = IFAQ_YEARS): IfaqYear {
  let found: IfaqYear | undefined
  for (const y of years) if (y.year === year) found = y
  if (!found)
    throw inputError(
      'year',
      `une année parmi ${years.map((y) => y.year).join(', ')}`,
      `année ${year} sans cible connue`,
    )
  return found
}

export function evaluateIfaq(input: IfaqInput, years: readonly IfaqYear[] = IFAQ_YEARS): IfaqEvaluation {
  const year = findIfaqYear(input.year, years)
  const definition = IFAQ_NUM_INDICATORS[input.indicator]
  const target = year.targets[input.indicator]
  if (!definition || !target) {
    const allowed = Object.keys(year.targets).join(', ')
    throw inputError(
      'indicator',
      `un indicateur parmi ${allowed}`,
      `indicateur « ${input.indicator} » inconnu en ${year.year}`,
    )
  }
  // A zero denominator or a numerator above it is refused here as in the schema (for direct callers).
  if (!(input.denominator > 0)) {
    throw inputError('denominator', 'un entier strictement positif', `valeur ${input.denominator} refusée`)
  }
  if (!(input.numerator >= 0 && input.numerator <= input.denominator)) {
    throw inputError(
      'numerator',
      'un entier de 0 au dénominateur (taux de 100 % au plus)',
      `valeur ${input.numerator} refusée`,
    )
  }
  const absent: MissingInput[] = []
  const psyMandatory = input.psyMandatory ?? IFAQ_NUM_REPORTING.psyMandatoryByDefault
  let mustReport: boolean | null = null
  if (input.activityFields === undefined)
    absent.push(missing('activityFields', 'champs d’activité de l’établissement (MCO, SSR, HAD, DIA, PSY)'))
  else {
    const mandatory: readonly string[] = IFAQ_NUM_REPORTING.mandatoryFields
    mustReport = input.activityFields.some((f) => mandatory.includes(f) || (psyMandatory && f === 'PSY'))
  }
  return {
    year,
    indicator: input.indicator,
    definition,
    target,
    numerator: input.numerator,
    denominator: input.denominator,
    reached: fractionReaches(input.numerator, input.denominator, target.value),
    mustReport,
    psyMandatory,
    missing: absent.length > 0 ? absent : NONE,
  }
}
