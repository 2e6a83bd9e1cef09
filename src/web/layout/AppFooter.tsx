// The DSFR footer.
import { Footer } from '@codegouvfr/react-dsfr/Footer'
import { BRAND_TOP, HOME_LINK } from './AppHeader'

export function AppFooter() {
  return (
    <Footer
      brandTop={BRAND_TOP}
      homeLinkProps={HOME_LINK}
      accessibility="non compliant"
      contentDescription="Jalon suit, établissement par établissement, le déploiement du numérique en santé et les financements qui y sont liés. Référentiel des établissements : FINESS."
      license={
        <>
          Sauf mention contraire, les données du répertoire FINESS sont publiées sous{' '}
          <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/" target="_blank" rel="noreferrer">
            Licence Ouverte 2.0
          </a>
          .
        </>
      }
    />
  )
}
