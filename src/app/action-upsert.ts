// A CRM writes an action under its own identifier (source + external id): the first call creates it, the
// next ones replace it with what the CRM holds, and the same body twice changes nothing (nor the journal).
import { ACTION_FIELD_LABELS } from '../domain/actions/kinds'
import type { ExternalActionInput, ExternalKey, FollowUpAction } from '../domain/contract/actions'
import { findActionByExternalKey, insertAction, updateAction, type ActionValues } from '../store/actions'
import type { Store } from '../store/database'
import { ActionError } from './actions'
import {
  actionSnapshot,
  actionValues,
  checkWriter,
  journalAction,
  ownerFor,
  writtenAction,
  type ActionWriter,
} from './action-writes'
import { structurePlace } from './structures'

export interface UpsertResult {
  action: FollowUpAction
  created: boolean
}

const sameValues = (a: ActionValues, b: ActionValues) =>
  (Object.keys(a) as (keyof ActionValues)[]).every((k) => a[k] === b[k])

/** Two calls racing on a new identifier: the loser finds the winner's row on its second try. */
const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23505'

export async function upsertExternalAction(
  store: Store,
  writer: ActionWriter,
  key: ExternalKey,
  input: ExternalActionInput,
): Promise<UpsertResult> {
  const place = await structurePlace(store, input.finess)
  if (!place)
    throw new ActionError(
      `${ACTION_FIELD_LABELS.finess} : aucun établissement ${input.finess} dans Jalon.`,
      400,
    )
  checkWriter(writer, place)
  // Absent: the writer on creation, and the owner already set on a replacement (resolved below).
  const owner = input.ownerId === undefined ? undefined : await ownerFor(store, writer, place, input.ownerId)
  const attempt = () =>
    store.transaction(async (session) => {
      const existing = await findActionByExternalKey(session.db, key.source, key.externalId)
      if (existing && existing.finess !== place.finess)
        throw new ActionError(
          `L’action ${key.source}/${key.externalId} est rattachée à l’établissement ${existing.finess}, pas à ${place.finess} : supprimez-la pour la recréer ailleurs.`,
          409,
        )
      const values = actionValues(
        input,
        owner === undefined ? (existing ? existing.owner_id : writer.id) : owner,
      )
      const external = { externalSource: key.source, externalId: key.externalId }
      if (!existing) {
        const id = await insertAction(session, {
          ...values,
          finess: place.finess,
          created_by: writer.id,
          external_source: key.source,
          external_id: key.externalId,
        })
        await journalAction(session, writer, 'action.create', id, place.finess, {
          after: { ...actionSnapshot({ ...values, finess: place.finess }), ...external },
        })
        return { id, created: true }
      }
      if (!sameValues(values, existing)) {
        await updateAction(session, existing.id, values)
        await journalAction(session, writer, 'action.update', existing.id, place.finess, {
          before: { ...actionSnapshot(existing), ...external },
          after: { ...actionSnapshot({ ...values, finess: place.finess }), ...external },
        })
      }
      return { id: existing.id, created: false }
    })
  let done: { id: number; created: boolean }
  try {
    done = await attempt()
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    done = await attempt()
  }
  return { action: await writtenAction(store, done.id), created: done.created }
}
