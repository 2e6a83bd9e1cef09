// HOPEN 2 (RULES §8): the target that applies given the SUN-ES result, attainment (joint LDL + ordonnance),
// prerequisites, the 30 % / 70 % payments of a per-objective forfait given as input, and the GHT sum.
import type { HopenIndicator, HopenObjective, HopenPhase } from '../data/hopen2-phase1'
import { HOPEN2_PHASES } from '../data/registry'
import { ProgrammeInputError } from '../errors'
import { type Cents, centsOf } from '../exact'
import { date as fr } from '../format-fr'
import { isWithin } from '../mechanisms/calendar'
import { advancePart } from '../mechanisms/degressivity'
import { type Attainment, allOf2 } from '../mechanisms/joint'
import type { Hopen2GhtInput, Hopen2Input } from '../schemas'
import type { MissingInput } from '../types'
import { inputError } from '../validation'
import { type MeasuredRate, measuredRate, NONE, rateReaches, sum, withMissing } from './common'

export interface HopenTargetEvaluation {
  readonly indicator: HopenIndicator
  readonly target: number | null
  readonly measured: MeasuredRate | null
  readonly reached: Attainment
}

export interface HopenObjectiveEvaluation {
  readonly phase: HopenPhase
  readonly objective: HopenObjective
  readonly sunEsReached: boolean | null
  readonly adjustment: number
  readonly targets: readonly HopenTargetEvaluation[]
  readonly reached: Attainment
  /** The prerequisites as given (id → met); absent ids are not met-or-not, they are unknown. */
  readonly prerequisites: Readonly<Record<string, boolean | undefined>>
  readonly prerequisitesMet: Attainment
  /** The per-objective forfait, as given (the amounts are not public). */
  readonly amountCents: Cents | null
  readonly advanceCents: Cents | null
  readonly balanceCents: Cents | null
  readonly earnedCents: Cents | null
  readonly missing: readonly MissingInput[]
}

function indexOf(phases: readonly HopenPhase[]): Map<string, readonly [HopenPhase, HopenObjective]> {
  return new Map(phases.flatMap((phase) => phase.objectives.map((o) => [o.id, [phase, o] as const] as const)))
}

// The registry's phases are indexed once; another list (tests, a draft phase) on first use.
const defaultIndex = indexOf(HOPEN2_PHASES)
const objectiveIndexes = new WeakMap<
  readonly HopenPhase[],
  Map<string, readonly [HopenPhase, HopenObjective]>
>()

export function findObjective(
  id: string,
  phases: readonly HopenPhase[] = HOPEN2_PHASES,
): readonly [HopenPhase, HopenObjective] {
  let index = phases === HOPEN2_PHASES ? defaultIndex : objectiveIndexes.get(phases)
  if (!index) {
    index = indexOf(phases)
    objectiveIndexes.set(phases, index)
  }
  const found = index.get(id)
  if (found) return found
  const allowed = [...index.keys()].join(', ')
  throw inputError('objective', `un objectif parmi ${allowed}`, `objectif « ${id} » inconnu`)
}

/** Refuses what the schema cannot know: a date outside the phase, too many rates, a tolerance not allowed. */
function checkAgainstPhase(input: Hopen2Input, phase: HopenPhase, objective: HopenObjective): void {
  if (input.candidatureDate !== undefined && !isWithin(input.candidatureDate, phase.candidature)) {
    const allowed = `une date du ${fr(phase.candidature.from)} au ${fr(phase.candidature.to)}`
    throw inputError(
      'candidatureDate',
      allowed,
      `date ${fr(input.candidatureDate)} hors de la fenêtre de candidature`,
    )
  }
  const given = input.rates?.length ?? 0
  if (given > objective.indicators.length) {
    const labels = objective.indicators.map((i) => i.label).join(' ; ')
    const allowed = `${objective.indicators.length} taux au plus pour ${objective.id} (${labels})`
    throw inputError('rates', allowed, `${given} taux donnés`)
  }
  if ((input.targetAdjustment ?? 0) > 0 && objective.adjustment === null) {
    const allowed = phase.objectives
      .filter((o) => o.adjustment)
      .map((o) => o.id)
      .join(', ')
    throw inputError(
      'targetAdjustment',
      `0, ou un abaissement pour les objectifs ${allowed} seulement`,
      `abaissement non prévu pour ${objective.id}`,
    )
  }
}

export function evaluateHopen2(
  input: Hopen2Input,
  phases: readonly HopenPhase[] = HOPEN2_PHASES,
): HopenObjectiveEvaluation {
  const found = findObjective(input.objective, phases)
  const phase = found[0]
  const objective = found[1]
  checkAgainstPhase(input, phase, objective)
  let absent: MissingInput[] | null = null
  const adjustment = input.targetAdjustment ?? 0
  const sunEsReached = input.sunEsReached ?? null
  const targets: HopenTargetEvaluation[] = []
  let reached: Attainment = true
  for (let index = 0; index < objective.indicators.length; index++) {
    const indicator = objective.indicators[index] as HopenIndicator
    const { ifSunEsReached, otherwise } = indicator.target
    // Both targets equal: the SUN-ES result does not matter and is not asked for.
    const base =
      ifSunEsReached === otherwise || sunEsReached === false
        ? otherwise
        : sunEsReached
          ? ifSunEsReached
          : null
    if (base === null && targets.every((t) => t.target !== null)) {
      const label = `domaine SUN-ES équivalent atteint (${objective.sunEsEquivalent})`
      absent = withMissing(absent, 'sunEsReached', label)
    }
    const target = base === null ? null : Math.max(0, base - adjustment)
    const measured = measuredRate(input.rates?.[index], 'rates.', index)
    if (measured === null) absent = withMissing(absent, `rates.${index}`, `taux — ${indicator.label}`)
    const hit = measured === null || target === null ? null : rateReaches(measured, target)
    reached = allOf2(reached, hit)
    targets.push({ indicator, target, measured, reached: hit })
  }
  let prerequisitesMet: Attainment = true
  for (const p of phase.prerequisites) {
    const met = input.prerequisites?.[p.id] ?? null
    if (met === null) absent = withMissing(absent, `prerequisites.${p.id}`, p.label)
    prerequisitesMet = allOf2(prerequisitesMet, met)
  }
  const amountCents = input.amount === undefined ? null : centsOf(input.amount)
  if (amountCents === null) {
    absent = withMissing(absent, 'amount', `forfait de l’objectif ${objective.id} (montant non public)`)
  }
  // 30 % when the candidature is validated (prerequisites met), the rest when the targets are reached.
  let advanceCents: Cents | null = null
  let balanceCents: Cents | null = null
  if (amountCents !== null) {
    const advance = advancePart(amountCents, phase.advancePercent)
    const balance = amountCents - advance
    advanceCents = prerequisitesMet === null ? null : prerequisitesMet ? advance : 0
    balanceCents =
      prerequisitesMet === false || reached === false ? 0 : prerequisitesMet && reached ? balance : null
  }
  const earnedCents = advanceCents === null || balanceCents === null ? null : advanceCents + balanceCents
  return {
    phase,
    objective,
    sunEsReached,
    adjustment,
    targets,
    reached,
    prerequisites: input.prerequisites ?? {},
    prerequisitesMet,
    amountCents,
    advanceCents,
    balanceCents,
    earnedCents,
    missing: absent ?? NONE,
  }
}

export interface HopenGhtEvaluation {
  readonly members: readonly {
    finess: string
    name: string | null
    objectives: readonly HopenObjectiveEvaluation[]
  }[]
  readonly amountCents: Cents | null
  readonly advanceCents: Cents | null
  readonly balanceCents: Cents | null
  readonly earnedCents: Cents | null
  readonly missing: readonly MissingInput[]
}

/** The GHT receives, through its établissement support, the sum over members of what each objective pays. */
export function evaluateHopen2Ght(
  input: Hopen2GhtInput,
  phases: readonly HopenPhase[] = HOPEN2_PHASES,
): HopenGhtEvaluation {
  const absent: MissingInput[] = []
  const members = input.members.map((member, m) => ({
    finess: member.finess,
    name: member.name ?? null,
    objectives: member.objectives.map((objective, o) => {
      const prefix = `members.${m}.objectives.${o}.`
      try {
        const evaluation = evaluateHopen2({ ...objective, prerequisites: member.prerequisites }, phases)
        absent.push(
          ...evaluation.missing.map((x) => ({
            field: prefix + x.field,
            label: `${member.finess} — ${x.label}`,
          })),
        )
        return evaluation
      } catch (error) {
        if (error instanceof ProgrammeInputError)
          throw new ProgrammeInputError(prefix + error.field, error.allowed, error.reason)
        throw error
      }
    }),
  }))
  const all = members.flatMap((m) => m.objectives)
  return {
    members,
    amountCents: sum(all.map((e) => e.amountCents)),
    advanceCents: sum(all.map((e) => e.advanceCents)),
    balanceCents: sum(all.map((e) => e.balanceCents)),
    earnedCents: sum(all.map((e) => e.earnedCents)),
    missing: absent,
  }
}
