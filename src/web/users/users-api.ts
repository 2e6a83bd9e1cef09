// The accounts API (administrator only): list, create, change, disable, delete, and each account's scopes.
import type { z } from 'zod'
import type { UserAccount, UserChanges, userInput } from '../../domain/contract/access'
import type { Scope } from '../../domain/access/scope'
import { apiRequest } from '../api'

export const USERS_KEY = ['users'] as const

export type NewUser = z.input<typeof userInput>

const FIELD_LABELS: Readonly<Record<string, string>> = {
  email: 'Adresse électronique',
  displayName: 'Nom',
  role: 'Rôle',
  organisation: 'Organisation',
  password: 'Mot de passe',
  scopes: 'Périmètres',
  kind: 'Type de périmètre',
  code: 'Code du périmètre',
}

const labelled = { fieldLabels: FIELD_LABELS }
const userPath = (id: number) => `/api/users/${encodeURIComponent(String(id))}`

export function fetchUsers(signal?: AbortSignal): Promise<UserAccount[]> {
  return apiRequest<UserAccount[]>('/api/users', { signal })
}

export function createUser(user: NewUser): Promise<UserAccount> {
  return apiRequest<UserAccount>('/api/users', { method: 'POST', body: user, ...labelled })
}

export function updateUser(id: number, changes: UserChanges): Promise<UserAccount> {
  return apiRequest<UserAccount>(userPath(id), { method: 'PATCH', body: changes, ...labelled })
}

export function deleteUser(id: number): Promise<void> {
  return apiRequest<undefined>(userPath(id), { method: 'DELETE' })
}

export function addScope(id: number, scope: Scope): Promise<UserAccount> {
  return apiRequest<UserAccount>(`${userPath(id)}/scopes`, { method: 'POST', body: scope, ...labelled })
}

export function removeScope(id: number, scope: Scope): Promise<UserAccount> {
  const query = new URLSearchParams({ kind: scope.kind, code: scope.code })
  return apiRequest<UserAccount>(`${userPath(id)}/scopes?${query}`, { method: 'DELETE', ...labelled })
}
