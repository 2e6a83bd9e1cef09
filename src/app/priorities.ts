// A priority list's results as the API serves them: the saved list the user may see (or every criterion
// with its defaults), evaluated at the follow-up point within the user's scopes and place filters, and the
// page of sites asked for, highest score first.
import type { AccessUser } from '../domain/access/permissions'
import type { PriorityResults, PriorityResultsQuery } from '../domain/contract/priorities'
import { defaultCriteria, type ChosenCriterion } from '../domain/priorities/criteria'
import type { Store } from '../store/database'
import { readPriorityList } from './priority-lists'
import { evaluatePriorities, type Evaluation } from './priority-results'

export interface ListEvaluation extends Evaluation {
  list: { id: number; name: string } | null
}

export async function evaluateList(
  store: Store,
  user: AccessUser,
  query: Omit<PriorityResultsQuery, 'offset' | 'limit'>,
): Promise<ListEvaluation> {
  let list: ListEvaluation['list'] = null
  let criteria: ChosenCriterion[] = defaultCriteria()
  if (query.list !== undefined) {
    const saved = await readPriorityList(store, user, query.list)
    list = { id: saved.id, name: saved.name }
    criteria = saved.criteria
  }
  const evaluation = await evaluatePriorities(store, user, criteria, {
    period: query.period,
    region: query.region,
    departement: query.departement,
  })
  return { ...evaluation, list }
}

export async function priorityResults(
  store: Store,
  user: AccessUser,
  query: PriorityResultsQuery,
): Promise<PriorityResults> {
  const { list, criteria, sites } = await evaluateList(store, user, query)
  return {
    period: query.period,
    list,
    criteria,
    total: sites.length,
    offset: query.offset,
    limit: query.limit,
    rows: sites.slice(query.offset, query.offset + query.limit),
  }
}
