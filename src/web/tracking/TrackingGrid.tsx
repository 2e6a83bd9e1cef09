// The tracking grid: AG Grid's infinite row model reads the view's rows from the API by blocks of 100 as
// the user scrolls (a national view of 100 000 sites never loads whole), sorted on the server by a click
// on a header (the sort goes to the URL); cells the user owns are typed in place. The nation's and the
// région's averages of the quantitative columns shown are pinned under the rows.
import { fr } from '@codegouvfr/react-dsfr'
import type { CellKeyDownEvent, IDatasource, SortChangedEvent } from 'ag-grid-community'
import { useQuery } from '@tanstack/react-query'
import { AgGridReact } from 'ag-grid-react'
import './tracking.css'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { GridPage, GridRow } from '../../domain/contract/grid'
import type { GridColumn, GridTheme } from '../../domain/grid/columns'
import { Feedback } from '../Feedback'
import { formatCount } from '../format'
import { navigate, structureHref } from '../router'
import { averageRows, isAverageRow } from './average-rows'
import { buildColumnDefs, NAME_COLUMN } from './grid-columns'
import { GRID_LOCALE, GRID_THEME } from './grid-setup'
import { fetchGridAverages, fetchGridBlock } from './tracking-api'
import { shownPeriod, trackingHref, trackingParams, type TrackingQuery } from './tracking-params'
import { useCellSave } from './useCellSave'

const BLOCK = 100
const HELP_ID = 'suivi-grille-aide'

interface Props {
  query: TrackingQuery
  columns: readonly GridColumn[]
  canEdit: (row: GridRow, column: GridColumn) => boolean
  label: string
}

type ThemeMonths = ReadonlyMap<GridTheme, string | null>

/** The région filter, when it is a région's code (the API would refuse anything else). */
const regionCode = (query: TrackingQuery) => {
  const region = query.place.region
  return region && /^\d{2,3}$/.test(region) ? region : undefined
}

function sameMonths(known: ThemeMonths | null, themes: GridPage['themes']): boolean {
  return !!known && themes.every((t) => known.get(t.theme) === t.month)
}

export function TrackingGrid({ query, columns, canEdit, label }: Props) {
  const period = shownPeriod(query)
  const [themeMonths, setThemeMonths] = useState<ThemeMonths | null>(null)
  const [total, setTotal] = useState<number | null>(null)
  const [loadError, setLoadError] = useState<Error | null>(null)
  const { outcome, onCellValueChanged } = useCellSave(period)
  const latest = useRef(query)
  latest.current = query
  const container = useRef<HTMLDivElement>(null)

  // Averages are over the nation and the région, whatever the other filters: only these change them.
  const averaged = columns.filter((c) => c.quantitative && c.entry !== 'manual').map((c) => c.key)
  const region = regionCode(query)
  const averages = useQuery({
    queryKey: ['grid-averages', period, region ?? '', averaged.join(',')],
    queryFn: ({ signal }) => fetchGridAverages({ period, region, columns: averaged }, signal),
    enabled: averaged.length > 0,
  })
  const pinned = useMemo(
    () => (averaged.length ? averageRows(averages.data) : []),
    [averages.data, averaged.length],
  )

  // The rows depend on everything but the sort, which the grid passes to each block request itself.
  const rowsKey = trackingParams({ ...query, period, sort: undefined, order: undefined }).toString()
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        const sorted = params.sortModel[0]
        const view = { ...latest.current, sort: sorted?.colId, order: sorted?.sort }
        fetchGridBlock(view, { offset: params.startRow, limit: params.endRow - params.startRow })
          .then((page) => {
            setLoadError(null)
            setTotal(page.total)
            setThemeMonths((known) =>
              sameMonths(known, page.themes) ? known : new Map(page.themes.map((t) => [t.theme, t.month])),
            )
            params.successCallback(page.rows, page.total)
          })
          .catch((error: unknown) => {
            params.failCallback()
            setLoadError(error instanceof Error ? error : new Error(String(error)))
          })
      },
    }),
    // rowsKey stands for the query's row filters: a new one, and the grid reloads from the first block.
    [rowsKey],
  )

  const columnDefs = useMemo(
    () => buildColumnDefs({ columns, themeMonths, period, sort: query.sort, order: query.order, canEdit }),
    [columns, themeMonths, period, query.sort, query.order, canEdit],
  )

  const onSortChanged = useCallback((event: SortChangedEvent<GridRow>) => {
    const state = event.api.getColumnState().find((c) => c.sort)
    const current = latest.current
    const sort = state?.colId
    const order = state?.sort ?? undefined
    if (sort === current.sort && (order ?? 'asc') === (current.order ?? 'asc')) return
    navigate(trackingHref({ ...current, sort, order }), { replace: true })
  }, [])

  const onCellKeyDown = useCallback((event: CellKeyDownEvent<GridRow>) => {
    const key = (event.event as KeyboardEvent | null)?.key
    if (key === 'Enter' && event.column.getColId() === NAME_COLUMN && event.data && !isAverageRow(event.data))
      navigate(structureHref(event.data.finessEg))
  }, [])

  // AG Grid draws the element with the grid role itself: it is named here, once it exists.
  const nameGrid = useCallback(() => {
    const grid = container.current?.querySelector('[role="grid"], [role="treegrid"]')
    grid?.setAttribute('aria-label', label)
    grid?.setAttribute('aria-describedby', HELP_ID)
  }, [label])

  return (
    <section aria-label="Grille de suivi">
      <p role="status" className={fr.cx('fr-mb-1w', 'fr-text--bold')}>
        {total === null ? 'Chargement des établissements…' : formatCount(total, 'établissement')}
      </p>
      <p id={HELP_ID} className={fr.cx('fr-hint-text', 'fr-mb-1w')}>
        Flèches pour se déplacer, Entrée sur un titre de colonne pour trier, Entrée sur une cellule modifiable
        pour la saisir, Entrée sur la raison sociale pour ouvrir la fiche. Sous la grille, des lignes figées
        donnent la moyenne nationale de chaque colonne chiffrée et, quand une région est choisie ou est la
        vôtre, la moyenne régionale.
      </p>
      <Feedback success={outcome.success} error={outcome.error ?? loadError ?? averages.error} />
      <div ref={container} className="jalon-grid" style={{ height: '70vh', minHeight: 420 }}>
        <AgGridReact<GridRow>
          theme={GRID_THEME}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={BLOCK}
          maxBlocksInCache={50}
          blockLoadDebounceMillis={80}
          infiniteInitialRowCount={BLOCK}
          getRowId={(p) => (isAverageRow(p.data) ? p.data.average.id : p.data.finessEg)}
          pinnedBottomRowData={pinned}
          rowClassRules={{ 'jalon-average-row': (p) => isAverageRow(p.data) }}
          columnDefs={columnDefs}
          defaultColDef={{
            resizable: true,
            sortable: false,
            sortingOrder: ['asc', 'desc'],
            suppressHeaderMenuButton: true,
            cellDataType: false,
          }}
          suppressMultiSort
          groupHeaderHeight={56}
          // Every column of a row in the page, in order: screen readers and in-page search find them all.
          suppressColumnVirtualisation
          ensureDomOrder
          stopEditingWhenCellsLoseFocus
          localeText={GRID_LOCALE}
          onGridReady={nameGrid}
          onFirstDataRendered={nameGrid}
          onSortChanged={onSortChanged}
          onCellKeyDown={onCellKeyDown}
          onCellValueChanged={onCellValueChanged}
        />
      </div>
    </section>
  )
}
