// The OpenID Connect buttons (ProConnect for agents, Pro Santé Connect for health professionals), as the
// server lists them. Plain links: the browser leaves the app for the provider and comes back signed in.
import { fr } from '@codegouvfr/react-dsfr'
import { ProConnectButton } from '@codegouvfr/react-dsfr/ProConnectButton'
import { useQuery } from '@tanstack/react-query'
import { fetchProviders, oidcHref } from './session-api'

export function SignInProviders({ returnTo }: { returnTo: string }) {
  const providers = useQuery({
    queryKey: ['auth-providers'],
    queryFn: ({ signal }) => fetchProviders(signal),
    staleTime: Infinity,
  })
  // Without providers (or when the list fails), the local form alone is offered: nothing to say.
  if (!providers.data?.length) return null
  return (
    <section aria-labelledby="connexion-fournisseurs" className={fr.cx('fr-mb-4w')}>
      <h2 id="connexion-fournisseurs" className={fr.cx('fr-h5')}>
        Avec votre identité professionnelle
      </h2>
      <ul className={fr.cx('fr-raw-list')}>
        {providers.data.map((provider) => (
          <li key={provider.id} className={fr.cx('fr-mb-2w')}>
            {/proconnect/i.test(provider.id) ? (
              <ProConnectButton url={oidcHref(provider.id, returnTo)} />
            ) : (
              <a className={fr.cx('fr-btn', 'fr-btn--secondary')} href={oidcHref(provider.id, returnTo)}>
                Se connecter avec {provider.label}
              </a>
            )}
          </li>
        ))}
      </ul>
      <p className={fr.cx('fr-hr-or', 'fr-mt-2w')}>ou</p>
    </section>
  )
}
