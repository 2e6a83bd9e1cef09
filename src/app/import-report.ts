// The report of a FINESS import, whatever the format: counts, the sites it touched with their line, issues.
import type { RowIssue } from '../sources/source-error'
import type { Session } from '../store/database'
import { finishFinessImport } from '../store/finess-imports'
import type { ApplyResult } from '../store/site-import'

export interface SiteRef {
  finessEg: string
  line: number | null
}

export interface ImportCounts {
  linesRead: number
  sitesRead: number
  created: number
  changed: number
  unchanged: number
  closed: number
  reopened: number
  rejected: number
  warnings: number
  /** Legal entities and groups read (FiNESS+ only; 0 for an etalab extract, which has none). */
  legalEntities: number
  groups: number
}

export interface TouchedSites {
  created: SiteRef[]
  changed: SiteRef[]
  reopened: SiteRef[]
  closed: SiteRef[]
}

/** Counts the report and records them on the import, in the import's transaction. */
export async function finishImport(
  session: Session,
  importId: number,
  read: { linesRead: number; sitesRead: number; issues: RowIssue[]; legalEntities?: number; groups?: number },
  applied: ApplyResult,
): Promise<ImportCounts> {
  const rejected = read.issues.filter((i) => i.severity === 'rejected').length
  const counts: ImportCounts = {
    linesRead: read.linesRead,
    sitesRead: read.sitesRead,
    created: applied.created.length,
    changed: applied.changed.length,
    unchanged: applied.unchanged,
    closed: applied.closed.length,
    reopened: applied.reopened.length,
    rejected,
    warnings: read.issues.length - rejected,
    legalEntities: read.legalEntities ?? 0,
    groups: read.groups ?? 0,
  }
  await finishFinessImport(session, importId, {
    lines_read: counts.linesRead,
    sites_read: counts.sitesRead,
    created_count: counts.created,
    changed_count: counts.changed,
    unchanged_count: counts.unchanged,
    closed_count: counts.closed,
    reopened_count: counts.reopened,
    rejected_count: counts.rejected,
    warning_count: counts.warnings,
    legal_entities_count: counts.legalEntities,
    groups_count: counts.groups,
  })
  return counts
}

/** The sites an import touched, each with the line of the file it was read from. */
export function touchedSites(applied: ApplyResult, lineOf: ReadonlyMap<string, number | null>): TouchedSites {
  const refs = (list: string[]): SiteRef[] =>
    list.map((finessEg) => ({ finessEg, line: lineOf.get(finessEg) ?? null }))
  return {
    created: refs(applied.created),
    changed: refs(applied.changed),
    reopened: refs(applied.reopened),
    closed: refs(applied.closed),
  }
}
