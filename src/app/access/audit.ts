// Reading the audit journal: a page for the web app, or every matching row as a CSV for a spreadsheet.
// Who may read which part is the caller's decision (server/routes/audit.ts); here the fields the reader
// may not read are left out, whichever way the journal is read.
import { canReadField, type AccessUser } from '../../domain/access/permissions'
import type { StructurePlace } from '../../domain/access/scope'
import {
  AUDIT_ACTION_LABELS,
  type AuditEvent,
  type AuditPage,
  type AuditQuery,
} from '../../domain/contract/access'
import { ALL_INDICATORS } from '../../domain/observations/catalogue'
import { findIndicator } from '../../domain/observations/indicators'
import { listAuditEvents, type AuditFilter } from '../../store/audit'
import type { Store } from '../../store/database'
import { spreadsheetCsv, type CsvValue } from '../csv'

/** The filters of a journal read, without its page. */
export type AuditFilters = Omit<AuditQuery, 'page' | 'pageSize'>

/**
 * A download holds at most this many rows, the most recent first: a year of a region's typing is far
 * below it, and the whole national journal would be a file no spreadsheet opens.
 */
export const AUDIT_CSV_MAX_ROWS = 100_000

type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>['rows'][number]

/** The catalogue fields a user may not read at a structure (an establishment does not see a region's météo). */
export function unreadableFields(user: AccessUser, place: StructurePlace): string[] {
  return ALL_INDICATORS.map((i) => i.code).filter((code) => !canReadField(user, code, place))
}

function storeFilter(
  filters: AuditFilters,
  hiddenFields: readonly string[],
): Omit<AuditFilter, 'limit' | 'offset'> {
  return {
    finess: filters.finess,
    actorId: filters.actor,
    action: filters.action,
    field: filters.field,
    from: filters.from,
    until: filters.until,
    hiddenFields,
  }
}

function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    actionLabel: AUDIT_ACTION_LABELS[row.action] ?? row.action,
    entityKind: row.entity_kind,
    entityId: row.entity_id,
    finess: row.finess,
    field: row.field,
    fieldLabel: row.field ? (findIndicator(row.field)?.label ?? null) : null,
    period: row.period ? row.period.slice(0, 7) : null,
    before: row.before,
    after: row.after,
  }
}

export async function readAuditPage(
  store: Store,
  query: AuditQuery,
  hiddenFields: readonly string[],
): Promise<AuditPage> {
  const { rows, total } = await listAuditEvents(store.db, {
    ...storeFilter(query, hiddenFields),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  })
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map(toAuditEvent) }
}

/** A value typed by hand reads as itself; a snapshot (an account, a scope) as its JSON. */
function shown(value: unknown): CsvValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number') return value
  return JSON.stringify(value)
}

const CSV_HEADER = [
  'date',
  'auteur',
  'n° du compte',
  'action',
  'code action',
  'objet',
  'identifiant',
  'FINESS',
  'champ',
  'libellé du champ',
  'mois',
  'avant',
  'après',
]

export interface AuditCsv {
  csv: string
  /** Rows matching the filters; more than the file holds when it reached AUDIT_CSV_MAX_ROWS. */
  total: number
  rows: number
}

export async function auditCsv(
  store: Store,
  filters: AuditFilters,
  hiddenFields: readonly string[],
  maxRows: number = AUDIT_CSV_MAX_ROWS,
): Promise<AuditCsv> {
  const { rows, total } = await listAuditEvents(store.db, {
    ...storeFilter(filters, hiddenFields),
    limit: maxRows,
    offset: 0,
  })
  const lines = rows
    .map(toAuditEvent)
    .map((e) => [
      e.at,
      e.actorLabel,
      e.actorId,
      e.actionLabel,
      e.action,
      e.entityKind,
      e.entityId,
      e.finess,
      e.field,
      e.fieldLabel,
      e.period,
      shown(e.before),
      shown(e.after),
    ])
  return { csv: spreadsheetCsv(CSV_HEADER, lines), total, rows: rows.length }
}

/** `journal-<what>-<day>.csv`: the establishment, the account or the whole journal, and the day it was taken. */
export function auditCsvFileName(filters: AuditFilters, today: Date): string {
  const what = filters.finess ?? (filters.actor !== undefined ? `compte-${filters.actor}` : 'complet')
  return `journal-${what}-${today.toISOString().slice(0, 10)}.csv`
}
