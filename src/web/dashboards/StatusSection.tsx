// Sites per status of each status column, theme by theme: a bar chart and its table, each count a link to
// the tracking grid filtered on that status (the same sites, by construction of the API).
import { fr } from '@codegouvfr/react-dsfr'
import type { Dashboard, StatusColumn } from '../../domain/contract/dashboard'
import { GRID_THEME_INFO } from '../../domain/grid/columns'
import { formatPeriod } from '../format'
import { ChartBlock } from './ChartBlock'
import type { DashboardView } from './dashboard-params'
import { GridCountLink } from './GridCountLink'
import { formatNumber, formatShare } from './dashboard-format'

interface Line {
  code: string | null
  label: string
  count: number
  share: number
}

const EMPTY_LABEL = 'Sans donnée'

function linesOf(column: StatusColumn): Line[] {
  return [
    ...column.statuses,
    ...(column.other.count > 0 ? [{ code: null, label: 'Autre valeur', ...column.other }] : []),
    { code: '', label: EMPTY_LABEL, ...column.empty },
  ]
}

function StatusBlock({
  column,
  view,
  period,
}: {
  column: StatusColumn
  view: DashboardView
  period: string
}) {
  const lines = linesOf(column)
  const countCell = (line: Line) =>
    // "Autre valeur" gathers several values: no single grid filter shows them.
    line.code === null ? (
      formatNumber(line.count)
    ) : (
      <GridCountLink
        count={line.count}
        view={view}
        period={period}
        column={column.key}
        op={line.code === '' ? 'empty' : 'eq'}
        value={line.code}
        what={`${column.label}, ${line.label}`}
      />
    )
  return (
    <ChartBlock
      title={column.label}
      note={column.month ? `Données de ${formatPeriod(column.month)}` : 'Aucune donnée à ce point de suivi'}
      chart={{
        kind: 'bar',
        labels: lines.map((l) => l.label),
        series: [{ name: 'Établissements', values: lines.map((l) => l.count) }],
      }}
      columns={[
        { key: 'status', header: 'Statut', cell: (l) => l.label, wide: true },
        { key: 'count', header: 'Établissements', cell: countCell },
        { key: 'share', header: 'Part', cell: (l) => formatShare(l.share) },
      ]}
      rows={lines}
      rowKey={(l) => l.label}
      csv={{
        header: ['Statut', 'Établissements', 'Part (%)'],
        rows: lines.map((l) => [l.label, l.count, l.share]),
      }}
      fileLabel={`tableau-de-bord-${period}`}
      level={4}
    />
  )
}

export function StatusSection({ data, view }: { data: Dashboard; view: DashboardView }) {
  const themes = [...new Set(data.statusColumns.map((c) => c.theme))]
  return (
    <section aria-labelledby="statuts" className={fr.cx('fr-mb-6w')}>
      <h2 id="statuts">Établissements par statut</h2>
      <p>
        Sur {formatNumber(data.sites)} établissements ouverts. Chaque nombre ouvre la grille de suivi filtrée
        sur ces établissements.
      </p>
      {themes.map((theme) => (
        <div key={theme}>
          <h3 className={fr.cx('fr-h4')}>{GRID_THEME_INFO[theme].label}</h3>
          {data.statusColumns
            .filter((c) => c.theme === theme)
            .map((column) => (
              <StatusBlock key={column.key} column={column} view={view} period={data.period} />
            ))}
        </div>
      ))}
    </section>
  )
}
