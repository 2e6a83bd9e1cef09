// SUN-ES volet 1 (RULES §7): window, prerequisites, per-domain attainment and forfait × degressivity, and
// the total of a candidature at FINESS PMSI level. The volet 2 forfait is priced, its targets are inputs.
import {
  SUN_ES_VOLET1,
  type SunEsDomain,
  type SunEsIndicator,
  type SunEsVersion,
  type SunEsWindow,
} from '../data/sun-es-volet1'
import type { AffineRange } from '../data/types'
import type { Cents, Exact } from '../exact'
import { date as fr } from '../format-fr'
import type { Position } from '../mechanisms/brackets'
import { findByDate } from '../mechanisms/calendar'
import { type Attainment, allOf2 } from '../mechanisms/joint'
import { affineCents } from '../mechanisms/piecewise-affine'
import type { SunEsInput } from '../schemas'
import type { MissingInput } from '../types'
import { inputError } from '../validation'
import {
  NONE,
  type LocatedActivity,
  type MeasuredRate,
  locateActivity,
  measuredRate,
  missing,
  rateReaches,
} from './common'

export interface SunEsTargetEvaluation {
  readonly indicator: SunEsIndicator
  readonly target: number
  readonly measured: MeasuredRate | null
  readonly reached: Attainment
}

export interface SunEsDomainEvaluation {
  readonly domain: SunEsDomain
  readonly eligible: Attainment
  /** The forfait's min–max in the establishment's category; the presenter shows the exact forfait. */
  readonly range: AffineRange | null
  /** Percentage applied: the window's degressivity (volet 1) or the caller's (volet 2). */
  readonly percentage: number | null
  /** Forfait × percentage, rounded once; 0 when the domain is not open to the establishment. */
  readonly amountCents: Cents | null
  readonly targets: readonly SunEsTargetEvaluation[]
  readonly bonus: SunEsTargetEvaluation | null
  readonly reached: Attainment
  /** What the domain pays: its amount if reached and prerequisites are met, 0 if not, null if unknown. */
  readonly earnedCents: Cents | null
}

export interface SunEsEvaluation {
  readonly version: SunEsVersion
  readonly window: SunEsWindow
  readonly activity: Exact | null
  readonly position: Position | null
  /** One status per prerequisite of the version, in its order. */
  readonly prerequisites: readonly (boolean | null)[]
  readonly prerequisitesMet: Attainment
  readonly insRecoveryGate: boolean
  readonly domains: readonly SunEsDomainEvaluation[]
  /** Sum of the amounts at stake of the domains open to the establishment. */
  readonly amountCents: Cents | null
  readonly earnedCents: Cents | null
  readonly reached: Attainment
  readonly missing: readonly MissingInput[]
}

/** Spelled out only when an error needs it. */
function windowNumbers(version: SunEsVersion): string {
  return version.windows.map((w) => w.number).join(', ')
}

export function resolveWindow(
  version: SunEsVersion,
  input: Pick<SunEsInput, 'window' | 'candidatureDate'>,
): SunEsWindow {
  let byNumber: SunEsWindow | null = null
  for (const w of version.windows) if (w.number === input.window) byNumber = w
  if (input.window !== undefined && !byNumber) {
    throw inputError(
      'window',
      `une fenêtre parmi ${windowNumbers(version)}`,
      `fenêtre ${input.window} inconnue`,
    )
  }
  if (input.candidatureDate === undefined) {
    if (byNumber) return byNumber
    throw inputError(
      'window',
      `une fenêtre parmi ${windowNumbers(version)}, ou une date de candidature`,
      'valeur manquante',
    )
  }
  const byDate = findByDate(version.windows, input.candidatureDate, (w) => w.candidature)
  if (!byDate) {
    const periods = version.windows
      .map((w) => `fenêtre ${w.number} du ${fr(w.candidature.from)} au ${fr(w.candidature.to)}`)
      .join(' ; ')
    throw inputError(
      'candidatureDate',
      `une date de période de candidature (${periods})`,
      `date ${fr(input.candidatureDate)} hors de toute fenêtre`,
    )
  }
  if (byNumber && byNumber !== byDate) {
    throw inputError(
      'candidatureDate',
      `une date de la fenêtre ${byNumber.number}`,
      `date ${fr(input.candidatureDate)} de la fenêtre ${byDate.number}`,
    )
  }
  return byDate
}

interface Context {
  readonly version: SunEsVersion
  readonly window: SunEsWindow
  readonly input: SunEsInput
  readonly located: LocatedActivity | null
  readonly prerequisitesMet: Attainment
  readonly absent: MissingInput[]
}

// Module-level functions rather than closures: the engine runs 100 000 times a second and more.
function targetFor(ctx: Context, indicator: SunEsIndicator, listIfMissing: boolean): SunEsTargetEvaluation {
  const measured = measuredRate(ctx.input.rates?.[indicator], 'rates.', indicator)
  if (measured === null && listIfMissing) {
    ctx.absent.push(missing(`rates.${indicator}`, `taux ${ctx.version.indicators[indicator].label}`))
  }
  const target = ctx.window.targets[indicator]
  return { indicator, target, measured, reached: measured === null ? null : rateReaches(measured, target) }
}

const ELIGIBILITY_LABELS = {
  ownLaboratory: 'laboratoire propre (même EJ)',
  ownImaging: 'imagerie propre (même EJ)',
}

function evaluateDomain(ctx: Context, domain: SunEsDomain): SunEsDomainEvaluation {
  const { input, located, window, absent } = ctx
  const eligible = domain.eligibility === null ? true : (input[domain.eligibility] ?? null)
  if (eligible === null && domain.eligibility)
    absent.push(missing(domain.eligibility, ELIGIBILITY_LABELS[domain.eligibility]))
  const range = located ? domain.forfaits[located.position.bracket.code] : undefined
  const priced = located !== null && range !== undefined
  const percentage = domain.volet === 1 ? window.degressivity : (input.volet2Percentage ?? null)
  if (domain.volet === 2 && percentage === null) {
    absent.push(missing('volet2Percentage', 'pourcentage du forfait volet 2 (non publié)'))
  }
  const amountCents =
    eligible === false
      ? 0
      : priced && percentage !== null
        ? affineCents(range, located.position, percentage)
        : null
  const targets: SunEsTargetEvaluation[] = []
  if (eligible !== false) {
    for (const indicator of domain.indicators) targets.push(targetFor(ctx, indicator, true))
    if (domain.volet === 1 && (input.insRecoveryGate ?? true))
      targets.push(targetFor(ctx, 'insRecovery', true))
  }
  let reached: Attainment
  if (eligible === false) reached = false
  else if (domain.volet === 2) {
    reached = input.volet2Reached ?? null
    if (reached === null) absent.push(missing('volet2Reached', 'cibles du volet 2 atteintes (non publiées)'))
  } else {
    reached = eligible
    for (const t of targets) reached = allOf2(reached, t.reached)
  }
  const bonus = domain.bonus && eligible !== false ? targetFor(ctx, domain.bonus, false) : null
  const earnedCents = earned(amountCents, reached, ctx.prerequisitesMet)
  return {
    domain,
    eligible,
    range: range ?? null,
    percentage,
    amountCents,
    targets,
    bonus,
    reached,
    earnedCents,
  }
}

export function evaluateSunEs(input: SunEsInput, version: SunEsVersion = SUN_ES_VOLET1): SunEsEvaluation {
  const window = resolveWindow(version, input)
  const absent: MissingInput[] = []
  const located = input.activity === undefined ? null : locateActivity(input.activity, version.scale)
  if (!located) absent.push(missing('activity', 'activité combinée 2019 du FINESS PMSI'))
  const prerequisites: (boolean | null)[] = []
  let prerequisitesMet: Attainment = true
  for (const p of version.prerequisites) {
    const met = input.prerequisites?.[p.id] ?? null
    if (met === null) absent.push(missing(`prerequisites.${p.id}`, p.label))
    prerequisites.push(met)
    prerequisitesMet = allOf2(prerequisitesMet, met)
  }
  const ctx: Context = { version, window, input, located, prerequisitesMet, absent }
  const domains: SunEsDomainEvaluation[] = []
  for (const domain of version.domains) {
    // By default the volet 1 domains: the volet 2 percentage and targets are not published, asked for only.
    const wanted = input.domains ? input.domains.includes(domain.id) : domain.volet === 1
    if (wanted) domains.push(evaluateDomain(ctx, domain))
  }
  // Totals are sums of the rounded domain amounts (each is paid on its own); null as soon as one is unknown.
  let amountCents: Cents | null = 0
  let earnedCents: Cents | null = 0
  let reached: Attainment = true
  for (const d of domains) {
    if (d.eligible !== false) amountCents = addCents(amountCents, d.amountCents)
    earnedCents = addCents(earnedCents, d.earnedCents)
    reached = allOf2(reached, d.reached)
  }
  return {
    version,
    window,
    activity: located?.value ?? null,
    position: located?.position ?? null,
    prerequisites,
    prerequisitesMet,
    insRecoveryGate: input.insRecoveryGate ?? true,
    domains,
    amountCents,
    earnedCents,
    reached: domains.length > 0 ? reached : null,
    missing: absent.length > 0 ? dedupe(absent) : NONE,
  }
}

function addCents(total: Cents | null, part: Cents | null): Cents | null {
  return total === null || part === null ? null : total + part
}

function earned(amount: Cents | null, reached: Attainment, prerequisites: Attainment): Cents | null {
  if (reached === false || prerequisites === false) return 0
  if (reached === null || prerequisites === null || amount === null) return null
  return amount
}

function dedupe(list: readonly MissingInput[]): MissingInput[] {
  const seen = new Set<string>()
  return list.filter((m) => (seen.has(m.field) ? false : (seen.add(m.field), true)))
}
