// The page frame (DSFR header, main content, footer) and the choice of page from the URL. Every page but
// the sign-in page and the simulator (whose API is public) needs a signed-in user: signed out, the app
// goes to the sign-in page, which comes back here afterwards.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks'
import { lazy, Suspense, useEffect, useRef } from 'react'
import { AppFooter } from './layout/AppFooter'
import { AppHeader } from './layout/AppHeader'
import { NotFoundPage } from './layout/NotFoundPage'
import { currentPath, navigate, useLocation, type Route } from './router'
import { SearchPage } from './search/SearchPage'
import { signInHref } from './session/return-path'
import { useMe } from './session/session'
import { SignInPage } from './session/SignInPage'
import { SimulatorPage } from './simulator/SimulatorPage'
import { StructurePage } from './structure/StructurePage'

// Only some people use these pages: their code (upload form, reports, account forms) loads on demand.
const ImportsPage = lazy(() => import('./imports/ImportsPage').then((m) => ({ default: m.ImportsPage })))
const UsersPage = lazy(() => import('./users/UsersPage').then((m) => ({ default: m.UsersPage })))
const JournalPage = lazy(() => import('./journal/JournalPage').then((m) => ({ default: m.JournalPage })))
const ActionsPage = lazy(() => import('./actions/ActionsPage').then((m) => ({ default: m.ActionsPage })))
// The tracking grid brings AG Grid: loaded only when the page is opened.
const TrackingPage = lazy(() => import('./tracking/TrackingPage').then((m) => ({ default: m.TrackingPage })))
const DashboardPage = lazy(() =>
  import('./dashboards/DashboardPage').then((m) => ({ default: m.DashboardPage })),
)
// The map brings ECharts and the shapes of France: loaded only when the page is opened.
const MapPage = lazy(() => import('./map/MapPage').then((m) => ({ default: m.MapPage })))
const PrioritiesPage = lazy(() =>
  import('./priorities/PrioritiesPage').then((m) => ({ default: m.PrioritiesPage })),
)

const PUBLIC_PAGES: ReadonlySet<Route['page']> = new Set(['sign-in', 'simulator'])

function Loading({ text }: { text: string }) {
  return <p role="status">{text}</p>
}

function PrivatePage({ route, searchParams }: { route: Route; searchParams: URLSearchParams }) {
  return (
    <Suspense fallback={<Loading text="Chargement de la page…" />}>
      {route.page === 'search' && <SearchPage searchParams={searchParams} />}
      {route.page === 'structure' && <StructurePage key={route.finess} finess={route.finess} />}
      {route.page === 'imports' && <ImportsPage searchParams={searchParams} />}
      {route.page === 'users' && <UsersPage />}
      {route.page === 'journal' && <JournalPage searchParams={searchParams} />}
      {route.page === 'actions' && <ActionsPage searchParams={searchParams} />}
      {route.page === 'tracking' && <TrackingPage searchParams={searchParams} />}
      {route.page === 'dashboard' && <DashboardPage searchParams={searchParams} />}
      {route.page === 'map' && <MapPage searchParams={searchParams} />}
      {route.page === 'priorities' && <PrioritiesPage searchParams={searchParams} />}
      {route.page === 'not-found' && <NotFoundPage />}
    </Suspense>
  )
}

export function App() {
  const { pathname, route, searchParams } = useLocation()
  const me = useMe()
  const isPublic = PUBLIC_PAGES.has(route.page)
  const signedOut = me.data === null
  const signedIn = !!me.data
  useEffect(() => {
    if (signedOut && !isPublic) navigate(signInHref(currentPath()), { replace: true })
  }, [signedOut, isPublic])

  const main = useRef<HTMLElement>(null)
  const shownPath = useRef(pathname)
  useEffect(() => {
    // On a new page (not a new filter or sort), focus its content so that a screen reader reads it.
    if (shownPath.current === pathname) return
    shownPath.current = pathname
    main.current?.focus()
  }, [pathname])
  return (
    <>
      <SkipLinks links={[{ label: 'Contenu', anchor: '#contenu' }]} />
      <AppHeader />
      <main
        id="contenu"
        ref={main}
        tabIndex={-1}
        // The tracking grid uses the whole width of the screen, like the workbook it replaces.
        className={
          route.page === 'tracking'
            ? fr.cx('fr-container--fluid', 'fr-px-2w', 'fr-py-4w')
            : fr.cx('fr-container', 'fr-py-4w')
        }
      >
        {route.page === 'sign-in' && <SignInPage searchParams={searchParams} />}
        {route.page === 'simulator' && <SimulatorPage searchParams={searchParams} />}
        {!isPublic &&
          (me.error ? (
            <Alert
              severity="error"
              role="alert"
              title="Jalon ne peut pas vérifier votre connexion"
              description={me.error.message}
            />
          ) : signedIn ? (
            <PrivatePage route={route} searchParams={searchParams} />
          ) : (
            <Loading text="Vérification de la connexion…" />
          ))}
      </main>
      <AppFooter />
    </>
  )
}
