// What the journal shows of a value before and after a change: a status by its label, an account's
// snapshot with French names, a list as a list. The result is text only; React escapes it.
import { isRole, ROLE_LABELS } from '../../domain/access/roles'
import { findIndicator } from '../../domain/observations/indicators'
import { formatChangeValue, NOT_GIVEN } from '../format'

/** The keys of the snapshots the server records (accounts, imports), in French. */
const KEY_LABELS: Readonly<Record<string, string>> = {
  email: 'adresse',
  displayName: 'nom',
  role: 'rôle',
  organisation: 'organisation',
  disabled: 'désactivé',
  scopes: 'périmètres',
  scope: 'périmètre',
  via: 'par',
}

function plainText(value: unknown, key?: string): string {
  if (Array.isArray(value)) return value.length ? value.map((v) => plainText(v)).join(', ') : NOT_GIVEN
  if (key === 'role' && typeof value === 'string' && isRole(value)) return ROLE_LABELS[value]
  if (value && typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${KEY_LABELS[k] ?? k} : ${plainText(v, k)}`)
      .join(' ; ')
  return formatChangeValue(value)
}

export function auditValueText(value: unknown, field: string | null): string {
  if (value === null || value === undefined || value === '') return NOT_GIVEN
  if (typeof value === 'string' && field) {
    const status = findIndicator(field)?.statuses?.find((s) => s.code === value)
    if (status) return status.label
  }
  return plainText(value)
}
