// The result of a search: loading, error, nothing found, or the count, the table and the pages.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { Pagination } from '@codegouvfr/react-dsfr/Pagination'
import type { UseQueryResult } from '@tanstack/react-query'
import type { StructurePage } from '../../domain/contract/structures'
import { formatCount } from '../format'
import { currentPage, searchHref, type SearchQuery } from '../search-params'
import { ResultsTable } from './ResultsTable'

interface Props {
  query: SearchQuery
  result: UseQueryResult<StructurePage>
}

export function SearchResults({ query, result }: Props) {
  const { data, error, isPending, isFetching } = result
  if (error) {
    return <Alert severity="error" title="La recherche a échoué" description={error.message} role="alert" />
  }
  if (isPending) {
    return (
      <p role="status" className={fr.cx('fr-text--lg')}>
        Recherche en cours…
      </p>
    )
  }
  const pageCount = Math.max(1, Math.ceil(data.total / data.pageSize))
  return (
    <section aria-labelledby="resultats" aria-busy={isFetching}>
      <h2 id="resultats" aria-live="polite" className={fr.cx('fr-h4')}>
        {formatCount(data.total, 'établissement')}
      </h2>
      {data.total === 0 ? (
        <Alert
          severity="info"
          title="Aucun établissement ne correspond à votre recherche"
          description="Vérifiez l’orthographe, retirez un filtre ou cherchez aussi parmi les établissements fermés."
        />
      ) : (
        <>
          <ResultsTable items={data.items} query={query} />
          {pageCount > 1 && (
            <Pagination
              count={pageCount}
              defaultPage={Math.min(currentPage(query), pageCount)}
              getPageLinkProps={(page) => ({ href: searchHref({ ...query, page: String(page) }) })}
              className={fr.cx('fr-mt-2w')}
            />
          )}
        </>
      )}
    </section>
  )
}
