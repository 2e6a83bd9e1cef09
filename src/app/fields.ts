// The fields people type about a structure (the region's météo and comments, the ANS's identity marks, an
// establishment's declarations): read as they stood at a follow-up month, and written by their owner only,
// each write journaled with the value it replaced, in its transaction.
import type { FieldValue, StructureFields } from '../domain/contract/access'
import { fieldOwnership, isManualField } from '../domain/access/field-ownership'
import { canEditField, canReadField, fieldEditRefusal, type AccessUser } from '../domain/access/permissions'
import type { StructurePlace } from '../domain/access/scope'
import { INDICATORS, type IndicatorDefinition } from '../domain/observations/indicators'
import { insertAuditEvents } from '../store/audit'
import type { Kysely } from 'kysely'
import type { Store } from '../store/database'
import type { Database } from '../store/schema'
import {
  indicatorIdOf,
  trackerValuesAt,
  typedValuesAt,
  upsertFieldEntry,
  type HeldValue,
} from '../store/field-entries'
import type { Actor } from './access/actor'

export const MANUAL_FIELDS: readonly IndicatorDefinition[] = INDICATORS.filter((i) => isManualField(i.code))

/** A refusal of the value itself (HTTP 400), or of the write (403). */
export class FieldWriteError extends Error {
  constructor(
    message: string,
    readonly statusCode: 400 | 403 | 404,
  ) {
    super(message)
  }
}

const MAX_TEXT = 4000
const BOOLEAN_VALUES: Readonly<Record<string, string>> = { oui: 'oui', non: 'non', true: 'oui', false: 'non' }

/** The stored form of a typed value, or a French reason why it is not acceptable. */
export function normaliseFieldValue(
  field: IndicatorDefinition,
  raw: string | null,
): { value: string | null } | { error: string } {
  // Control characters other than line breaks and tabs have no place in a comment (and break exports).
  // eslint-disable-next-line no-control-regex
  const text = raw?.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim() ?? ''
  if (text === '') return { value: null }
  if (field.statuses) {
    const status = field.statuses.find((s) => s.code === text || s.label === text)
    return status
      ? { value: status.code }
      : {
          error: `${field.label} : valeur attendue parmi ${field.statuses.map((s) => `« ${s.label} »`).join(', ')}.`,
        }
  }
  if (field.kind === 'boolean') {
    const value = BOOLEAN_VALUES[text.toLowerCase()]
    return value ? { value } : { error: `${field.label} : « oui » ou « non » attendu.` }
  }
  if (text.length > MAX_TEXT) return { error: `${field.label} : ${MAX_TEXT} caractères au plus.` }
  return { value: text }
}

/** A typed value wins over an imported tracker's for the same month; the later month wins otherwise. */
function held(typed: HeldValue | undefined, tracker: HeldValue | undefined): HeldValue | undefined {
  if (!typed) return tracker
  if (!tracker) return typed
  return tracker.period > typed.period ? tracker : typed
}

async function heldValues(db: Kysely<Database>, finess: string, codes: readonly string[], period: string) {
  const [typed, tracker] = await Promise.all([
    typedValuesAt(db, finess, codes, period),
    trackerValuesAt(db, finess, codes, period),
  ])
  const byCode = (rows: HeldValue[]) => new Map(rows.map((r) => [r.indicator, r]))
  const t = byCode(typed)
  const k = byCode(tracker)
  return new Map(codes.map((code) => [code, held(t.get(code), k.get(code))]))
}

function describeField(
  user: AccessUser,
  place: StructurePlace,
  field: IndicatorDefinition,
  value: HeldValue | undefined,
): FieldValue {
  const ownership = fieldOwnership(field.code)
  if (!ownership) throw new Error(`champ sans propriétaire : ${field.code}`)
  const refusal = fieldEditRefusal(user, field.code, place)
  return {
    code: field.code,
    label: field.label,
    theme: field.theme,
    owner: ownership.owner,
    responsible: ownership.responsible,
    kind: field.kind,
    statuses: field.statuses ? field.statuses.map((s) => ({ code: s.code, label: s.label })) : null,
    value: value?.value ?? null,
    valuePeriod: value?.value != null ? value.period : null,
    enteredBy: value?.enteredBy ?? null,
    enteredAt: value?.enteredAt ?? null,
    editable: refusal === null,
    refusal,
  }
}

/** The typed fields of a site the user may read, as they stood at `period` (`YYYY-MM`). */
export async function structureFields(
  store: Store,
  user: AccessUser,
  place: StructurePlace,
  period: string,
): Promise<StructureFields> {
  const fields = MANUAL_FIELDS.filter((f) => canReadField(user, f.code, place))
  const values = await heldValues(
    store.db,
    place.finess,
    fields.map((f) => f.code),
    period,
  )
  return {
    finess: place.finess,
    period,
    fields: fields.map((f) => describeField(user, place, f, values.get(f.code))),
  }
}

/** Writes a field for a month (null clears it from that month on); refused unless the user owns it. */
export async function setField(
  store: Store,
  user: AccessUser & { email: string },
  place: StructurePlace,
  write: { field: string; period: string; value: string | null },
): Promise<FieldValue> {
  const field = MANUAL_FIELDS.find((f) => f.code === write.field)
  const refusal = fieldEditRefusal(user, write.field, place)
  if (refusal !== null || !field || !canEditField(user, write.field, place))
    throw new FieldWriteError(
      refusal ?? `Champ inconnu : « ${write.field} ».`,
      fieldOwnership(write.field) ? 403 : 404,
    )
  const normalised = normaliseFieldValue(field, write.value)
  if ('error' in normalised) throw new FieldWriteError(normalised.error, 400)
  const indicatorId = await indicatorIdOf(store.db, field.code)
  if (indicatorId === undefined) throw new Error(`indicateur absent de la base : ${field.code}`)
  const actor: Actor = { id: user.id, label: user.email }
  await store.transaction(async (session) => {
    // Read inside the transaction: on PGlite a read outside it would wait for it to end.
    const before = (await heldValues(session.db, place.finess, [field.code], write.period)).get(field.code)
    await upsertFieldEntry(session, {
      finess: place.finess,
      indicatorId,
      period: write.period,
      value: normalised.value,
      userId: user.id,
    })
    await insertAuditEvents(session, [
      {
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'field.set',
        entityKind: 'field',
        entityId: `${place.finess}/${field.code}`,
        finess: place.finess,
        field: field.code,
        period: `${write.period}-01`,
        before: before?.value ?? null,
        after: normalised.value,
      },
    ])
  })
  const after = (await heldValues(store.db, place.finess, [field.code], write.period)).get(field.code)
  return describeField(user, place, field, after)
}
