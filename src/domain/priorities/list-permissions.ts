// Who sees and changes a saved priority list: the grid's saved-view rules (src/domain/access/
// view-permissions.ts), a list being personal or shared with a région the same way, with refusals that
// speak of a list.
import { NATIONAL_ROLES } from '../access/roles'
import {
  canEditView,
  canReadView,
  canShareView,
  type ViewPlace,
  type ViewUser,
} from '../access/view-permissions'

export { canReadView as canReadList, canEditView as canEditList, canShareView as canShareList }

/** Why the user may not share a list with `region`, in French, or null. */
export function listShareRefusal(user: ViewUser, region: string): string | null {
  if (canShareView(user, region)) return null
  return NATIONAL_ROLES.includes(user.role) || user.role === 'regional'
    ? `La région ${region} est hors de votre périmètre : vous ne pouvez pas y partager de liste.`
    : 'Seuls les contributeurs régionaux et nationaux partagent une liste avec une région : enregistrez-la pour vous seul.'
}

/** Why the user may not rename, change or delete a list, in French, or null. */
export function listEditRefusal(user: ViewUser, list: ViewPlace): string | null {
  return canEditView(user, list)
    ? null
    : 'Seul l’auteur de cette liste (ou un contributeur national pour une liste partagée) peut la modifier ou la supprimer.'
}

/** Why a change leaving the list as `after` is refused: a shared list's new content speaks for the région. */
export function listChangeRefusal(user: ViewUser, before: ViewPlace, after: ViewPlace): string | null {
  return (
    listEditRefusal(user, before) ?? (after.region === null ? null : listShareRefusal(user, after.region))
  )
}
