// The evolution over the last follow-up points: INSi calls, DMP documents by type, MSSanté messages (each
// value once at the level it was reported at), Ségur orders and VA signed (sites, as the grid counts them).
import { fr } from '@codegouvfr/react-dsfr'
import type { Dashboard, EvolutionChart } from '../../domain/contract/dashboard'
import { formatPeriod } from '../format'
import { ChartBlock } from './ChartBlock'
import { formatNumber, toNumber } from './dashboard-format'

interface MonthRow {
  month: string
  index: number
}

function EvolutionBlock({
  chart,
  months,
  period,
}: {
  chart: EvolutionChart
  months: string[]
  period: string
}) {
  const rows: MonthRow[] = months.map((month, index) => ({ month, index }))
  return (
    <ChartBlock
      title={chart.title}
      note={`En ${chart.unit}, par mois`}
      chart={{
        kind: 'line',
        labels: months.map(formatPeriod),
        series: chart.series.map((s) => ({ name: s.label, values: s.values.map(toNumber) })),
      }}
      columns={[
        { key: 'month', header: 'Mois', cell: (r) => formatPeriod(r.month) },
        ...chart.series.map((s) => ({
          key: s.key,
          header: s.label,
          cell: (r: MonthRow) => formatNumber(s.values[r.index] ?? null),
        })),
      ]}
      rows={rows}
      rowKey={(r) => r.month}
      csv={{
        header: ['Mois', ...chart.series.map((s) => s.label)],
        rows: rows.map((r) => [
          formatPeriod(r.month),
          ...chart.series.map((s) => toNumber(s.values[r.index] ?? null)),
        ]),
      }}
      fileLabel={`tableau-de-bord-${period}`}
    />
  )
}

export function EvolutionSection({ data }: { data: Dashboard }) {
  const { months, charts } = data.evolution
  return (
    <section aria-labelledby="evolution" className={fr.cx('fr-mb-6w')}>
      <h2 id="evolution">Évolution</h2>
      <p>
        De {formatPeriod(months[0] ?? data.period)} à {formatPeriod(data.period)}. Les nombres d’une entité
        juridique comptent une fois, pas une fois par site.
      </p>
      {charts.map((chart) => (
        <EvolutionBlock key={chart.id} chart={chart} months={months} period={data.period} />
      ))}
    </section>
  )
}
