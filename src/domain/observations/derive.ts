// Derived indicators of one structure for one month, recomputed after each import: the deployment statuses
// of RULES §4, Ségur order completeness, programme attainment where rates are reported, and month-to-month
// evolution. Pure, and cheap enough to run over every structure of the register: the rules are the
// engine's (src/domain/programmes), the explanations its presenters' wording.
import { deriveDmpFeeding, deriveEhpadDmp, deriveInsStarted } from './derive-deployment'
import { deriveEvolutions } from './derive-evolution'
import type { StructureHistory } from './derive-history'
import { deriveHopen2, deriveIfaq } from './derive-programmes'
import { type DeriveOptions, type DerivedResult, deriveConfig } from './derive-result'
import { deriveSegurOrders } from './derive-segur'
import { deriveSunEs } from './derive-sun-es'
import { isPeriod, type Period } from './period'

export type { MonthValue, Series, StructureHistory } from './derive-history'
export { historyOf } from './derive-history'
export type { DeriveOptions, DerivedResult } from './derive-result'

/**
 * Every derived indicator of `history` as of `asOf`, in a fixed order. An indicator whose inputs the
 * structure does not report is left out (no INSi month, no IFAQ rate this month…); one whose inputs are
 * incomplete is present with a null value and says what is missing. Months after `asOf` are ignored.
 */
export function deriveForStructure(
  history: StructureHistory,
  asOf: Period,
  options?: DeriveOptions,
): DerivedResult[] {
  if (!isPeriod(asOf)) throw new RangeError(`Not a period: ${asOf}`)
  const config = deriveConfig(options)
  const out: DerivedResult[] = []
  deriveInsStarted(history, asOf, config, out)
  deriveDmpFeeding(history, asOf, config, out)
  deriveEhpadDmp(history, asOf, config, out)
  deriveSegurOrders(history, asOf, config, out)
  deriveSunEs(history, asOf, config, out)
  deriveHopen2(history, asOf, config, out)
  deriveIfaq(history, asOf, config, out)
  deriveEvolutions(history, asOf, config, out)
  return out
}
