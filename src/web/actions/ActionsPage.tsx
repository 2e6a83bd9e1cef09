// `/actions`: the follow-up actions of every establishment of the user's scope, filtered from the URL, the
// soonest due first, a page at a time, and all of them as CSV for a spreadsheet.
import { fr } from '@codegouvfr/react-dsfr'
import { formatCount } from '../format'
import { useDocumentTitle } from '../layout/useDocumentTitle'
import { PagedResults } from '../PagedResults'
import { useSignedIn } from '../session/session'
import { fetchActionPage } from './actions-api'
import { actionsCsvHref, actionsHref, readActionsFilter } from './actions-params'
import { ActionsFilters } from './ActionsFilters'
import { ActionsTable } from './ActionsTable'

export function ActionsPage({ searchParams }: { searchParams: URLSearchParams }) {
  const me = useSignedIn()
  const filter = readActionsFilter(searchParams)
  useDocumentTitle('Actions de suivi')
  return (
    <>
      <h1>Actions de suivi</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les contacts, réunions, relances et visites des établissements de votre périmètre, l’échéance la plus
        proche d’abord. Une action s’ajoute depuis la page de son établissement.
      </p>
      {/* A new URL (back button, link) resets the form to what it says. */}
      {me && <ActionsFilters key={searchParams.toString()} filter={filter} meId={me.user.id} />}
      <PagedResults
        filter={filter}
        href={actionsHref}
        queryKey="actions"
        fetchPage={fetchActionPage}
        headingId="actions-resultats"
        count={(total) => formatCount(total, 'action')}
        loadingText="Chargement des actions…"
        errorTitle="Les actions n’ont pas pu être chargées"
        csv={{ href: actionsCsvHref(filter), label: 'Télécharger les actions (CSV)' }}
      >
        {(actions) => <ActionsTable caption="Actions de suivi" actions={actions} showStructure />}
      </PagedResults>
    </>
  )
}
