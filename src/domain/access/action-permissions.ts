// Who reads and who writes an establishment's follow-up actions, as pure functions (the server checks them
// on every route, the web app uses them to show the form or not).
//
// Reading: whoever reads the establishment, its own account included. An action is about the
// establishment (a meeting with it, a next step it has to take): it should know what the région expects of
// it, and an action names no one's private data but the accounts in charge. What a région keeps to itself
// (its météo and comments) stays in the fields an establishment does not read.
// Writing: the roles that steer — regional contributors within their scopes, national contributors and
// the administrator everywhere. An observer only looks. An establishment account reads its actions but
// does not write them: the log is the région's steering record, and an establishment that writes back
// would mix two voices in it; it answers through its own declared fields.
import { canReadStructure, type AccessUser } from './permissions'
import type { Role } from './roles'
import type { StructurePlace } from './scope'

const ACTION_WRITERS: readonly Role[] = ['admin', 'national', 'regional']

/** Whether the role writes actions wherever it reads them (a list already kept within the reader's scopes). */
export function roleWritesActions(role: Role): boolean {
  return ACTION_WRITERS.includes(role)
}

export function canReadActions(user: AccessUser, place: StructurePlace): boolean {
  return canReadStructure(user, place)
}

/** Why the user may not write actions at this establishment, in French, or null when they may. */
export function actionWriteRefusal(user: AccessUser, place: StructurePlace): string | null {
  if (!canReadStructure(user, place)) return `L’établissement ${place.finess} est hors de votre périmètre.`
  if (user.role === 'establishment')
    return 'Les actions de suivi sont tenues par la région : un compte d’établissement les consulte sans les modifier.'
  if (!roleWritesActions(user.role))
    return 'Votre rôle permet de consulter les actions de suivi, pas de les modifier.'
  return null
}

export function canWriteActions(user: AccessUser, place: StructurePlace): boolean {
  return actionWriteRefusal(user, place) === null
}

/**
 * Whether an account may be put in charge of an action there: someone who may write it, so that they can
 * mark it done themselves.
 */
export function canOwnAction(owner: AccessUser, place: StructurePlace): boolean {
  return canWriteActions(owner, place)
}
