// The rows of a grid export: the whole filtered view, read page by page so that a national export
// (100 000 rows) never holds more than one page, and each value written as the tracker writes it.
import type { GridCell, GridPage, GridQuery, GridRow } from '../domain/contract/grid'
import type { AccessUser } from '../domain/access/permissions'
import type { GridColumn } from '../domain/grid/columns'
import { FIELDS } from '../sources/tracker/fields'
import type { Store } from '../store/database'
import { chosenColumns, gridPage } from './grid'

const PAGE = 5000

/** The identity columns of seed 002, in its order, pinned on the left of every export. */
export const IDENTITY_HEADERS: readonly [header: string, read: (row: GridRow) => string | null][] = [
  ['FINESS Géographique', (r) => r.finessEg],
  ['FINESS PMSI', (r) => r.finessPmsi],
  ['FINESS Juridique', (r) => r.finessEj],
  ['Département', (r) => r.departement],
  ['Catégorie d’établissements', (r) => r.categoryLabel],
  ['Raison sociale', (r) => r.name],
]

const SEED_HEADERS = new Map(FIELDS.flatMap((f) => (f.indicator ? [[f.indicator, f.header] as const] : [])))

/** The header a region knows a column by: seed 002's where the tracker has it, else the catalogue's label. */
export function exportHeader(column: GridColumn): string {
  return SEED_HEADERS.get(column.key) ?? (column.unit ? `${column.label} (${column.unit})` : column.label)
}

/** A cell as the tracker writes it: a status's label, Oui / Non, a number, or the text. */
export function exportValue(column: GridColumn, cell: GridCell | undefined): string | number | null {
  const value = cell?.value ?? null
  if (value === null) return null
  if (column.statuses) return column.statuses.find((s) => s.code === value)?.label ?? value
  if (column.kind === 'boolean')
    return value === 'oui' || value === 'true' ? 'Oui' : value === 'non' ? 'Non' : value
  if (column.quantitative) {
    const number = Number(value)
    return Number.isFinite(number) ? number : value
  }
  return value
}

export interface ExportPlan {
  columns: GridColumn[]
  /** The first page: its theme months date the export and name the file. */
  first: GridPage
  pages: AsyncGenerator<GridRow[]>
}

/** The columns and the pages of the filtered view, in the grid's order. */
export async function planExport(store: Store, user: AccessUser, query: GridQuery): Promise<ExportPlan> {
  const columns = chosenColumns(user, query.columns)
  const first = await gridPage(store, user, { ...query, offset: 0, limit: PAGE, compare: undefined })
  async function* pages(): AsyncGenerator<GridRow[]> {
    yield first.rows
    for (let offset = PAGE; offset < first.total; offset += PAGE) {
      const page = await gridPage(store, user, { ...query, offset, limit: PAGE, compare: undefined })
      if (page.rows.length === 0) return
      yield page.rows
    }
  }
  return { columns, first, pages: pages() }
}
