// Who may have a région's monthly report: it shows figures of the whole région, so its readers are the
// users who see all France (national roles, a "France entière" scope) and those with that région's scope.
// A user covering only part of a région (a département, a GHT) does not get the région's report.
import type { FieldEntry } from '../access/field-ownership'
import { seesAllFrance, type AccessUser } from '../access/permissions'

export function canReadRegionReport(user: AccessUser, region: string): boolean {
  return seesAllFrance(user) || user.scopes.some((s) => s.kind === 'region' && s.code === region)
}

/**
 * Whether the report shows the nation's share beside the région's for a column. National figures are
 * aggregates a regional user is shown as the grid shows it the national averages (src/app/grid-averages.ts),
 * except for the fields each région types by hand (météo, organisation): another région's steering notes
 * stay its own, even summed.
 */
export function showsNationalShare(user: AccessUser, column: { entry: FieldEntry }): boolean {
  return seesAllFrance(user) || column.entry !== 'manual'
}
