// The grid's columns for AG Grid: the site's identity pinned on the left, then one group per theme (its
// month and owners in the header), each column marked by its owner, sortable on the server, and editable
// where the user owns the field (a list for a status or oui / non, a text box for a comment).
import type { ColDef, ColGroupDef, ValueSetterParams } from 'ag-grid-community'
import type { GridRow } from '../../domain/contract/grid'
import {
  GRID_COLUMNS,
  GRID_THEME_INFO,
  GRID_THEMES,
  type GridColumn,
  type GridTheme,
} from '../../domain/grid/columns'
import { isAverageRow } from './average-rows'
import { columnMark, type ColumnMark } from './column-marks'
import { CategoryCell, NameCell, ValueCell } from './GridCells'
import { ColumnHeader, ThemeHeader, type ThemeHeaderParams } from './GridHeaders'
import { ChoiceEditor, type ChoiceEditorParams } from './ChoiceEditor'

export type GridColDef = ColDef<GridRow> | ColGroupDef<GridRow>

export interface ColumnSetup {
  /** The columns shown, in any order: they are laid out by theme, in the tracker's order. */
  columns: readonly GridColumn[]
  /** The month each theme's data comes from, once the first rows have arrived. */
  themeMonths: ReadonlyMap<GridTheme, string | null> | null
  period: string
  sort: string | undefined
  order: 'asc' | 'desc' | undefined
  canEdit: (row: GridRow, column: GridColumn) => boolean
}

export const NAME_COLUMN = 'name'

const BOOLEAN_CHOICES = [
  { code: 'oui', label: 'Oui' },
  { code: 'non', label: 'Non' },
]

function identityColumns(setup: ColumnSetup): ColGroupDef<GridRow> {
  const sortOf = (colId: string) => (setup.sort === colId ? (setup.order ?? 'asc') : null)
  const pinned = { pinned: 'left', lockPinned: true, suppressMovable: true } as const
  const finess = (colId: 'finessEg' | 'finessPmsi' | 'finessEj', headerName: string): ColDef<GridRow> => ({
    ...pinned,
    colId,
    headerName,
    valueGetter: (p) => p.data?.[colId] ?? '',
    sortable: colId !== 'finessPmsi',
    sort: sortOf(colId),
    width: 104,
  })
  return {
    groupId: 'site',
    headerName: 'Établissement',
    marryChildren: true,
    children: [
      finess('finessEg', 'FINESS EG'),
      finess('finessPmsi', 'FINESS PMSI'),
      finess('finessEj', 'FINESS EJ'),
      {
        ...pinned,
        colId: 'departement',
        headerName: 'Département',
        wrapHeaderText: true,
        autoHeaderHeight: true,
        valueGetter: (p) => p.data?.departement ?? '',
        sortable: true,
        sort: sortOf('departement'),
        width: 124,
      },
      {
        ...pinned,
        colId: 'categoryCode',
        headerName: 'Catégorie',
        valueGetter: (p) => p.data?.categoryCode ?? '',
        cellRenderer: CategoryCell,
        sortable: true,
        sort: sortOf('categoryCode'),
        width: 100,
      },
      {
        ...pinned,
        colId: NAME_COLUMN,
        headerName: 'Raison sociale',
        valueGetter: (p) => p.data?.name ?? '',
        cellRenderer: NameCell,
        sortable: true,
        sort: sortOf(NAME_COLUMN),
        width: 220,
      },
    ],
  }
}

const WIDTHS: Readonly<Record<GridColumn['kind'], number>> = {
  count: 140,
  amount: 150,
  rate: 120,
  status: 190,
  boolean: 120,
  text: 220,
}

function editorOf(column: GridColumn): Partial<ColDef<GridRow>> {
  const choices = column.statuses ?? (column.kind === 'boolean' ? BOOLEAN_CHOICES : null)
  if (choices) {
    const params: ChoiceEditorParams = { label: column.label, choices }
    return { cellEditor: ChoiceEditor, cellEditorParams: params }
  }
  return {
    cellEditor: 'agLargeTextCellEditor',
    cellEditorPopup: true,
    cellEditorParams: { maxLength: 4000, rows: 6, cols: 50 },
  }
}

function valueColumn(column: GridColumn, setup: ColumnSetup): ColDef<GridRow> {
  const mark = columnMark(column)
  const manual = column.entry === 'manual'
  return {
    colId: column.key,
    headerName: column.label,
    headerClass: `jalon-owner-${mark}`,
    headerComponentParams: { innerHeaderComponent: ColumnHeader, innerHeaderComponentParams: { mark } },
    wrapHeaderText: true,
    autoHeaderHeight: true,
    width: WIDTHS[column.kind],
    valueGetter: (p) => p.data?.values[column.key]?.value ?? '',
    valueSetter: (p: ValueSetterParams<GridRow>) => {
      const value = typeof p.newValue === 'string' && p.newValue !== '' ? p.newValue : null
      p.data.values = {
        ...p.data.values,
        [column.key]: { value, numerator: null, denominator: null, level: 'EG', month: setup.period },
      }
      return true
    },
    cellRenderer: ValueCell,
    cellRendererParams: { gridColumn: column, period: setup.period },
    cellClass: column.quantitative ? 'jalon-number' : undefined,
    cellClassRules: { 'jalon-changed': (p) => !!p.data?.changed?.includes(column.key) },
    sortable: true,
    sort: setup.sort === column.key ? (setup.order ?? 'asc') : null,
    editable: manual ? (p) => !!p.data && !isAverageRow(p.data) && setup.canEdit(p.data, column) : false,
    ...(manual ? editorOf(column) : {}),
  }
}

const ORDER = new Map(GRID_COLUMNS.map((c, i) => [c.key, i]))

export function buildColumnDefs(setup: ColumnSetup): GridColDef[] {
  const shown = [...setup.columns].sort((a, b) => (ORDER.get(a.key) ?? 0) - (ORDER.get(b.key) ?? 0))
  const groups: GridColDef[] = [identityColumns(setup)]
  for (const theme of GRID_THEMES) {
    const columns = shown.filter((c) => c.theme === theme)
    if (!columns.length) continue
    const month = setup.themeMonths ? (setup.themeMonths.get(theme) ?? null) : undefined
    const marks = [...new Set(columns.map(columnMark))] satisfies ColumnMark[]
    const params: ThemeHeaderParams = { month, marks }
    groups.push({
      // A new month makes a new header (AG Grid keeps a group's header while its id stays).
      groupId: `${theme}@${month ?? ''}`,
      headerName: GRID_THEME_INFO[theme].label,
      headerGroupComponentParams: {
        innerHeaderGroupComponent: ThemeHeader,
        innerHeaderGroupComponentParams: params,
      },
      children: columns.map((c) => valueColumn(c, setup)),
    })
  }
  return groups
}
