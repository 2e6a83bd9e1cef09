// Deployment statuses of RULES §4 from a structure's months, through the engine's evaluators and
// presenters: INS started, DMP feeding (12 weeks taken as 3 months), DMP in EHPAD.
import { evaluateDmpFeeding, evaluateEhpadDmp, evaluateInsStarted } from '../programmes/rules/deployment'
import { presentDmpFeeding, presentEhpadDmp, presentInsStarted } from '../programmes/present/deployment'
import type { DmpFeedingInput, EhpadDmpInput, InsStartedInput } from '../programmes/schemas'
import { type ExplanationCut, explain } from './derive-explain'
import { hasAny, latestAt, monthlyCounts, type StructureHistory } from './derive-history'
import { type DeriveConfig, type DerivedResult, derived, yesNoText } from './derive-result'
import { DERIVED } from './derived-indicators'
import { type Period, periodLabel } from './period'

// Module-level makers, one per evaluator input shape, so that no closure is created per structure.
const insiMonth = (period: Period, insiCalls: number) => ({ period, insiCalls })
const documentsMonth = (period: Period, documents: number) => ({ period, documents })
const dmpFedMonth = (period: Period, dmpFed: number) => ({ period, dmpFed })

/** The window step already names the months without data: the missing list would repeat them. */
const MONTHS_IN_STEP: ExplanationCut = { missing: (m) => !m.field.startsWith('observations.') }

/** `derive.ins-demarre`: more than 100 INSi calls to date; only for a structure with INSi observations. */
export function deriveInsStarted(
  history: StructureHistory,
  asOf: Period,
  config: DeriveConfig,
  out: DerivedResult[],
): void {
  const series = history.series.get('insi.appels')
  if (!hasAny(series, asOf)) return
  const input: InsStartedInput = {
    asOf,
    observations: monthlyCounts(series, asOf, insiMonth),
    thresholds: config.ins,
  }
  const e = evaluateInsStarted(input)
  const text = config.explain ? explain(presentInsStarted(e, input)) : ''
  out.push(derived(DERIVED.insStarted, null, yesNoText(e.started), text))
}

/** `derive.dmp-alimente`: at least 10 documents over the window; `inconnu` when missing months leave it open. */
export function deriveDmpFeeding(
  history: StructureHistory,
  asOf: Period,
  config: DeriveConfig,
  out: DerivedResult[],
): void {
  const series = history.series.get('dmp.documents')
  if (!hasAny(series, asOf)) return
  const input: DmpFeedingInput = {
    asOf,
    observations: monthlyCounts(series, asOf, documentsMonth),
    thresholds: config.dmp,
  }
  const e = evaluateDmpFeeding(input)
  const reached = e.window.reached
  const status = reached === null ? 'inconnu' : reached ? 'oui' : 'non'
  // The presenter's note says how 12 weeks become months: it is kept.
  const text = config.explain ? explain(presentDmpFeeding(e, input), MONTHS_IN_STEP) : ''
  out.push(derived(DERIVED.dmpFeeding, null, status, text))
}

/**
 * `derive.ehpad-dmp`, EHPAD only: actif, équipé, convention signée or aucun; `inconnu` when missing data
 * leave it open. The convention is a state: its latest value up to `asOf` is the one that holds.
 */
export function deriveEhpadDmp(
  history: StructureHistory,
  asOf: Period,
  config: DeriveConfig,
  out: DerivedResult[],
): void {
  if (!history.isEhpad) return
  const fed = history.series.get('dmp.dmp-alimentes')
  const convention = latestAt(history.series.get('dmp.convention'), asOf)
  if (convention === null && !hasAny(fed, asOf)) return
  const signed = convention?.text === 'oui' ? true : convention?.text === 'non' ? false : undefined
  const input: EhpadDmpInput = {
    asOf,
    conventionSigned: signed,
    observations: monthlyCounts(fed, asOf, dmpFedMonth),
    thresholds: config.ehpad,
  }
  const e = evaluateEhpadDmp(input)
  let text = ''
  if (config.explain) {
    const source =
      convention === null
        ? 'Convention DMP : aucune observation jusqu’à ce mois.'
        : `Convention DMP : dernière valeur connue, de ${periodLabel(convention.period)}.`
    text = explain(presentEhpadDmp(e, input), MONTHS_IN_STEP, source)
  }
  out.push(derived(DERIVED.ehpadDmp, null, e.status ?? 'inconnu', text))
}
