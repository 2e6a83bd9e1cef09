// Saved priority lists: listed as the user may see them, created, changed and deleted by those the saved
// views' rules allow (src/domain/priorities/list-permissions.ts), each write journaled in its transaction.
import type { Kysely } from 'kysely'
import { seesAllFrance, type AccessUser } from '../domain/access/permissions'
import type { ViewPlace, ViewUser } from '../domain/access/view-permissions'
import {
  chosenCriteria,
  type PriorityList,
  type PriorityListChanges,
  type PriorityListInput,
  type PriorityLists,
} from '../domain/contract/priorities'
import type { ChosenCriterion } from '../domain/priorities/criteria'
import {
  canEditList,
  canReadList,
  canShareList,
  listChangeRefusal,
  listEditRefusal,
  listShareRefusal,
} from '../domain/priorities/list-permissions'
import { insertAuditEvents } from '../store/audit'
import type { Store } from '../store/database'
import { regionCodes, regionsOfScopes } from '../store/grid-views'
import {
  deletePriorityList as deletePriorityListRow,
  findPriorityList,
  insertPriorityList,
  listVisiblePriorityLists,
  ownerHasListNamed,
  updatePriorityList,
  type PriorityListRow,
  type PriorityListValues,
} from '../store/priority-lists'
import type { Database } from '../store/schema'

/** A refusal the user can act on, with its HTTP status. */
export class PriorityListError extends Error {
  constructor(
    message: string,
    readonly statusCode: 400 | 403 | 404 | 409,
  ) {
    super(message)
  }
}

type Writer = AccessUser & { email: string }

async function listUser(store: Store, user: AccessUser): Promise<ViewUser> {
  return { ...user, regions: seesAllFrance(user) ? [] : await regionsOfScopes(store.db, user.scopes) }
}

const placeOf = (row: Pick<PriorityListRow, 'owner_id' | 'region_code'>): ViewPlace => ({
  ownerId: row.owner_id,
  region: row.region_code,
})

/** The stored criteria, checked again on the way out: a criterion removed from the table fails loudly. */
export function storedCriteria(row: Pick<PriorityListRow, 'id' | 'criteria'>): ChosenCriterion[] {
  const parsed = chosenCriteria.safeParse(row.criteria)
  if (!parsed.success)
    throw new Error(
      `liste de priorités n°${row.id} : critères enregistrés invalides (${parsed.error.message})`,
    )
  return parsed.data
}

function present(user: ViewUser, row: PriorityListRow): PriorityList {
  return {
    id: row.id,
    name: row.name,
    region: row.region_code,
    criteria: storedCriteria(row).map((c) => ({ ...c, parameters: { ...c.parameters } })),
    ownerName: row.owner_name,
    mine: row.owner_id === user.id,
    editable: canEditList(user, placeOf(row)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** What the journal keeps of a list. */
const snapshot = (v: PriorityListValues) => ({ name: v.name, region: v.region_code, criteria: v.criteria })

const valuesOf = (row: PriorityListRow): PriorityListValues => ({
  name: row.name,
  region_code: row.region_code,
  criteria: storedCriteria(row),
})

const duplicate = (name: string) =>
  new PriorityListError(`Vous avez déjà une liste nommée « ${name} » : choisissez un autre nom.`, 409)

/** A race between two saves of one name ends on the unique index: the same answer as the check. */
const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23505'

function checkRegion(user: ViewUser, known: readonly string[], region: string | null): void {
  if (region === null) return
  if (!known.includes(region)) throw new PriorityListError(`Région inconnue : « ${region} ».`, 400)
  const refusal = listShareRefusal(user, region)
  if (refusal) throw new PriorityListError(refusal, 403)
}

export async function listPriorityLists(store: Store, user: AccessUser): Promise<PriorityLists> {
  const reader = await listUser(store, user)
  const rows = await listVisiblePriorityLists(store.db, user.id, seesAllFrance(user) ? 'all' : reader.regions)
  const regions = await regionCodes(store.db)
  return {
    lists: rows.filter((r) => canReadList(reader, placeOf(r))).map((r) => present(reader, r)),
    shareRegions: regions.filter((code) => canShareList(reader, code)),
  }
}

/** The list, if the user may see it: one they may not see answers as one that does not exist. */
async function visibleList(db: Kysely<Database>, user: ViewUser, id: number): Promise<PriorityListRow> {
  const row = await findPriorityList(db, id)
  if (!row || !canReadList(user, placeOf(row)))
    throw new PriorityListError(`Aucune liste de priorités n°${id}.`, 404)
  return row
}

/** A saved list the user may see, for its results. */
export async function readPriorityList(store: Store, user: AccessUser, id: number): Promise<PriorityList> {
  const reader = await listUser(store, user)
  return present(reader, await visibleList(store.db, reader, id))
}

async function written(store: Store, user: ViewUser, id: number): Promise<PriorityList> {
  const row = await findPriorityList(store.db, id)
  if (!row) throw new PriorityListError(`Aucune liste de priorités n°${id}.`, 404)
  return present(user, row)
}

export async function createPriorityList(
  store: Store,
  user: Writer,
  input: PriorityListInput,
): Promise<PriorityList> {
  const writer = await listUser(store, user)
  checkRegion(writer, await regionCodes(store.db), input.region)
  const values: PriorityListValues = { name: input.name, region_code: input.region, criteria: input.criteria }
  try {
    const id = await store.transaction(async (session) => {
      if (await ownerHasListNamed(session.db, user.id, input.name)) throw duplicate(input.name)
      const created = await insertPriorityList(session, user.id, values)
      await insertAuditEvents(session, [
        {
          actorId: user.id,
          actorLabel: user.email,
          action: 'priority_list.create',
          entityKind: 'priority_list',
          entityId: String(created),
          after: snapshot(values),
        },
      ])
      return created
    })
    return await written(store, writer, id)
  } catch (error) {
    throw isUniqueViolation(error) ? duplicate(input.name) : error
  }
}

export async function changePriorityList(
  store: Store,
  user: Writer,
  id: number,
  changes: PriorityListChanges,
): Promise<PriorityList> {
  const writer = await listUser(store, user)
  const known = await regionCodes(store.db)
  let name = changes.name ?? ''
  try {
    await store.transaction(async (session) => {
      // Read inside the transaction: the journal's "before" is the row this write replaces.
      const before = await visibleList(session.db, writer, id)
      const after: PriorityListValues = {
        name: changes.name ?? before.name,
        region_code: changes.region === undefined ? before.region_code : changes.region,
        criteria: changes.criteria ?? storedCriteria(before),
      }
      name = after.name
      const refusal = listChangeRefusal(writer, placeOf(before), {
        ownerId: before.owner_id,
        region: after.region_code,
      })
      if (refusal) throw new PriorityListError(refusal, 403)
      if (after.region_code !== before.region_code) checkRegion(writer, known, after.region_code)
      if (await ownerHasListNamed(session.db, before.owner_id, after.name, id)) throw duplicate(after.name)
      await updatePriorityList(session, id, after)
      await insertAuditEvents(session, [
        {
          actorId: user.id,
          actorLabel: user.email,
          action: 'priority_list.update',
          entityKind: 'priority_list',
          entityId: String(id),
          before: snapshot(valuesOf(before)),
          after: snapshot(after),
        },
      ])
    })
  } catch (error) {
    throw isUniqueViolation(error) ? duplicate(name) : error
  }
  return written(store, writer, id)
}

export async function deletePriorityList(store: Store, user: Writer, id: number): Promise<void> {
  const writer = await listUser(store, user)
  await store.transaction(async (session) => {
    const before = await visibleList(session.db, writer, id)
    const refusal = listEditRefusal(writer, placeOf(before))
    if (refusal) throw new PriorityListError(refusal, 403)
    await deletePriorityListRow(session, id)
    await insertAuditEvents(session, [
      {
        actorId: user.id,
        actorLabel: user.email,
        action: 'priority_list.delete',
        entityKind: 'priority_list',
        entityId: String(id),
        before: snapshot(valuesOf(before)),
      },
    ])
  })
}
