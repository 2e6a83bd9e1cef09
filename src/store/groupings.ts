// Groupings (FiNESS+ `gcc` and `gco`) and their members, upserted in the caller's transaction. A group's
// members are replaced by the file's list when the file could name them all; otherwise the members it names
// are added or updated and the others kept (see GroupRecord.membersComplete).
import { sql } from 'kysely'
import type { GroupRecord } from '../domain/structure'
import type { Session } from './database'
import type { UpsertCounts } from './legal-entities'

const GROUP_COLUMNS = ['id', 'kind', 'type_code', 'name', 'external_id', 'state'] as const
const GROUP_DATA = GROUP_COLUMNS.slice(1)
const GROUPS = 'grouping_staging'
const MEMBERS = 'grouping_member_staging'

const ids = (rows: { id: string }[]) => rows.map((r) => r.id)

export async function upsertGroupings(
  session: Session,
  importId: number,
  groups: readonly GroupRecord[],
): Promise<UpsertCounts> {
  if (groups.length === 0) return { created: 0, changed: 0, unchanged: 0 }
  await session.exec(`
    drop table if exists ${GROUPS};
    drop table if exists ${MEMBERS};
    create temp table ${GROUPS} on commit drop as
      select ${GROUP_COLUMNS.join(', ')}, true as members_complete from grouping with no data;
    create temp table ${MEMBERS} on commit drop as
      select grouping_id, finess, level, role from grouping_member with no data;`)
  await session.copyInto(
    GROUPS,
    [...GROUP_COLUMNS, 'members_complete'],
    groups.map((g) => [g.id, g.kind, g.typeCode, g.name, g.externalId, g.state, g.membersComplete]),
  )
  await session.copyInto(
    MEMBERS,
    ['grouping_id', 'finess', 'level', 'role'],
    groups.flatMap((g) => g.members.map((m) => [g.id, m.finess, m.level, m.role])),
  )
  const staged = sql.table(GROUPS)
  const members = sql.table(MEMBERS)
  const upserted = await sql<{ id: string; created: boolean }>`
    insert into grouping (${sql.raw(GROUP_COLUMNS.join(', '))}, last_import_id)
    select ${sql.raw(GROUP_COLUMNS.join(', '))}, ${importId}::integer from ${staged}
    on conflict (id) do update
      set (${sql.raw(GROUP_DATA.join(', '))}, last_import_id) =
          (${sql.raw(GROUP_DATA.map((c) => `excluded.${c}`).join(', '))}, excluded.last_import_id)
      where (${sql.raw(GROUP_DATA.map((c) => `grouping.${c}`).join(', '))})
        is distinct from (${sql.raw(GROUP_DATA.map((c) => `excluded.${c}`).join(', '))})
    returning id, (xmax = 0) as created`.execute(session.db)
  const removed = await sql<{ id: string }>`
    delete from grouping_member m using ${staged} g
    where m.grouping_id = g.id and g.members_complete
      and not exists (select 1 from ${members} s where s.grouping_id = m.grouping_id and s.finess = m.finess)
    returning m.grouping_id as id`.execute(session.db)
  const written = await sql<{ id: string }>`
    insert into grouping_member (grouping_id, finess, level, role)
    select grouping_id, finess, level, role from ${members}
    on conflict (grouping_id, finess) do update set (level, role) = (excluded.level, excluded.role)
      where (grouping_member.level, grouping_member.role) is distinct from (excluded.level, excluded.role)
    returning grouping_id as id`.execute(session.db)

  const created = new Set(ids(upserted.rows.filter((r) => r.created)))
  // A group whose row or members changed is changed, and its import is recorded as the last to touch it.
  const changed = new Set([...ids(upserted.rows), ...ids(removed.rows), ...ids(written.rows)])
  for (const id of created) changed.delete(id)
  const membersOnly = [...changed].filter((id) => !upserted.rows.some((r) => r.id === id))
  if (membersOnly.length > 0)
    await session.db
      .updateTable('grouping')
      .set({ last_import_id: importId })
      .where('id', 'in', membersOnly)
      .execute()
  return {
    created: created.size,
    changed: changed.size,
    unchanged: groups.length - created.size - changed.size,
  }
}
