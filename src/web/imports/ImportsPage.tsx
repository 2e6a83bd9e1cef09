// `/imports`: upload a national source's monthly file (simulation first, then for good) and follow its
// progress and report; below, the history of imports, filtered from the URL. Only national accounts
// import; the others read the history.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { useQuery } from '@tanstack/react-query'
import { useDocumentTitle } from '../layout/useDocumentTitle'
import { useSignedIn } from '../session/session'
import { readHistoryFilter } from './history-params'
import { ImportHistory } from './ImportHistory'
import { fetchSources } from './imports-api'
import { ImportWorkspace } from './ImportWorkspace'

export function ImportsPage({ searchParams }: { searchParams: URLSearchParams }) {
  useDocumentTitle('Imports des sources mensuelles')
  const mayImport = !!useSignedIn()?.can.import
  const sources = useQuery({
    queryKey: ['sources'],
    queryFn: ({ signal }) => fetchSources(signal),
    staleTime: Infinity,
  })
  return (
    <>
      <h1>Imports des sources mensuelles</h1>
      <p className={fr.cx('fr-text--lead', 'fr-mb-4w')}>
        {mayImport
          ? 'Déposez le fichier du mois d’une source nationale. Lancez d’abord une simulation : elle montre ce que l’import changerait, sans rien enregistrer.'
          : 'Les fichiers du mois des sources nationales chargés dans Jalon, et ce que chacun a apporté.'}
      </p>
      {sources.error && (
        <Alert
          severity="error"
          role="alert"
          className={fr.cx('fr-mb-4w')}
          title="Les sources n’ont pas pu être chargées"
          description={sources.error.message}
        />
      )}
      {mayImport ? (
        <ImportWorkspace sources={sources.data} />
      ) : (
        <Alert
          severity="info"
          className={fr.cx('fr-mb-6w')}
          title="Import réservé aux équipes nationales"
          description="Votre rôle permet de consulter l’historique des imports, pas de déposer un fichier. Les sources nationales sont chargées par l’ANS, la CNAM, la CNSA ou la DGOS."
        />
      )}
      <ImportHistory
        // A new URL (back button, link) resets the filters to what it says.
        key={searchParams.toString()}
        filter={readHistoryFilter(searchParams)}
        sources={sources.data}
      />
    </>
  )
}
