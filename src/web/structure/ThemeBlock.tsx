// One theme of the establishment's history: a small chart per quantitative column, the month-by-month
// table beside them, and the comparison with the région's and the nation's averages.
import { fr } from '@codegouvfr/react-dsfr'
import { useMemo } from 'react'
import type { HistoryColumn, StructureAverages } from '../../domain/contract/structure-history'
import { formatPeriod } from '../format'
import { AveragesTable } from './AveragesTable'
import { chartValue } from './history-format'
import { MiniChart } from './MiniChart'
import { ThemeTable } from './ThemeTable'

interface Props {
  id: string
  label: string
  columns: HistoryColumn[]
  averages: StructureAverages | undefined
}

/** The months of the theme, oldest first, and each quantitative column's values over them. */
function chartsOf(columns: HistoryColumn[]) {
  const months = [...new Set(columns.flatMap((c) => c.points.map((p) => p.month)))].sort()
  const labels = months.map(formatPeriod)
  return columns
    .filter((c) => c.quantitative && c.points.some((p) => chartValue(p) !== null))
    .map((c) => {
      const byMonth = new Map(c.points.map((p) => [p.month, p]))
      return { key: c.key, title: c.label, labels, values: months.map((m) => chartValue(byMonth.get(m))) }
    })
}

export function ThemeBlock({ id, label, columns, averages }: Props) {
  const charts = useMemo(() => chartsOf(columns), [columns])
  return (
    <div className={fr.cx('fr-mb-5w')}>
      <h3 id={id} className={fr.cx('fr-h5')}>
        {label}
      </h3>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        {charts.length > 0 && (
          <div className={fr.cx('fr-col-12', 'fr-col-lg-4')}>
            {charts.map((c) => (
              <MiniChart key={c.key} title={c.title} labels={c.labels} values={c.values} />
            ))}
          </div>
        )}
        <div className={fr.cx('fr-col-12', charts.length > 0 && 'fr-col-lg-8')}>
          <ThemeTable label={label} columns={columns} />
          {averages && <AveragesTable label={label} columns={columns} averages={averages} />}
        </div>
      </div>
    </div>
  )
}
