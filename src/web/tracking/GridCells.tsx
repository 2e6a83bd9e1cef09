// What the grid's cells show: a value in French with its unit, marked when it belongs to the legal entity
// (the same on each of its sites) and, in comparison mode, when it changed since the previous point (with
// the value before, read out as text); the name as a link to the establishment's page; a code with its label.
// In the rows of averages pinned under the grid, each value says whose average it is and over how many
// structures, so that a cell read alone still makes sense.
import { fr } from '@codegouvfr/react-dsfr'
import type { ICellRendererParams } from 'ag-grid-community'
import type { GridRow } from '../../domain/contract/grid'
import type { GridColumn } from '../../domain/grid/columns'
import { formatCount, formatPeriod } from '../format'
import { Link } from '../Link'
import { structureHref } from '../router'
import { isAverageRow, type AverageRow } from './average-rows'
import { formatCell, rateParts } from './cell-format'

const LEVEL_HINTS: Readonly<Record<string, string>> = {
  EJ: 'Valeur de l’entité juridique, répétée sur chacun de ses sites',
  PMSI: 'Valeur du FINESS PMSI, répétée sur chacun de ses sites',
}

type CellProps = ICellRendererParams<GridRow> & { gridColumn: GridColumn; period: string }

/** Empty for a column without an average (statuses, texts, typed fields). */
function AverageCell({
  row,
  gridColumn,
  period,
}: {
  row: AverageRow
  gridColumn: GridColumn
  period: string
}) {
  const cell = row.values[gridColumn.key]
  if (!cell) return null
  const structures = row.average.structures[gridColumn.key] ?? 0
  const over = structures ? `sur ${formatCount(structures, 'structure')}` : 'aucune structure déclarante'
  const about = `${row.average.label}, ${over}`
  const month = cell.month !== period ? `données de ${formatPeriod(cell.month)}` : ''
  return (
    <span className="jalon-cell jalon-average" title={[about, month].filter(Boolean).join(' ; ')}>
      <span className="jalon-average-value">{formatCell(gridColumn, cell)}</span>
      <span className={fr.cx('fr-sr-only')}> ({about})</span>
    </span>
  )
}

export function ValueCell({ data, gridColumn, period }: CellProps) {
  if (!data) return null
  if (isAverageRow(data)) return <AverageCell row={data} gridColumn={gridColumn} period={period} />
  const key = gridColumn.key
  const cell = data.values[key]
  const changed = data.changed?.includes(key) ?? false
  const before = changed ? formatCell(gridColumn, data.previous?.[key]) : null
  const level = cell && cell.level !== 'EG' ? cell.level : null
  const title = [
    rateParts(cell),
    level ? LEVEL_HINTS[level] : '',
    cell && cell.month !== period ? `Valeur de ${formatPeriod(cell.month)}` : '',
    before !== null ? `avant : ${before}` : '',
  ]
    .filter(Boolean)
    .join(' ; ')
  return (
    <span className="jalon-cell" title={title || undefined}>
      {formatCell(gridColumn, cell)}
      {level && (
        <abbr className="jalon-level" title={LEVEL_HINTS[level]}>
          {level}
        </abbr>
      )}
      {before !== null && <span className={fr.cx('fr-sr-only')}> (modifié, avant : {before})</span>}
    </span>
  )
}

export function NameCell({ data }: ICellRendererParams<GridRow>) {
  if (!data) return null
  if (isAverageRow(data)) return <span className="jalon-average-label">{data.average.label}</span>
  // The grid moves the focus from cell to cell: Entrée on this cell opens the page (see TrackingGrid).
  return (
    <>
      <Link href={structureHref(data.finessEg)} tabIndex={-1}>
        {data.name}
      </Link>
      {data.closed && <span className="jalon-closed"> (fermé)</span>}
    </>
  )
}

export function CategoryCell({ data }: ICellRendererParams<GridRow>) {
  if (!data?.categoryCode) return null
  return (
    <span title={data.categoryLabel ?? undefined}>
      {data.categoryCode}
      {data.categoryLabel && <span className={fr.cx('fr-sr-only')}> – {data.categoryLabel}</span>}
    </span>
  )
}
