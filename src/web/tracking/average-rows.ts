// The rows pinned under the grid: the nation's average (or rate) of each quantitative column shown, and the
// région's (the filter's, or the user's only région). They are shaped as grid rows so that the same columns
// lay them out, name no site (empty identity), and the cells tell them apart with `isAverageRow`.
import type { GridAverages, GridCell, GridRow } from '../../domain/contract/grid'
import { REGIONS } from '../regions'

export interface AverageRow extends GridRow {
  average: {
    /** The row's id in the grid: `moyenne-nationale`, `moyenne-region`. */
    id: string
    /** "Moyenne nationale", "Moyenne Bretagne". */
    label: string
    /** How many structures reported each column's value. */
    structures: Readonly<Record<string, number>>
  }
}

export function isAverageRow(row: GridRow | undefined): row is AverageRow {
  return !!row && 'average' in row
}

export function regionName(code: string): string {
  return REGIONS.find((r) => r.code === code)?.name ?? `région ${code}`
}

function averageRow(
  id: string,
  label: string,
  averages: GridAverages,
  of: (column: GridAverages['columns'][number]) => { value: string | null; structures: number } | null,
): AverageRow {
  const values: Record<string, GridCell> = {}
  const structures: Record<string, number> = {}
  for (const column of averages.columns) {
    const average = of(column)
    if (!average) continue
    values[column.key] = {
      value: average.value,
      numerator: null,
      denominator: null,
      level: 'EG',
      month: column.month ?? averages.period,
    }
    structures[column.key] = average.structures
  }
  return {
    finessEg: '',
    finessEj: '',
    finessPmsi: null,
    name: label,
    departement: null,
    region: null,
    categoryCode: null,
    categoryLabel: null,
    // GridRow asks for a sector; no cell of the grid reads it.
    sector: 'autre',
    closed: false,
    values,
    average: { id, label, structures },
  }
}

/** None when no quantitative column is shown; the région's row only when there is a région. */
export function averageRows(averages: GridAverages | undefined): AverageRow[] {
  if (!averages?.columns.length) return []
  const rows = [averageRow('moyenne-nationale', 'Moyenne nationale', averages, (c) => c.nation)]
  if (averages.region !== null)
    rows.push(
      averageRow('moyenne-region', `Moyenne ${regionName(averages.region)}`, averages, (c) => c.region),
    )
  return rows
}
