// Use case: the history of the fields people type about a site (météo, comments, SIH notes, declarations):
// every value with its month, who entered it and when, a region's imported tracker giving the older ones.
// Only the fields the user may read: an establishment does not read its région's steering notes.
import type { StructureComments, TypedEntry } from '../domain/contract/structure-history'
import { canReadField, type AccessUser } from '../domain/access/permissions'
import type { StructurePlace } from '../domain/access/scope'
import type { HeldValue } from '../store/field-entries'
import type { Store } from '../store/database'
import { trackerHistory, typedHistory } from '../store/site-history'
import { MANUAL_FIELDS } from './fields'

const FIELDS = new Map(MANUAL_FIELDS.map((f) => [f.code, f]))

function entry(held: HeldValue): TypedEntry | null {
  const field = FIELDS.get(held.indicator)
  if (!field) return null
  const status = field.statuses?.find((s) => s.code === held.value)
  return {
    field: field.code,
    label: field.label,
    theme: field.theme,
    value: held.value,
    valueLabel: status?.label ?? held.value,
    month: held.period,
    enteredBy: held.enteredBy,
    enteredAt: held.enteredAt,
    origin: held.origin,
  }
}

export async function structureComments(
  store: Store,
  user: AccessUser,
  place: StructurePlace,
): Promise<StructureComments> {
  const codes = MANUAL_FIELDS.filter((f) => canReadField(user, f.code, place)).map((f) => f.code)
  const readable = new Set(codes)
  const [typed, tracker] = await Promise.all([
    typedHistory(store.db, place.finess),
    trackerHistory(store.db, place.finess, codes),
  ])
  const entries = [...typed, ...tracker]
    .filter((h) => readable.has(h.indicator))
    .map(entry)
    .filter((e): e is TypedEntry => e !== null)
    // Newest month first; within a month the latest entry first, a typed value before the tracker's.
    .sort(
      (a, b) =>
        b.month.localeCompare(a.month) ||
        (b.enteredAt ?? '').localeCompare(a.enteredAt ?? '') ||
        a.label.localeCompare(b.label, 'fr'),
    )
  return { finess: place.finess, entries }
}
