// What a user may do, as pure functions of the user and the thing: the server checks them on every route
// and the web app uses the same ones to show what may be edited. No I/O; the caller loads the structure's
// place (région, département, EJ, GHT) and the user's scopes.
import { fieldOwnership, type FieldOwner } from './field-ownership'
import { NATIONAL_ROLES, type Role } from './roles'
import { scopesCover, type Scope, type StructurePlace } from './scope'

export interface AccessUser {
  id: number
  role: Role
  scopes: readonly Scope[]
}

/** The roles that write each owner's fields. The administrator manages; it does not fill a region's columns. */
const WRITERS: Readonly<Record<FieldOwner, readonly Role[]>> = {
  national: ['admin', 'national'],
  regional: ['regional'],
  establishment: ['establishment'],
}

/** Who reads each owner's fields: a region's météo and comments are its steering notes, not the establishment's. */
const READERS: Readonly<Record<FieldOwner, readonly Role[]>> = {
  national: ['admin', 'national', 'regional', 'establishment', 'observer'],
  regional: ['admin', 'national', 'regional', 'observer'],
  establishment: ['admin', 'national', 'regional', 'establishment', 'observer'],
}

export function seesAllFrance(user: AccessUser): boolean {
  return NATIONAL_ROLES.includes(user.role) || user.scopes.some((s) => s.kind === 'france')
}

export function canReadStructure(user: AccessUser, place: StructurePlace): boolean {
  return seesAllFrance(user) || scopesCover(user.scopes, place)
}

export function canReadField(user: AccessUser, field: string, place: StructurePlace): boolean {
  const ownership = fieldOwnership(field)
  return !!ownership && READERS[ownership.owner].includes(user.role) && canReadStructure(user, place)
}

/** Whether the user's role reads a field at all (a column of the grid), wherever the structure is. */
export function canSeeColumn(user: AccessUser, field: string): boolean {
  const ownership = fieldOwnership(field)
  return !!ownership && READERS[ownership.owner].includes(user.role)
}

export function canEditField(user: AccessUser, field: string, place: StructurePlace): boolean {
  const ownership = fieldOwnership(field)
  return (
    !!ownership &&
    ownership.entry === 'manual' &&
    WRITERS[ownership.owner].includes(user.role) &&
    canReadStructure(user, place)
  )
}

/** Why a write is refused, in French, or null when it is allowed. */
export function fieldEditRefusal(user: AccessUser, field: string, place: StructurePlace): string | null {
  const ownership = fieldOwnership(field)
  if (!ownership) return `Champ inconnu : « ${field} ».`
  if (!canReadStructure(user, place)) return `L’établissement ${place.finess} est hors de votre périmètre.`
  if (ownership.entry === 'import')
    return 'Ce champ provient des fichiers nationaux : il se modifie par import.'
  if (ownership.entry === 'computed') return 'Ce champ est calculé par Jalon : il ne se saisit pas.'
  if (!WRITERS[ownership.owner].includes(user.role))
    return `Ce champ appartient au niveau « ${ownership.responsible} » : votre rôle ne permet pas de le modifier.`
  return null
}

/** Monthly national sources, the FINESS register and saved mappings. */
export function canImport(user: AccessUser): boolean {
  return NATIONAL_ROLES.includes(user.role)
}

export function canManageUsers(user: AccessUser): boolean {
  return user.role === 'admin'
}

/** The whole journal, every user's actions: the administrator; anyone reads their own. */
export function canReadUserAudit(user: AccessUser, userId: number): boolean {
  return user.role === 'admin' || user.id === userId
}

/** An establishment's journal: whoever reads the establishment (fields they may not read are left out). */
export function canReadStructureAudit(user: AccessUser, place: StructurePlace): boolean {
  return canReadStructure(user, place)
}
