// Any path the app does not know.
import { fr } from '@codegouvfr/react-dsfr'
import { Link } from '../Link'
import { useDocumentTitle } from './useDocumentTitle'

export function NotFoundPage() {
  useDocumentTitle('Page introuvable')
  return (
    <>
      <h1>Page introuvable</h1>
      <p className={fr.cx('fr-text--lead')}>Cette adresse ne correspond à aucune page de Jalon.</p>
      <Link href="/" className={fr.cx('fr-link', 'fr-icon-arrow-left-line', 'fr-link--icon-left')}>
        Retour à la recherche d’établissements
      </Link>
    </>
  )
}
