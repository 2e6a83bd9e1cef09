// `/tableau-de-bord`: the dashboard of a région or of the nation at a follow-up point (issue 7 §1), within
// the user's scopes: sites per status of each theme (each count opens the grid on those sites), the
// evolution of the national counts, seed 000's INSi and DMP tables and the funding programmes, each chart
// with its table and CSV.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { useQuery } from '@tanstack/react-query'
import { seesAllFrance } from '../../domain/access/permissions'
import { formatPeriod } from '../format'
import { useDocumentTitle } from '../layout/useDocumentTitle'
import { REGIONS } from '../regions'
import { navigate } from '../router'
import { useSignedIn } from '../session/session'
import { useFollowUpPeriod } from '../useFollowUpPeriod'
import { fetchDashboard } from './dashboard-api'
import { dashboardHref, readDashboardView } from './dashboard-params'
import { DashboardFilters } from './DashboardFilters'
import { EvolutionSection } from './EvolutionSection'
import { MonthlyReportLinks } from './MonthlyReportLinks'
import { ProgrammesSection } from './ProgrammesSection'
import { RankingsSection } from './RankingsSection'
import { StatusSection } from './StatusSection'

export function DashboardPage({ searchParams }: { searchParams: URLSearchParams }) {
  useDocumentTitle('Tableau de bord')
  const me = useSignedIn()
  const view = readDashboardView(searchParams)
  const period = useFollowUpPeriod(view.period)
  const dashboard = useQuery({
    queryKey: ['dashboard', period, view.filters],
    queryFn: ({ signal }) => fetchDashboard({ ...view, period: period as string }, signal),
    enabled: period !== null,
  })
  const nation = me ? seesAllFrance(me.user) : false
  const region = REGIONS.find((r) => r.code === view.filters.region)
  const place = region ? region.name : nation ? 'France entière' : 'Votre périmètre'
  return (
    <>
      <h1 className={fr.cx('fr-mb-1w')}>Tableau de bord</h1>
      {period && (
        <p className={fr.cx('fr-text--lead', 'fr-mb-2w')}>
          {place} — point de suivi : {formatPeriod(period)}
        </p>
      )}
      {period && me && <MonthlyReportLinks user={me.user} region={view.filters.region} period={period} />}
      {period && (
        <DashboardFilters
          key={searchParams.toString() + period}
          view={view}
          period={period}
          choosesRegion={nation}
          onSubmit={(next) => navigate(dashboardHref(next))}
        />
      )}
      {dashboard.error ? (
        <Alert
          severity="error"
          role="alert"
          title="Le tableau de bord n’a pas pu être chargé"
          description={dashboard.error.message}
        />
      ) : !dashboard.data ? (
        <p role="status">Chargement du tableau de bord…</p>
      ) : (
        <>
          <StatusSection data={dashboard.data} view={{ ...view, period: dashboard.data.period }} />
          <EvolutionSection data={dashboard.data} />
          <RankingsSection data={dashboard.data} />
          <ProgrammesSection view={view} period={dashboard.data.period} />
        </>
      )}
    </>
  )
}
