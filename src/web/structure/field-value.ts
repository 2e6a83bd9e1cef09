// How a typed field's value reads: a status by its label, oui / non, a text as written; and the month of
// follow-up the page opens on.
import type { FieldValue } from '../../domain/contract/access'
import { NOT_GIVEN } from '../format'

export function fieldValueText(field: Pick<FieldValue, 'value' | 'statuses' | 'kind'>): string {
  if (field.value === null || field.value === '') return NOT_GIVEN
  const status = field.statuses?.find((s) => s.code === field.value)
  if (status) return status.label
  if (field.kind === 'boolean')
    return field.value === 'oui' ? 'Oui' : field.value === 'non' ? 'Non' : field.value
  return field.value
}

/** The current month, `YYYY-MM`, in the browser's time zone (the one its user lives in). */
export function thisMonth(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`
}
