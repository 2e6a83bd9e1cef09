// Reading follow-up actions: an establishment's log (with whether the reader may write there and whom they
// may put in charge), a page of the actions within the reader's scopes, one action. Writes are in
// action-writes.ts and action-upsert.ts; the CSV in actions-csv.ts.
import {
  canOwnAction,
  actionWriteRefusal,
  canReadActions,
  canWriteActions,
  roleWritesActions,
} from '../domain/access/action-permissions'
import { seesAllFrance, type AccessUser } from '../domain/access/permissions'
import type { StructurePlace } from '../domain/access/scope'
import {
  ACTION_KIND_LABELS,
  ACTION_STATUS_LABELS,
  ACTION_THEME_LABELS,
  isActionKind,
  isActionStatus,
  isActionTheme,
} from '../domain/actions/kinds'
import type {
  ActionFilters,
  ActionListQuery,
  ActionPage,
  FollowUpAction,
  StructureActions,
} from '../domain/contract/actions'
import {
  findAction,
  listActions,
  listActionsOfSite,
  type ActionListFilter,
  type ActionRow,
} from '../store/actions'
import type { Store } from '../store/database'
import { listUsers } from './access/users'
import { structurePlace } from './structures'

/** A refusal the user can act on, with its HTTP status (the server's error handler answers `{ error }`). */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly statusCode: 400 | 403 | 404 | 409,
  ) {
    super(message)
  }
}

const iso = (timestamp: string) => new Date(timestamp).toISOString()

export function presentAction(row: ActionRow, editable: boolean): FollowUpAction {
  // The table's checks hold the same lists: a value outside them would be a corrupted row.
  if (
    !isActionKind(row.kind) ||
    !isActionStatus(row.status) ||
    (row.theme !== null && !isActionTheme(row.theme))
  )
    throw new Error(`action de suivi n°${row.id} : type, statut ou thème inconnu en base`)
  return {
    id: row.id,
    finess: row.finess,
    structureName: row.structure_name,
    region: row.region,
    departement: row.departement,
    kind: row.kind,
    kindLabel: ACTION_KIND_LABELS[row.kind],
    subject: row.subject,
    notes: row.notes,
    nextStep: row.next_step,
    dueOn: row.due_on,
    status: row.status,
    statusLabel: ACTION_STATUS_LABELS[row.status],
    theme: row.theme,
    themeLabel: row.theme ? ACTION_THEME_LABELS[row.theme] : null,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    createdById: row.created_by,
    createdByName: row.created_by_name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    externalSource: row.external_source,
    externalId: row.external_id,
    editable,
  }
}

/** The accounts that may be put in charge of an action at this establishment, by name. */
export async function possibleOwners(store: Store, place: StructurePlace) {
  const accounts = await listUsers(store)
  return accounts
    .filter((a) => !a.disabled && canOwnAction(a, place))
    .map((a) => ({ id: a.id, name: a.displayName }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
}

/** An establishment's log; the caller has checked that the user reads the establishment. */
export async function structureActions(
  store: Store,
  user: AccessUser,
  place: StructurePlace,
): Promise<StructureActions> {
  const refusal = actionWriteRefusal(user, place)
  const rows = await listActionsOfSite(store.db, place.finess)
  return {
    finess: place.finess,
    canWrite: refusal === null,
    refusal,
    owners: refusal === null ? await possibleOwners(store, place) : [],
    items: rows.map((r) => presentAction(r, refusal === null)),
  }
}

export function storeFilter(user: AccessUser, filters: ActionFilters): ActionListFilter {
  return { ...filters, scopes: seesAllFrance(user) ? null : user.scopes }
}

/** A page of the actions within the user's scopes (the SQL keeps to them: every row listed is readable). */
export async function actionPage(
  store: Store,
  user: AccessUser,
  query: ActionListQuery,
): Promise<ActionPage> {
  const { page, pageSize, ...filters } = query
  const { rows, total } = await listActions(store.db, storeFilter(user, filters), {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  })
  const editable = roleWritesActions(user.role)
  return { total, page, pageSize, items: rows.map((r) => presentAction(r, editable)) }
}

/** An action and its establishment's place, if the user reads it: one they may not read does not exist. */
export async function readableAction(
  store: Store,
  user: AccessUser,
  id: number,
): Promise<{ row: ActionRow; place: StructurePlace }> {
  const row = await findAction(store.db, id)
  const place = row ? await structurePlace(store, row.finess) : undefined
  if (!row || !place || !canReadActions(user, place))
    throw new ActionError(`Aucune action de suivi n°${id}.`, 404)
  return { row, place }
}

export async function readAction(store: Store, user: AccessUser, id: number): Promise<FollowUpAction> {
  const { row, place } = await readableAction(store, user, id)
  return presentAction(row, canWriteActions(user, place))
}
