// The criteria being chosen on the page, as the form holds them (text as typed), and back to what the API
// takes. The server checks the bounds again and names the field it refuses.
import {
  CRITERIA,
  defaultCriteria,
  PRIORITY_CRITERIA,
  type ChosenCriterion,
  type PriorityCriterionId,
} from '../../domain/priorities/criteria'

export interface CriterionDraft {
  used: boolean
  weight: string
  parameters: Record<string, string>
}

export type CriteriaDraft = Record<PriorityCriterionId, CriterionDraft>

/** Every criterion of the table: those of the list checked with their values, the others with defaults. */
export function draftOf(chosen: readonly ChosenCriterion[] | null): CriteriaDraft {
  const list = chosen ?? defaultCriteria()
  const draft = {} as CriteriaDraft
  for (const id of PRIORITY_CRITERIA) {
    const picked = list.find((c) => c.id === id)
    const definition = CRITERIA[id]
    draft[id] = {
      used: picked !== undefined,
      weight: String(picked?.weight ?? definition.defaultWeight),
      parameters: Object.fromEntries(
        definition.parameters.map((p) => [p.id, String(picked?.parameters[p.id] ?? p.default)]),
      ),
    }
  }
  return draft
}

/** The checked criteria as the API takes them; a number left empty or mistyped is sent for the server to refuse. */
export function criteriaOf(draft: CriteriaDraft): ChosenCriterion[] {
  return PRIORITY_CRITERIA.filter((id) => draft[id].used).map((id) => ({
    id,
    weight: Number(draft[id].weight.replace(',', '.')),
    parameters: Object.fromEntries(
      Object.entries(draft[id].parameters).map(([key, value]) => [key, Number(value.replace(',', '.'))]),
    ),
  }))
}
