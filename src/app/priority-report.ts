// The priorities section of the monthly report (issue 7 §5): the sites to help first in a région at a
// follow-up point, ranked with the default criteria and weights (src/domain/priorities/criteria.ts), each
// with its reasons, and each criterion's count.
import type { AccessUser } from '../domain/access/permissions'
import type { CriterionResult, PrioritySite } from '../domain/contract/priorities'
import type { Period } from '../domain/observations/period'
import { defaultCriteria } from '../domain/priorities/criteria'
import type { Store } from '../store/database'
import { evaluatePriorities } from './priority-results'

export interface TopPrioritiesOptions {
  /** INSEE code of the région (`53`). */
  region: string
  period: Period
  /** How many sites at most. */
  limit: number
}

export interface TopPriorities {
  period: Period
  region: string
  /** Each default criterion with its weight, parameters, count of sites and grid links. */
  criteria: CriterionResult[]
  /** Sites meeting at least one criterion in the région (within the user's scopes). */
  total: number
  /** The `limit` highest scores, each with one reason per criterion met. */
  sites: PrioritySite[]
}

export async function topPriorities(
  store: Store,
  user: AccessUser,
  options: TopPrioritiesOptions,
): Promise<TopPriorities> {
  const evaluation = await evaluatePriorities(store, user, defaultCriteria(), {
    period: options.period,
    region: options.region,
  })
  return {
    period: options.period,
    region: options.region,
    criteria: evaluation.criteria,
    total: evaluation.sites.length,
    sites: evaluation.sites.slice(0, Math.max(0, options.limit)),
  }
}
