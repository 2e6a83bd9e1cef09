// `/carte`: a choropleth of départements (or régions) for one indicator of the tracking grid at a follow-up
// point (issue 7 §2), within the user's scopes, with its legend, its table and CSV, overseas départements in
// insets; each area opens the grid filtered on it.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { useQuery } from '@tanstack/react-query'
import { canSeeColumn, seesAllFrance } from '../../domain/access/permissions'
import { isMappable } from '../../domain/contract/map'
import { findGridColumn, GRID_COLUMNS } from '../../domain/grid/columns'
import { formatPeriod } from '../format'
import { useDocumentTitle } from '../layout/useDocumentTitle'
import { REGIONS } from '../regions'
import { navigate } from '../router'
import { useSignedIn } from '../session/session'
import { useFollowUpPeriod } from '../useFollowUpPeriod'
import { fetchMap } from './map-api'
import { mapHref, readMapView } from './map-params'
import { MapFilters } from './MapFilters'
import { MapResult } from './MapResult'

export function MapPage({ searchParams }: { searchParams: URLSearchParams }) {
  useDocumentTitle('Carte')
  const me = useSignedIn()
  const view = readMapView(searchParams)
  const period = useFollowUpPeriod(view.period)
  const map = useQuery({
    queryKey: ['map', period, view.indicator, view.status, view.level, view.filters],
    queryFn: ({ signal }) => fetchMap({ ...view, period: period as string }, signal),
    enabled: period !== null,
  })
  const user = me?.user
  const columns = user ? GRID_COLUMNS.filter((c) => isMappable(c) && canSeeColumn(user, c.key)) : []
  const defaultColumns = user
    ? GRID_COLUMNS.filter((c) => c.shownByDefault && canSeeColumn(user, c.key)).map((c) => c.key)
    : []
  const nation = user ? seesAllFrance(user) : false
  const region = REGIONS.find((r) => r.code === view.filters.region)
  const place = region ? region.name : nation ? 'France entière' : 'Votre périmètre'
  const column = map.data ? findGridColumn(map.data.indicator) : undefined
  return (
    <>
      <h1 className={fr.cx('fr-mb-1w')}>Carte</h1>
      {period && (
        <p className={fr.cx('fr-text--lead', 'fr-mb-2w')}>
          {place} — point de suivi : {formatPeriod(period)}
        </p>
      )}
      {period && (
        <MapFilters
          key={searchParams.toString() + period}
          view={view}
          period={period}
          columns={columns}
          choosesRegion={nation}
          onSubmit={(next) => navigate(mapHref(next))}
        />
      )}
      {map.error ? (
        <Alert
          severity="error"
          role="alert"
          title="La carte n’a pas pu être chargée"
          description={map.error.message}
        />
      ) : !map.data || !column ? (
        <p role="status">Chargement de la carte…</p>
      ) : (
        <MapResult data={map.data} view={view} column={column} defaultColumns={defaultColumns} />
      )}
    </>
  )
}
