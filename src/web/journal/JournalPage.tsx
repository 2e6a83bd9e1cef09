// `/journal`: who changed what and when (fields typed by hand, imports, accounts, sign-ins), filtered from
// the URL, a page at a time, and the whole filtered journal as CSV.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { Pagination } from '@codegouvfr/react-dsfr/Pagination'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { formatCount } from '../format'
import { useDocumentTitle } from '../layout/useDocumentTitle'
import { Link } from '../Link'
import { structureHref } from '../router'
import { fetchAuditPage } from './audit-api'
import {
  currentJournalPage,
  journalCsvHref,
  journalHref,
  readJournalFilter,
  type JournalFilter,
} from './journal-params'
import { JournalFilters } from './JournalFilters'
import { JournalTable } from './JournalTable'

function JournalResults({ filter }: { filter: JournalFilter }) {
  const { data, error, isPending, isFetching } = useQuery({
    queryKey: ['audit', filter],
    queryFn: ({ signal }) => fetchAuditPage(filter, signal),
    placeholderData: keepPreviousData,
  })
  if (error)
    return (
      <Alert
        severity="error"
        role="alert"
        title="Le journal n’a pas pu être chargé"
        description={error.message}
      />
    )
  if (isPending) return <p role="status">Chargement du journal…</p>
  const pageCount = Math.max(1, Math.ceil(data.total / data.pageSize))
  return (
    <section aria-labelledby="journal-resultats" aria-busy={isFetching}>
      <h2 id="journal-resultats" aria-live="polite" className={fr.cx('fr-h4')}>
        {formatCount(data.total, 'modification')}
      </h2>
      <p>
        <a
          className={fr.cx('fr-link', 'fr-icon-download-line', 'fr-link--icon-left')}
          href={journalCsvHref(filter)}
          download
        >
          Télécharger (CSV)
        </a>
      </p>
      {data.items.length > 0 && <JournalTable events={data.items} />}
      {pageCount > 1 && (
        <Pagination
          count={pageCount}
          defaultPage={Math.min(currentJournalPage(filter), pageCount)}
          getPageLinkProps={(page) => ({ href: journalHref({ ...filter, page: String(page) }) })}
          className={fr.cx('fr-mt-2w')}
        />
      )}
    </section>
  )
}

export function JournalPage({ searchParams }: { searchParams: URLSearchParams }) {
  const filter = readJournalFilter(searchParams)
  useDocumentTitle(
    filter.finess ? `Journal de l’établissement ${filter.finess}` : 'Journal des modifications',
  )
  return (
    <>
      <h1>Journal des modifications</h1>
      <p className={fr.cx('fr-text--lead')}>
        Chaque saisie, import et changement de compte, avec son auteur, sa date et la valeur avant et après.
        {filter.finess && (
          <>
            {' '}
            Établissement : <Link href={structureHref(filter.finess)}>{filter.finess}</Link>.
          </>
        )}
      </p>
      {/* A new URL (back button, link) resets the form to what it says. */}
      <JournalFilters key={searchParams.toString()} filter={filter} />
      <JournalResults filter={filter} />
    </>
  )
}
