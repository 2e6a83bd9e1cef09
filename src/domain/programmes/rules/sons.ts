// SONS ceilings (RULES §6): DPI, RI, PFI and the three together by activité combinée, piecewise affine in
// the tranche; RIS by annual exams (TTC and HT); with the order-date and balance checks.
import type { RisStep, RisVersion } from '../data/ris-2021'
import type { AffineRange } from '../data/types'
import { RIS_2021 } from '../data/ris-2021'
import { SONS_2021, type BalanceCondition, type SonsBaremeKey, type SonsVersion } from '../data/sons-2021'
import { type Cents, type Exact, centsOf } from '../exact'
import type { Position } from '../mechanisms/brackets'
import { affineCents } from '../mechanisms/piecewise-affine'
import { findStep } from '../mechanisms/step-bareme'
import type { SonsInput } from '../schemas'
import type { CheckResult, MissingInput } from '../types'
import { locateActivity, missing, NONE } from './common'
import { balanceChecks, dateChecks } from './sons-checks'

export interface SonsEvaluation {
  readonly version: SonsVersion
  readonly ris: RisVersion
  readonly dsr: SonsInput['dsr']
  readonly activity: Exact | null
  readonly position: Position | null
  /** The barème used, null for SGL and LOINC whose barèmes are not in the sources. */
  readonly bareme: SonsBaremeKey | null
  /** The tranche's min–max of the barème; the presenter shows the exact ceiling from it. */
  readonly range: AffineRange | null
  /** TTC ceiling, rounded once to the cent. */
  readonly amountCents: Cents | null
  readonly exams: number | null
  readonly step: RisStep | null
  readonly checks: readonly CheckResult[]
  readonly missing: readonly MissingInput[]
}

function conditionsFor(version: SonsVersion, dsr: SonsInput['dsr']): readonly BalanceCondition[] {
  if (dsr !== 'ALL') return version.balanceConditions[dsr]
  const all = [
    ...version.balanceConditions.RI,
    ...version.balanceConditions.DPI,
    ...version.balanceConditions.PFI,
  ]
  return all.filter((c, index) => all.findIndex((other) => other.id === c.id) === index)
}

export function evaluateSons(
  input: SonsInput,
  version: SonsVersion = SONS_2021,
  ris: RisVersion = RIS_2021,
): SonsEvaluation {
  const absent: MissingInput[] = []
  let activity: Exact | null = null
  let position: Position | null = null
  let bareme: SonsBaremeKey | null = null
  let range: AffineRange | null = null
  let amountCents: Cents | null = null
  let step: RisStep | null = null
  const { dsr } = input
  if (dsr === 'RIS') {
    if (input.exams === undefined)
      absent.push(missing('exams', 'nombre d’examens annuels de l’instance logicielle'))
    else {
      step = findStep(ris.steps, input.exams)
      if (step) amountCents = centsOf(step.ttc)
    }
  } else if (dsr !== 'SGL' && dsr !== 'LOINC') {
    bareme = dsr
    if (input.activity === undefined)
      absent.push(missing('activity', 'activité combinée 2019 du FINESS PMSI'))
    else {
      const located = locateActivity(input.activity, version.scale)
      activity = located.value
      position = located.position
      range = version.baremes[dsr].amounts[position.bracket.code] ?? unreachable(position)
      amountCents = affineCents(range, position)
    }
  }
  let checks: readonly CheckResult[] = NO_CHECKS
  if (asksForChecks(input)) {
    const calendar = dsr === 'RIS' ? ris.calendar : version.calendar
    const maxDays =
      dsr === 'RIS' ? ris.maxOrderDaysBeforeProofDeposit : version.maxOrderDaysBeforeProofDeposit
    const list = dateChecks(calendar, maxDays, input, absent)
    if (input.balance) list.push(...balanceChecks(conditionsFor(version, dsr), input.balance, absent))
    checks = list
  }
  return {
    version,
    ris,
    dsr,
    activity,
    position,
    bareme,
    range,
    amountCents,
    exams: input.exams ?? null,
    step,
    checks,
    missing: absent.length > 0 ? absent : NONE,
  }
}

const NO_CHECKS: readonly CheckResult[] = Object.freeze([])

/** Checks run only for the dates and proofs given: a ceiling alone asks for none. */
function asksForChecks(input: SonsInput): boolean {
  return (
    input.orderDate !== undefined ||
    input.financingRequestDate !== undefined ||
    input.balanceRequestDate !== undefined ||
    input.balance !== undefined
  )
}

function unreachable(position: Position): never {
  throw new Error(`Barème sans tranche ${position.bracket.code}: données incohérentes`)
}
