// Who a user is to Jalon: one role, and the structures it covers (its scopes). Seed 002's RACI and
// DESIGN.md's table of users: the national teams own the grey columns, the regions the yellow ones.

export const ROLES = ['admin', 'national', 'regional', 'establishment', 'observer'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'Administrateur national',
  national: 'Contributeur national (ANS, CNAM, CNSA, DGOS)',
  regional: 'Contributeur régional (ARS, GRADeS, DCGDR)',
  establishment: 'Établissement ou GHT (lecture)',
  observer: 'Observateur (lecture seule)',
}

/** Roles that see all France whatever their scopes say. */
export const NATIONAL_ROLES: readonly Role[] = ['admin', 'national']

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}
