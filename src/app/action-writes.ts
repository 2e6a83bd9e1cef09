// Writing follow-up actions at an establishment: created, changed (the fields given) and deleted by those
// src/domain/access/action-permissions.ts allows, the person in charge checked, each write journaled in
// its transaction with the action before and after.
import { actionWriteRefusal, canOwnAction } from '../domain/access/action-permissions'
import type { AccessUser } from '../domain/access/permissions'
import type { StructurePlace } from '../domain/access/scope'
import { ACTION_FIELD_LABELS } from '../domain/actions/kinds'
import type { ActionChanges, ActionInput, FollowUpAction } from '../domain/contract/actions'
import {
  deleteAction as deleteActionRow,
  findAction,
  insertAction,
  updateAction,
  type ActionRow,
  type ActionValues,
} from '../store/actions'
import { insertAuditEvents } from '../store/audit'
import type { Session, Store } from '../store/database'
import { findSessionUser } from './access/users'
import { ActionError, presentAction, readableAction } from './actions'

/** A writer: its e-mail is the journal's label (with the token's name for a request made with a token). */
export type ActionWriter = AccessUser & { email: string }

/** What the journal keeps of an action. */
export const actionSnapshot = (v: ActionValues & { finess: string }) => ({
  finess: v.finess,
  kind: v.kind,
  subject: v.subject,
  notes: v.notes,
  nextStep: v.next_step,
  dueOn: v.due_on,
  status: v.status,
  theme: v.theme,
  ownerId: v.owner_id,
})

/** The row's values of a whole action as given (a form's or a CRM's): an optional field left out is empty. */
export const actionValues = (input: ActionInput, ownerId: number | null): ActionValues => ({
  kind: input.kind,
  subject: input.subject,
  notes: input.notes ?? null,
  next_step: input.nextStep ?? null,
  due_on: input.dueOn ?? null,
  status: input.status,
  theme: input.theme ?? null,
  owner_id: ownerId,
})

export function checkWriter(writer: AccessUser, place: StructurePlace): void {
  const refusal = actionWriteRefusal(writer, place)
  if (refusal) throw new ActionError(refusal, 403)
}

/**
 * The person in charge: the writer when not given, nobody for null, otherwise an active account that may
 * write actions here (so that they can mark it done themselves).
 */
export async function ownerFor(
  store: Store,
  writer: AccessUser,
  place: StructurePlace,
  ownerId: number | null | undefined,
): Promise<number | null> {
  if (ownerId === undefined) return writer.id
  if (ownerId === null || ownerId === writer.id) return ownerId
  const owner = await findSessionUser(store, ownerId)
  if (!owner || !canOwnAction(owner, place))
    throw new ActionError(
      `${ACTION_FIELD_LABELS.ownerId} : le compte n°${ownerId} ne peut pas être chargé d’une action à l’établissement ${place.finess} (compte inconnu, désactivé, ou sans droit d’écriture sur cet établissement).`,
      400,
    )
  return owner.id
}

export async function journalAction(
  session: Session,
  writer: ActionWriter,
  action: 'action.create' | 'action.update' | 'action.delete',
  id: number,
  finess: string,
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  await insertAuditEvents(session, [
    {
      actorId: writer.id,
      actorLabel: writer.email,
      action,
      entityKind: 'action',
      entityId: String(id),
      finess,
      ...change,
    },
  ])
}

/** The action as written, read again for its names and dates. */
export async function writtenAction(store: Store, id: number): Promise<FollowUpAction> {
  const row = await findAction(store.db, id)
  if (!row) throw new ActionError(`Aucune action de suivi n°${id}.`, 404)
  return presentAction(row, true)
}

export async function createAction(
  store: Store,
  writer: ActionWriter,
  place: StructurePlace,
  input: ActionInput,
): Promise<FollowUpAction> {
  checkWriter(writer, place)
  const values = actionValues(input, await ownerFor(store, writer, place, input.ownerId))
  const id = await store.transaction(async (session) => {
    const created = await insertAction(session, { ...values, finess: place.finess, created_by: writer.id })
    await journalAction(session, writer, 'action.create', created, place.finess, {
      after: actionSnapshot({ ...values, finess: place.finess }),
    })
    return created
  })
  return writtenAction(store, id)
}

const valuesOf = (row: ActionRow): ActionValues => ({
  kind: row.kind,
  subject: row.subject,
  notes: row.notes,
  next_step: row.next_step,
  due_on: row.due_on,
  status: row.status,
  theme: row.theme,
  owner_id: row.owner_id,
})

export async function changeAction(
  store: Store,
  writer: ActionWriter,
  id: number,
  changes: ActionChanges,
): Promise<FollowUpAction> {
  const { place } = await readableAction(store, writer, id)
  checkWriter(writer, place)
  const owner =
    changes.ownerId === undefined ? undefined : await ownerFor(store, writer, place, changes.ownerId)
  await store.transaction(async (session) => {
    // Read inside the transaction: the journal's "before" is the row this write replaces.
    const before = await findAction(session.db, id)
    if (!before) throw new ActionError(`Aucune action de suivi n°${id}.`, 404)
    const old = valuesOf(before)
    const after: ActionValues = {
      kind: changes.kind ?? old.kind,
      subject: changes.subject ?? old.subject,
      notes: changes.notes === undefined ? old.notes : changes.notes,
      next_step: changes.nextStep === undefined ? old.next_step : changes.nextStep,
      due_on: changes.dueOn === undefined ? old.due_on : changes.dueOn,
      status: changes.status ?? old.status,
      theme: changes.theme === undefined ? old.theme : changes.theme,
      owner_id: owner === undefined ? old.owner_id : owner,
    }
    await updateAction(session, id, after)
    await journalAction(session, writer, 'action.update', id, before.finess, {
      before: actionSnapshot({ ...old, finess: before.finess }),
      after: actionSnapshot({ ...after, finess: before.finess }),
    })
  })
  return writtenAction(store, id)
}

export async function deleteAction(store: Store, writer: ActionWriter, id: number): Promise<void> {
  const { place } = await readableAction(store, writer, id)
  checkWriter(writer, place)
  await store.transaction(async (session) => {
    const before = await findAction(session.db, id)
    if (!before) throw new ActionError(`Aucune action de suivi n°${id}.`, 404)
    await deleteActionRow(session, id)
    await journalAction(session, writer, 'action.delete', id, before.finess, {
      before: {
        ...actionSnapshot({ ...valuesOf(before), finess: before.finess }),
        externalSource: before.external_source,
        externalId: before.external_id,
      },
    })
  })
}
