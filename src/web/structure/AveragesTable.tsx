// The site's value of a theme's quantitative columns beside its région's and the nation's averages at the
// month of reference, each at the month its theme's data comes from.
import type { HistoryColumn, StructureAverages } from '../../domain/contract/structure-history'
import { DataTable, type Column } from '../DataTable'
import { formatCount, formatPeriod, NOT_GIVEN } from '../format'
import { pointText } from './history-format'

type Row = StructureAverages['columns'][number] & { column: HistoryColumn }
type Average = Row['nation']

function averageText(column: HistoryColumn, average: Average | null): string {
  if (!average || average.value === null) return NOT_GIVEN
  return `${pointText(column, { ...BLANK, value: average.value })} (${formatCount(average.structures, 'structure')})`
}

const BLANK = { month: '', numerator: null, denominator: null, level: 'EG', finess: '', source: '' } as const

const COLUMNS: Column<Row>[] = [
  { key: 'label', header: 'Indicateur', cell: (r) => r.column.label, wide: true },
  { key: 'month', header: 'Mois des données', cell: (r) => (r.month ? formatPeriod(r.month) : NOT_GIVEN) },
  { key: 'site', header: 'Établissement', cell: (r) => pointText(r.column, r.site) },
  { key: 'region', header: 'Moyenne régionale', cell: (r) => averageText(r.column, r.region) },
  { key: 'nation', header: 'Moyenne nationale', cell: (r) => averageText(r.column, r.nation) },
]

interface Props {
  label: string
  columns: HistoryColumn[]
  averages: StructureAverages
}

export function AveragesTable({ label, columns, averages }: Props) {
  const byKey = new Map(columns.map((c) => [c.key, c]))
  const rows = averages.columns.flatMap((a) => {
    const column = byKey.get(a.key)
    return column ? [{ ...a, column }] : []
  })
  if (rows.length === 0) return null
  return (
    <DataTable
      caption={`${label} : comparaison aux moyennes (${formatPeriod(averages.period)})`}
      scrollLabel={`${label} : comparaison aux moyennes (tableau défilant)`}
      columns={COLUMNS}
      rows={rows}
      rowKey={(r) => r.key}
    />
  )
}
