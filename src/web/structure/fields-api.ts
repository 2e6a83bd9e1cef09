// The fields people type about a structure (météo, comments, declarations) at a follow-up month, and the
// write of one of them (its owner only; the server says why otherwise).
import type { FieldValue, StructureFields } from '../../domain/contract/access'
import { apiRequest } from '../api'

const FIELD_LABELS: Readonly<Record<string, string>> = { period: 'Mois', value: 'Valeur' }

export const fieldsKey = (finess: string, period: string) => ['structure-fields', finess, period] as const

export function fetchStructureFields(
  finess: string,
  period: string,
  signal?: AbortSignal,
): Promise<StructureFields> {
  return apiRequest<StructureFields>(
    `/api/structures/${encodeURIComponent(finess)}/fields?${new URLSearchParams({ period })}`,
    { signal, fieldLabels: FIELD_LABELS },
  )
}

export function saveField(
  finess: string,
  field: string,
  write: { period: string; value: string | null },
): Promise<FieldValue> {
  return apiRequest<FieldValue>(
    `/api/structures/${encodeURIComponent(finess)}/fields/${encodeURIComponent(field)}`,
    { method: 'PUT', body: write, fieldLabels: FIELD_LABELS },
  )
}
