// A value typed in the grid is saved at once for the point shown (PUT of the field). Saved, the row shows
// the value the server kept; refused (not the field's owner, invalid value), the cell gets its old value
// back and the server's reason is announced.
import type { CellValueChangedEvent } from 'ag-grid-community'
import { useState } from 'react'
import type { FieldValue } from '../../domain/contract/access'
import type { GridRow } from '../../domain/contract/grid'
import { findGridColumn, type GridColumn } from '../../domain/grid/columns'
import { saveField } from '../structure/fields-api'
import { formatValue } from './cell-format'

/** The source of the change that puts a refused value back: not a new edit to save. */
const REVERT = 'jalon-revert'

export interface SaveOutcome {
  success: string | null
  error: Error | null
}

/** The row as the server now holds it: the saved value, and whether it differs from the previous point. */
function withSaved(row: GridRow, column: GridColumn, saved: FieldValue, period: string): GridRow {
  const values = Object.fromEntries(Object.entries(row.values).filter(([key]) => key !== column.key))
  if (saved.value !== null)
    values[column.key] = {
      value: saved.value,
      numerator: null,
      denominator: null,
      level: 'EG',
      month: saved.valuePeriod ?? period,
    }
  if (!row.changed) return { ...row, values }
  const before = row.previous?.[column.key]?.value ?? null
  const others = row.changed.filter((key) => key !== column.key)
  return { ...row, values, changed: before === saved.value ? others : [...others, column.key] }
}

export function useCellSave(period: string) {
  const [outcome, setOutcome] = useState<SaveOutcome>({ success: null, error: null })
  const onCellValueChanged = (event: CellValueChangedEvent<GridRow>) => {
    const column = findGridColumn(event.colDef.colId ?? '')
    const row = event.data
    if (event.source === REVERT || !column || !row) return
    const oldValue = (event.oldValue as string | null | undefined) ?? ''
    const newValue = (event.newValue as string | null | undefined) ?? ''
    if (oldValue === newValue) return
    const what = `${column.label} de ${row.name}`
    saveField(row.finessEg, column.key, { period, value: newValue === '' ? null : newValue })
      .then((saved) => {
        event.node.setData(withSaved(row, column, saved, period))
        setOutcome({ success: `${what} enregistré : ${formatValue(column, saved.value)}.`, error: null })
      })
      .catch((error: unknown) => {
        event.node.setDataValue(column.key, oldValue, REVERT)
        const reason = error instanceof Error ? error.message : String(error)
        setOutcome({ success: null, error: new Error(`${what} non enregistré : ${reason}`) })
      })
  }
  return { outcome, onCellValueChanged }
}
