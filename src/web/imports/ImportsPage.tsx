// `/imports`: upload a national source's monthly file (simulation first, then for good) and follow its
// progress and report; below, the history of imports, filtered from the URL.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { useQuery } from '@tanstack/react-query'
import { useDocumentTitle } from '../layout/useDocumentTitle'
import { readHistoryFilter } from './history-params'
import { ImportHistory } from './ImportHistory'
import { fetchSources } from './imports-api'
import { ImportWorkspace } from './ImportWorkspace'

export function ImportsPage({ searchParams }: { searchParams: URLSearchParams }) {
  useDocumentTitle('Imports des sources mensuelles')
  const sources = useQuery({
    queryKey: ['sources'],
    queryFn: ({ signal }) => fetchSources(signal),
    staleTime: Infinity,
  })
  return (
    <>
      <h1>Imports des sources mensuelles</h1>
      <p className={fr.cx('fr-text--lead', 'fr-mb-4w')}>
        Déposez le fichier du mois d’une source nationale. Lancez d’abord une simulation : elle montre ce que
        l’import changerait, sans rien enregistrer.
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
      <ImportWorkspace sources={sources.data} />
      <ImportHistory
        // A new URL (back button, link) resets the filters to what it says.
        key={searchParams.toString()}
        filter={readHistoryFilter(searchParams)}
        sources={sources.data}
      />
    </>
  )
}
