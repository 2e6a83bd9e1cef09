// The DSFR header: Marianne block, service title and tagline, links to the search, the simulator and the
// imports.
import { Header } from '@codegouvfr/react-dsfr/Header'
import { useLocation } from '../router'

export const BRAND_TOP = (
  <>
    République
    <br />
    Française
  </>
)

export const HOME_LINK = { href: '/', title: 'Accueil – Jalon' }

export function AppHeader() {
  const { route } = useLocation()
  return (
    <Header
      brandTop={BRAND_TOP}
      serviceTitle="Jalon"
      serviceTagline="Suivi du numérique en santé"
      homeLinkProps={HOME_LINK}
      navigation={[
        {
          text: 'Établissements',
          linkProps: { href: '/' },
          isActive: route.page === 'search' || route.page === 'structure',
        },
        {
          text: 'Simulateur',
          linkProps: { href: '/simulateur' },
          isActive: route.page === 'simulator',
        },
        {
          text: 'Imports',
          linkProps: { href: '/imports' },
          isActive: route.page === 'imports',
        },
      ]}
    />
  )
}
