// `/suivi`: the tracking grid that replaces the "Suivi Ségur ES" workbook: one row per site at a follow-up
// point, the columns by theme, filters and columns in the URL, the user's own fields typed in place.
import { fr } from '@codegouvfr/react-dsfr'
import { useCallback, useMemo } from 'react'
import type { GridRow } from '../../domain/contract/grid'
import { canEditField, canSeeColumn, type AccessUser } from '../../domain/access/permissions'
import { GRID_COLUMNS, type GridColumn } from '../../domain/grid/columns'
import { formatPeriod } from '../format'
import { useDocumentTitle } from '../layout/useDocumentTitle'
import { navigate } from '../router'
import { useSignedIn } from '../session/session'
import { ColumnChooser } from './ColumnChooser'
import { ExportLinks } from './ExportLinks'
import { FiltersPanel } from './FiltersPanel'
import { PeriodBar } from './PeriodBar'
import { SavedViews } from './SavedViews'
import { TrackingGrid } from './TrackingGrid'
import { readTrackingQuery, shownPeriod, trackingHref, type TrackingQuery } from './tracking-params'

export function TrackingPage({ searchParams }: { searchParams: URLSearchParams }) {
  useDocumentTitle('Suivi des établissements')
  const me = useSignedIn()
  const user: AccessUser | null = me ? me.user : null
  const parsed = readTrackingQuery(searchParams)
  const available = useMemo(() => (user ? GRID_COLUMNS.filter((c) => canSeeColumn(user, c.key)) : []), [user])
  // Columns the user may not read (a link from someone else) are left out rather than refused.
  const chosenKeys = parsed.columns?.filter((key) => available.some((c) => c.key === key))
  const chosenText = chosenKeys?.join(',') ?? ''
  const shown = useMemo<GridColumn[]>(() => {
    const keys = chosenText ? new Set(chosenText.split(',')) : null
    return available.filter((c) => (keys ? keys.has(c.key) : c.shownByDefault))
  }, [available, chosenText])
  const query: TrackingQuery = { ...parsed, columns: chosenKeys?.length ? chosenKeys : undefined }
  const canEdit = useCallback(
    // The server sends only rows within the user's scopes: a GHT scope covers the rows it sent.
    (row: GridRow, column: GridColumn) =>
      !!user &&
      canEditField(user, column.key, {
        finess: row.finessEg,
        finessEj: row.finessEj,
        region: row.region,
        departement: row.departement,
        ghts: user.scopes.filter((s) => s.kind === 'ght').map((s) => s.code),
      }),
    [user],
  )
  const go = (next: TrackingQuery) => navigate(trackingHref(next))
  const period = shownPeriod(query)
  return (
    <>
      <h1 className={fr.cx('fr-mb-1w')}>Suivi des établissements</h1>
      <p className={fr.cx('fr-text--lead', 'fr-mb-2w')}>Point de suivi : {formatPeriod(period)}</p>
      <PeriodBar query={query} />
      <SavedViews query={query} />
      <FiltersPanel
        // A new URL (back button, link) resets the panel to what it says.
        key={searchParams.toString()}
        query={query}
        columns={available}
        onSubmit={go}
      />
      <ExportLinks query={query} period={period} />
      <ColumnChooser
        key={`columns:${chosenText}`}
        available={available}
        shown={shown}
        onSubmit={(columns) => go({ ...query, columns })}
      />
      <TrackingGrid
        query={query}
        columns={shown}
        canEdit={canEdit}
        label={`Suivi des établissements, ${formatPeriod(period)}`}
      />
    </>
  )
}
