// One theme of the grid month by month: a row per month (newest first), a column per indicator. This table
// is the content; the charts beside it draw the same numbers.
import type { HistoryColumn, HistoryPoint } from '../../domain/contract/structure-history'
import { DataTable, type Column } from '../DataTable'
import { formatPeriod } from '../format'
import { pointText } from './history-format'

interface Row {
  month: string
  points: Map<string, HistoryPoint>
}

function rowsOf(columns: HistoryColumn[]): Row[] {
  const byMonth = new Map<string, Map<string, HistoryPoint>>()
  for (const c of columns)
    for (const p of c.points) {
      let points = byMonth.get(p.month)
      if (!points) byMonth.set(p.month, (points = new Map()))
      points.set(c.key, p)
    }
  return [...byMonth]
    .map(([month, points]) => ({ month, points }))
    .sort((a, b) => b.month.localeCompare(a.month))
}

function cell(column: HistoryColumn, point: HistoryPoint | undefined) {
  const text = pointText(column, point)
  // A value of the legal entity or of the FINESS PMSI shows on the site: said, as in the grid.
  return point && point.level !== 'EG' ? (
    <>
      {text} <abbr title={`Valeur déclarée au niveau ${point.level} (${point.finess})`}>{point.level}</abbr>
    </>
  ) : (
    text
  )
}

export function ThemeTable({ label, columns }: { label: string; columns: HistoryColumn[] }) {
  const tableColumns: Column<Row>[] = [
    { key: 'month', header: 'Mois', cell: (r) => formatPeriod(r.month) },
    ...columns.map((c): Column<Row> => ({
      key: c.key,
      header: c.label,
      cell: (r) => cell(c, r.points.get(c.key)),
      wide: c.kind === 'text',
    })),
  ]
  return (
    <DataTable
      caption={`${label} : valeurs mois par mois`}
      scrollLabel={`${label} : valeurs mois par mois (tableau défilant)`}
      columns={tableColumns}
      rows={rowsOf(columns)}
      rowKey={(r) => r.month}
    />
  )
}
