// `/actions`: the follow-up actions of every establishment of the user's scope, filtered from the URL, the
// soonest due first, a page at a time, and all of them as CSV for a spreadsheet.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { Pagination } from '@codegouvfr/react-dsfr/Pagination'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { formatCount } from '../format'
import { useDocumentTitle } from '../layout/useDocumentTitle'
import { useSignedIn } from '../session/session'
import { fetchActionPage } from './actions-api'
import {
  actionsCsvHref,
  actionsHref,
  currentActionsPage,
  readActionsFilter,
  type ActionsFilter,
} from './actions-params'
import { ActionsFilters } from './ActionsFilters'
import { ActionsTable } from './ActionsTable'

function ActionsResults({ filter }: { filter: ActionsFilter }) {
  const { data, error, isPending, isFetching } = useQuery({
    queryKey: ['actions', filter],
    queryFn: ({ signal }) => fetchActionPage(filter, signal),
    placeholderData: keepPreviousData,
  })
  if (error)
    return (
      <Alert
        severity="error"
        role="alert"
        title="Les actions n’ont pas pu être chargées"
        description={error.message}
      />
    )
  if (isPending) return <p role="status">Chargement des actions…</p>
  const pageCount = Math.max(1, Math.ceil(data.total / data.pageSize))
  return (
    <section aria-labelledby="actions-resultats" aria-busy={isFetching}>
      <h2 id="actions-resultats" aria-live="polite" className={fr.cx('fr-h4')}>
        {formatCount(data.total, 'action')}
      </h2>
      <p>
        <a
          className={fr.cx('fr-link', 'fr-icon-download-line', 'fr-link--icon-left')}
          href={actionsCsvHref(filter)}
          download
        >
          Télécharger les actions (CSV)
        </a>
      </p>
      {data.items.length > 0 && (
        <ActionsTable caption="Actions de suivi" actions={data.items} showStructure />
      )}
      {pageCount > 1 && (
        <Pagination
          count={pageCount}
          defaultPage={Math.min(currentActionsPage(filter), pageCount)}
          getPageLinkProps={(page) => ({ href: actionsHref({ ...filter, page: String(page) }) })}
          className={fr.cx('fr-mt-2w')}
        />
      )}
    </section>
  )
}

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
      <ActionsResults filter={filter} />
    </>
  )
}
