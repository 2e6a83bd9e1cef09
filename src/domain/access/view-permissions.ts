// Who sees and who changes a saved view of the tracking grid, as pure functions. A view is personal (its
// owner only) or shared with a région: then every user whose scopes lie in or cover that région sees it,
// and so do the national roles. Sharing speaks for the région, so it takes a role that owns the région's
// columns there (a regional contributor within it) or a national one; an observer or an establishment
// account keeps its views to itself.
import { seesAllFrance, type AccessUser } from './permissions'
import { NATIONAL_ROLES } from './roles'

/**
 * A user with the régions their scopes lie in or cover (a région scope, a département's région, the région
 * of each site of an EJ, GHT or establishment scope), which the store resolves.
 */
export interface ViewUser extends AccessUser {
  regions: readonly string[]
}

/** What a permission needs to know of a view. */
export interface ViewPlace {
  ownerId: number
  /** Null: personal. */
  region: string | null
}

function withinRegion(user: ViewUser, region: string): boolean {
  return seesAllFrance(user) || user.regions.includes(region)
}

export function canReadView(user: ViewUser, view: ViewPlace): boolean {
  return view.ownerId === user.id || (view.region !== null && withinRegion(user, view.region))
}

/** Why the user may not share a view with `region`, in French, or null when they may. */
export function viewShareRefusal(user: ViewUser, region: string): string | null {
  if (NATIONAL_ROLES.includes(user.role)) return null
  if (user.role !== 'regional')
    return 'Seuls les contributeurs régionaux et nationaux partagent une vue avec une région : enregistrez-la pour vous seul.'
  if (!withinRegion(user, region))
    return `La région ${region} est hors de votre périmètre : vous ne pouvez pas y partager de vue.`
  return null
}

export function canShareView(user: ViewUser, region: string): boolean {
  return viewShareRefusal(user, region) === null
}

/**
 * Why the user may not rename, change or delete a view, in French, or null when they may: its owner, or for
 * a shared view a national role (the région's views are looked after nationally too).
 */
export function viewEditRefusal(user: ViewUser, view: ViewPlace): string | null {
  if (view.ownerId === user.id) return null
  if (view.region !== null && NATIONAL_ROLES.includes(user.role)) return null
  return 'Seul l’auteur de cette vue (ou un contributeur national pour une vue partagée) peut la modifier ou la supprimer.'
}

export function canEditView(user: ViewUser, view: ViewPlace): boolean {
  return viewEditRefusal(user, view) === null
}

/**
 * Why a change that leaves the view as `after` is refused, or null: editing a shared view publishes its new
 * content to the région, so the share must still be allowed (its owner may always make it personal or
 * delete it).
 */
export function viewChangeRefusal(user: ViewUser, before: ViewPlace, after: ViewPlace): string | null {
  return (
    viewEditRefusal(user, before) ?? (after.region === null ? null : viewShareRefusal(user, after.region))
  )
}
