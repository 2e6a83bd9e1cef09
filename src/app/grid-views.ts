// Saved views of the tracking grid: listed as the user may see them, created, changed and deleted by those
// the rules of src/domain/access/view-permissions.ts allow, each write journaled in its transaction.
import type { GridView, GridViewChanges, GridViewInput, GridViewList } from '../domain/contract/grid-views'
import { seesAllFrance, type AccessUser } from '../domain/access/permissions'
import {
  canEditView,
  canReadView,
  canShareView,
  viewChangeRefusal,
  viewEditRefusal,
  viewShareRefusal,
  type ViewPlace,
  type ViewUser,
} from '../domain/access/view-permissions'
import { insertAuditEvents } from '../store/audit'
import type { Kysely } from 'kysely'
import type { Store } from '../store/database'
import {
  deleteView,
  findView,
  insertView,
  listVisibleViews,
  ownerHasViewNamed,
  regionCodes,
  regionsOfScopes,
  updateView,
  type GridViewRow,
  type GridViewValues,
} from '../store/grid-views'
import type { Database } from '../store/schema'

/** A refusal the user can act on, with its HTTP status. */
export class GridViewError extends Error {
  constructor(
    message: string,
    readonly statusCode: 400 | 403 | 404 | 409,
  ) {
    super(message)
  }
}

type Writer = AccessUser & { email: string }

async function viewUser(store: Store, user: AccessUser): Promise<ViewUser> {
  return { ...user, regions: seesAllFrance(user) ? [] : await regionsOfScopes(store.db, user.scopes) }
}

const placeOf = (row: Pick<GridViewRow, 'owner_id' | 'region_code'>): ViewPlace => ({
  ownerId: row.owner_id,
  region: row.region_code,
})

function present(user: ViewUser, row: GridViewRow): GridView {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    region: row.region_code,
    ownerName: row.owner_name,
    mine: row.owner_id === user.id,
    editable: canEditView(user, placeOf(row)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** What the journal keeps of a view. */
const snapshot = (v: GridViewValues) => ({ name: v.name, query: v.query, region: v.region_code })

const duplicate = (name: string) =>
  new GridViewError(`Vous avez déjà une vue nommée « ${name} » : choisissez un autre nom.`, 409)

/** A race between two saves of one name ends on the unique index: the same answer as the check. */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505'
}

/** Refuses a région that does not exist, or one the user may not share with. */
function checkRegion(user: ViewUser, known: readonly string[], region: string | null): void {
  if (region === null) return
  if (!known.includes(region)) throw new GridViewError(`Région inconnue : « ${region} ».`, 400)
  const refusal = viewShareRefusal(user, region)
  if (refusal) throw new GridViewError(refusal, 403)
}

export async function listGridViews(store: Store, user: AccessUser): Promise<GridViewList> {
  const reader = await viewUser(store, user)
  const rows = await listVisibleViews(store.db, user.id, seesAllFrance(user) ? 'all' : reader.regions)
  const regions = await regionCodes(store.db)
  return {
    views: rows.filter((r) => canReadView(reader, placeOf(r))).map((r) => present(reader, r)),
    shareRegions: regions.filter((code) => canShareView(reader, code)),
  }
}

/** The view, if the user may see it: one they may not see answers as one that does not exist. */
async function visibleView(db: Kysely<Database>, user: ViewUser, id: number): Promise<GridViewRow> {
  const row = await findView(db, id)
  if (!row || !canReadView(user, placeOf(row))) throw new GridViewError(`Aucune vue n°${id}.`, 404)
  return row
}

/** The view as written: read again for its dates and owner (an unshared view may no longer be the writer's to see). */
async function written(store: Store, user: ViewUser, id: number): Promise<GridView> {
  const row = await findView(store.db, id)
  if (!row) throw new GridViewError(`Aucune vue n°${id}.`, 404)
  return present(user, row)
}

export async function createGridView(store: Store, user: Writer, input: GridViewInput): Promise<GridView> {
  const writer = await viewUser(store, user)
  checkRegion(writer, await regionCodes(store.db), input.region)
  const values: GridViewValues = { name: input.name, query: input.query, region_code: input.region }
  try {
    const id = await store.transaction(async (session) => {
      if (await ownerHasViewNamed(session.db, user.id, input.name)) throw duplicate(input.name)
      const created = await insertView(session, user.id, values)
      await insertAuditEvents(session, [
        {
          actorId: user.id,
          actorLabel: user.email,
          action: 'grid_view.create',
          entityKind: 'grid_view',
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

export async function changeGridView(
  store: Store,
  user: Writer,
  id: number,
  changes: GridViewChanges,
): Promise<GridView> {
  const writer = await viewUser(store, user)
  const known = await regionCodes(store.db)
  let name = changes.name ?? ''
  try {
    await store.transaction(async (session) => {
      // Read inside the transaction: the journal's "before" is the row this write replaces.
      const before = await visibleView(session.db, writer, id)
      const after: GridViewValues = {
        name: changes.name ?? before.name,
        query: changes.query ?? before.query,
        region_code: changes.region === undefined ? before.region_code : changes.region,
      }
      name = after.name
      const refusal = viewChangeRefusal(writer, placeOf(before), {
        ownerId: before.owner_id,
        region: after.region_code,
      })
      if (refusal) throw new GridViewError(refusal, 403)
      if (after.region_code !== before.region_code) checkRegion(writer, known, after.region_code)
      if (await ownerHasViewNamed(session.db, before.owner_id, after.name, id)) throw duplicate(after.name)
      await updateView(session, id, after)
      await insertAuditEvents(session, [
        {
          actorId: user.id,
          actorLabel: user.email,
          action: 'grid_view.update',
          entityKind: 'grid_view',
          entityId: String(id),
          before: snapshot(before),
          after: snapshot(after),
        },
      ])
    })
  } catch (error) {
    throw isUniqueViolation(error) ? duplicate(name) : error
  }
  return written(store, writer, id)
}

export async function deleteGridView(store: Store, user: Writer, id: number): Promise<void> {
  const writer = await viewUser(store, user)
  await store.transaction(async (session) => {
    const before = await visibleView(session.db, writer, id)
    const refusal = viewEditRefusal(writer, placeOf(before))
    if (refusal) throw new GridViewError(refusal, 403)
    await deleteView(session, id)
    await insertAuditEvents(session, [
      {
        actorId: user.id,
        actorLabel: user.email,
        action: 'grid_view.delete',
        entityKind: 'grid_view',
        entityId: String(id),
        before: snapshot(before),
      },
    ])
  })
}
