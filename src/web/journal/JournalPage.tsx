// `/journal`: who changed what and when (fields typed by hand, imports, accounts, sign-ins), filtered from
// the URL, a page at a time, and the whole filtered journal as CSV.
import { fr } from '@codegouvfr/react-dsfr'
import { formatCount } from '../format'
import { useDocumentTitle } from '../layout/useDocumentTitle'
import { Link } from '../Link'
import { PagedResults } from '../PagedResults'
import { structureHref } from '../router'
import { fetchAuditPage } from './audit-api'
import { journalCsvHref, journalHref, readJournalFilter } from './journal-params'
import { JournalFilters } from './JournalFilters'
import { JournalTable } from './JournalTable'

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
      <PagedResults
        filter={filter}
        href={journalHref}
        queryKey="audit"
        fetchPage={fetchAuditPage}
        headingId="journal-resultats"
        count={(total) => formatCount(total, 'modification')}
        loadingText="Chargement du journal…"
        errorTitle="Le journal n’a pas pu être chargé"
        csv={{ href: journalCsvHref(filter), label: 'Télécharger (CSV)' }}
      >
        {(events) => <JournalTable events={events} />}
      </PagedResults>
    </>
  )
}
