// `/connexion?retour=…&erreur=…`: sign in with an OpenID Connect provider or a local account, then back to
// the page asked for. `erreur` is the message an OpenID Connect failure comes back with.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { useQueryClient } from '@tanstack/react-query'
import type { Me } from '../../domain/contract/access'
import { useDocumentTitle } from '../layout/useDocumentTitle'
import { Link } from '../Link'
import { navigate } from '../router'
import { safeReturnPath } from './return-path'
import { setSession, useMe } from './session'
import { SignInForm } from './SignInForm'
import { SignInProviders } from './SignInProviders'

export function SignInPage({ searchParams }: { searchParams: URLSearchParams }) {
  useDocumentTitle('Connexion')
  const queryClient = useQueryClient()
  const me = useMe().data
  const returnTo = safeReturnPath(searchParams.get('retour'))
  const providerError = searchParams.get('erreur')?.trim()
  const signedIn = (me: Me) => {
    setSession(queryClient, me)
    navigate(returnTo, { replace: true })
  }
  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--center')}>
      <div className={fr.cx('fr-col-12', 'fr-col-md-8', 'fr-col-lg-6')}>
        <h1>Connexion à Jalon</h1>
        {returnTo !== '/' && (
          <p className={fr.cx('fr-text--lead')}>Connectez-vous pour afficher la page demandée.</p>
        )}
        {providerError && (
          <Alert
            severity="error"
            role="alert"
            className={fr.cx('fr-mb-4w')}
            title="La connexion n’a pas abouti"
            // Text from the URL: React writes it as text, never as markup.
            description={providerError}
          />
        )}
        {me ? (
          // Signed in already (another tab): nothing to do here but to go on.
          <Alert
            severity="info"
            className={fr.cx('fr-mb-4w')}
            title={`Vous êtes connecté : ${me.user.displayName}`}
            description={<Link href={returnTo}>Continuer vers Jalon</Link>}
          />
        ) : (
          <>
            <SignInProviders returnTo={returnTo} />
            <SignInForm onSignedIn={signedIn} />
          </>
        )}
        <p className={fr.cx('fr-mt-4w', 'fr-text--sm')}>
          Pas encore de compte ? Demandez-le à l’administrateur national de Jalon de votre organisation.
        </p>
      </div>
    </div>
  )
}
