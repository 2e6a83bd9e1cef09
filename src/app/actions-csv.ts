// The follow-up actions within a user's scopes as a CSV for a French spreadsheet (UTF-8 with BOM, `;`,
// formulas neutralised by app/csv.ts), with the same filters as the list, dates written the French way.
import type { AccessUser } from '../domain/access/permissions'
import type { ActionFilters } from '../domain/contract/actions'
import { listActions } from '../store/actions'
import type { Store } from '../store/database'
import { presentAction, storeFilter } from './actions'
import { spreadsheetCsv } from './csv'

/** A download holds at most this many actions: years of a région's follow-up are far below it. */
export const ACTIONS_CSV_MAX_ROWS = 50_000

const HEADER = [
  'N°',
  'FINESS',
  'Établissement',
  'Région',
  'Département',
  'Type',
  'Objet',
  'Notes',
  'Prochaine étape',
  'Échéance',
  'Statut',
  'Thème',
  'Responsable',
  'Créée par',
  'Créée le',
  'Modifiée le',
  'Source externe',
  'Identifiant externe',
]

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'short',
  timeStyle: 'short',
})

/** `2025-06-30` → `30/06/2025`, which a French spreadsheet reads as a date. */
export const frenchDate = (day: string | null) => (day ? day.split('-').reverse().join('/') : null)

export interface ActionsCsv {
  csv: string
  /** Actions matching the filters; more than the file holds when it reached the cap. */
  total: number
  rows: number
}

export async function actionsCsv(
  store: Store,
  user: AccessUser,
  filters: ActionFilters,
  maxRows: number = ACTIONS_CSV_MAX_ROWS,
): Promise<ActionsCsv> {
  const { rows, total } = await listActions(store.db, storeFilter(user, filters), {
    limit: maxRows,
    offset: 0,
  })
  const lines = rows
    .map((r) => presentAction(r, false))
    .map((a) => [
      a.id,
      a.finess,
      a.structureName,
      a.region,
      a.departement,
      a.kindLabel,
      a.subject,
      a.notes,
      a.nextStep,
      frenchDate(a.dueOn),
      a.statusLabel,
      a.themeLabel,
      a.ownerName,
      a.createdByName,
      DATE_TIME.format(new Date(a.createdAt)),
      DATE_TIME.format(new Date(a.updatedAt)),
      a.externalSource,
      a.externalId,
    ])
  return { csv: spreadsheetCsv(HEADER, lines), total, rows: rows.length }
}

/** `actions-suivi-<région or département or all>-<day>.csv`. */
export function actionsCsvFileName(filters: ActionFilters, today: Date): string {
  const what = filters.departement
    ? `departement-${filters.departement}`
    : filters.region
      ? `region-${filters.region}`
      : 'perimetre'
  return `actions-suivi-${what}-${today.toISOString().slice(0, 10)}.csv`
}
