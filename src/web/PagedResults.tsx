// The results of a list page filtered from the URL (`/actions`, `/journal`): fetched a page at a time
// (the previous page stays shown while the next loads), counted, downloadable as CSV, and paged by links
// that keep the filters.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { Pagination } from '@codegouvfr/react-dsfr/Pagination'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { currentPage } from './url-filter'

export interface ResultPage<T> {
  items: T[]
  total: number
  pageSize: number
}

interface Props<F extends { page?: string }, T> {
  filter: F
  /** The page's own URL for a filter, to link to the other pages. */
  href: (filter: F) => string
  /** TanStack Query's key; the filter is added to it. */
  queryKey: string
  fetchPage: (filter: F, signal: AbortSignal) => Promise<ResultPage<T>>
  /** The id of the count's heading, which names the section. */
  headingId: string
  /** "12 actions": the count of every result, all pages. */
  count: (total: number) => string
  loadingText: string
  errorTitle: string
  csv: { href: string; label: string }
  children: (items: T[]) => ReactNode
}

export function PagedResults<F extends { page?: string }, T>(props: Props<F, T>) {
  const { filter, href, headingId, csv } = props
  const { data, error, isPending, isFetching } = useQuery({
    queryKey: [props.queryKey, filter],
    queryFn: ({ signal }) => props.fetchPage(filter, signal),
    placeholderData: keepPreviousData,
  })
  if (error)
    return <Alert severity="error" role="alert" title={props.errorTitle} description={error.message} />
  if (isPending) return <p role="status">{props.loadingText}</p>
  const pageCount = Math.max(1, Math.ceil(data.total / data.pageSize))
  return (
    <section aria-labelledby={headingId} aria-busy={isFetching}>
      <h2 id={headingId} aria-live="polite" className={fr.cx('fr-h4')}>
        {props.count(data.total)}
      </h2>
      <p>
        <a
          className={fr.cx('fr-link', 'fr-icon-download-line', 'fr-link--icon-left')}
          href={csv.href}
          download
        >
          {csv.label}
        </a>
      </p>
      {data.items.length > 0 && props.children(data.items)}
      {pageCount > 1 && (
        <Pagination
          count={pageCount}
          defaultPage={Math.min(currentPage(filter), pageCount)}
          getPageLinkProps={(page) => ({ href: href({ ...filter, page: String(page) }) })}
          className={fr.cx('fr-mt-2w')}
        />
      )}
    </section>
  )
}
