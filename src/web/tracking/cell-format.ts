// How a grid cell reads: a status by its label, oui / non, numbers in French with their unit, rates with
// "%", amounts in euros. Values arrive as exact decimal text; they are only formatted here, never added.
import type { GridCell } from '../../domain/contract/grid'
import type { GridColumn } from '../../domain/grid/columns'
import { NOT_GIVEN } from '../format'

const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 })
const RATE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 })

const BOOLEANS: Readonly<Record<string, string>> = { oui: 'Oui', non: 'Non', true: 'Oui', false: 'Non' }

type Column = Pick<GridColumn, 'kind' | 'unit' | 'statuses'>

/** A stored value (status code, decimal text, free text) as the grid shows it. */
export function formatValue(column: Column, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return NOT_GIVEN
  switch (column.kind) {
    case 'status':
      return column.statuses?.find((s) => s.code === value)?.label ?? value
    case 'boolean':
      return BOOLEANS[value] ?? value
    case 'count':
    case 'amount':
    case 'rate': {
      const number = Number(value)
      if (!Number.isFinite(number)) return value
      const text = (column.kind === 'rate' ? RATE : NUMBER).format(number)
      return column.unit ? `${text}\u00a0${column.unit}` : text
    }
    default:
      return value
  }
}

export function formatCell(column: Column, cell: GridCell | undefined): string {
  return formatValue(column, cell?.value)
}

/** "(12 / 40)" for a rate that keeps its numerator and denominator; '' otherwise. */
export function rateParts(cell: GridCell | undefined): string {
  if (!cell?.numerator || !cell.denominator) return ''
  return `${NUMBER.format(Number(cell.numerator))} / ${NUMBER.format(Number(cell.denominator))}`
}
