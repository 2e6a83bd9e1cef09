// The `gcc` and `gco` group objects of a flow → group records. A flow names members by their FiNESS+ ids:
// those of the entities and sites read from the same file are resolved to FINESS numbers, the others are
// reported and left out.
import type { GroupMember, GroupRecord, LegalEntityRecord } from '../../../domain/structure'
import type { RowIssue } from '../../source-error'
import { clean, Reporter } from './reporter'
import type { EntityMember, Flow, SiteMember } from './schema'

/** The FiNESS+ ids of the file: `pmSmsseId` → legal entity, `egeId` → site FINESS. */
export interface Ids {
  entities: Map<string, LegalEntityRecord>
  sites: Map<string, string>
}

function readMembers(
  report: Reporter,
  ids: Ids,
  entityField: string,
  entityMembers: readonly EntityMember[] | null | undefined,
  siteField: string,
  siteMembers: readonly SiteMember[] | null | undefined,
): { members: GroupMember[]; membersComplete: boolean } {
  const members = new Map<string, GroupMember>()
  const unknown = (field: string, label: string, missing: string[]) => {
    if (missing.length === 0) return
    const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : '')
    report.warn(
      'group-members-unknown',
      field,
      missing.join(','),
      `${missing.length} membre(s) absent(s) de ce fichier (${label} ${shown}) : non rattaché(s), les membres déjà connus du groupe sont conservés`,
    )
  }
  const missingEntities: string[] = []
  for (const m of entityMembers ?? []) {
    const id = clean(m.pmSmsseId)
    const finess = id === null ? undefined : ids.entities.get(id)?.finessEj
    if (finess === undefined) missingEntities.push(id ?? '?')
    else if (!members.has(finess))
      members.set(finess, { finess, level: 'EJ', role: clean(m.typeRoleEntiteGroupe) })
  }
  const missingSites: string[] = []
  for (const m of siteMembers ?? []) {
    const id = clean(m.egeId)
    const finess = id === null ? undefined : ids.sites.get(id)
    if (finess === undefined) missingSites.push(id ?? '?')
    else if (!members.has(finess))
      members.set(finess, { finess, level: 'EG', role: clean(m.typeRoleEntiteGroupe) })
  }
  unknown(entityField, 'pmSmsseId', missingEntities)
  unknown(siteField, 'egeId', missingSites)
  return {
    members: [...members.values()],
    membersComplete: missingEntities.length === 0 && missingSites.length === 0,
  }
}

export function readGroups(
  flow: Flow,
  lines: Map<string, number>,
  issues: RowIssue[],
  ids: Ids,
): GroupRecord[] {
  const groups = new Map<string, GroupRecord>()
  const add = (report: Reporter, group: GroupRecord, idField: string) => {
    if (groups.has(group.id))
      report.add('rejected', 'duplicate-group', idField, group.id, `groupe ${group.id} déjà lu : ignoré`)
    else groups.set(group.id, group)
  }
  ;(flow.gcc ?? []).forEach((g, i) => {
    const path = `gcc[${i}]`
    const report = new Reporter(issues, lines.get(path) ?? 0, path)
    const id = clean(g.gccId)
    if (id === null) return report.add('rejected', 'group-id-missing', 'gccId', null, 'identifiant absent')
    add(
      report,
      {
        id: `gcc:${id}`,
        kind: 'gcc',
        typeCode: clean(g.typeGcc),
        name: clean(g.nomGcc),
        externalId: clean(g.gccIdentifiantExterne),
        state: clean(g.etatObjet),
        ...readMembers(report, ids, 'pmejDuGcc', g.pmejDuGcc, 'egeDuGcc', g.egeDuGcc),
      },
      'gccId',
    )
  })
  ;(flow.gco ?? []).forEach((g, i) => {
    const path = `gco[${i}]`
    const report = new Reporter(issues, lines.get(path) ?? 0, path)
    const id = clean(g.pmSmsseId)
    if (id === null)
      return report.add('rejected', 'group-id-missing', 'pmSmsseId', null, 'identifiant absent')
    // A gco is itself a legal entity: its name and FINESS are those of the entity, when the file has it.
    const entity = ids.entities.get(id)
    add(
      report,
      {
        id: `gco:${id}`,
        kind: 'gco',
        typeCode: clean(g.typeGco),
        name: entity?.name ?? null,
        externalId: entity?.finessEj ?? null,
        state: null,
        ...readMembers(report, ids, 'pmejDuGco', g.pmejDuGco, 'egeDuGco', g.egeDuGco),
      },
      'pmSmsseId',
    )
  })
  return [...groups.values()]
}
