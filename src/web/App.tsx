// The page frame (DSFR header, main content, footer) and the choice of page from the URL.
import { fr } from '@codegouvfr/react-dsfr'
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks'
import { lazy, Suspense, useEffect, useRef } from 'react'
import { AppFooter } from './layout/AppFooter'
import { AppHeader } from './layout/AppHeader'
import { NotFoundPage } from './layout/NotFoundPage'
import { useLocation } from './router'
import { SearchPage } from './search/SearchPage'
import { SimulatorPage } from './simulator/SimulatorPage'
import { StructurePage } from './structure/StructurePage'

// Only the people who load files use the imports page: its code (upload form, reports) loads on demand.
const ImportsPage = lazy(() => import('./imports/ImportsPage').then((m) => ({ default: m.ImportsPage })))

export function App() {
  const { pathname, route, searchParams } = useLocation()
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
      <main id="contenu" ref={main} tabIndex={-1} className={fr.cx('fr-container', 'fr-py-4w')}>
        {route.page === 'search' && <SearchPage searchParams={searchParams} />}
        {route.page === 'structure' && <StructurePage key={route.finess} finess={route.finess} />}
        {route.page === 'simulator' && <SimulatorPage searchParams={searchParams} />}
        {route.page === 'imports' && (
          <Suspense fallback={<p role="status">Chargement de la page…</p>}>
            <ImportsPage searchParams={searchParams} />
          </Suspense>
        )}
        {route.page === 'not-found' && <NotFoundPage />}
      </main>
      <AppFooter />
    </>
  )
}
