// The dashboard's status counts: for each status column of the grid the user may read, the sites in view
// per status at the follow-up point, with "sans donnée". Counted through the grid's own column joins, so
// that each figure is the grid's total for `where=KEY:eq:STATUS` (or `KEY:empty`) with the same filters.
import type { StatusColumn } from '../domain/contract/dashboard'
import type { GridColumn } from '../domain/grid/columns'
import type { Store } from '../store/database'
import { columnValueCounts } from '../store/dashboard'
import type { ColumnSource } from '../store/grid'
import type { SiteFilters } from '../store/sites'
import type { Resolved } from './grid'

/** A share of the sites in view, as a percentage with two decimals (0 when there is no site). */
export const shareOf = (count: number, total: number): number =>
  total === 0 ? 0 : Math.round((count * 10_000) / total) / 100

export async function statusColumns(
  store: Store,
  filters: SiteFilters,
  period: string,
  columns: readonly GridColumn[],
  resolved: Resolved,
  sites: number,
): Promise<StatusColumn[]> {
  const sources = columns.map((c) => resolved.sources.get(c.key) as ColumnSource)
  const counts = await columnValueCounts(store.db, filters, period, sources, { sites })
  return columns.map((column, i) => {
    const byValue = counts.get(i) ?? new Map<string | null, number>()
    const statuses = (column.statuses ?? []).map((s) => {
      const count = byValue.get(s.code) ?? 0
      return { code: s.code, label: s.label, count, share: shareOf(count, sites) }
    })
    const known = new Set((column.statuses ?? []).map((s) => s.code))
    const empty = byValue.get(null) ?? 0
    const other = [...byValue].reduce(
      (n, [value, count]) => (value !== null && !known.has(value) ? n + count : n),
      0,
    )
    return {
      key: column.key,
      label: column.label,
      theme: column.theme,
      month: resolved.themes.get(column.theme) ?? null,
      statuses,
      empty: { count: empty, share: shareOf(empty, sites) },
      other: { count: other, share: shareOf(other, sites) },
    }
  })
}
