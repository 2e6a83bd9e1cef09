// `/`: search the FINESS referential. The filters come from the URL and go back to it.
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { fetchStructures } from '../api'
import { useDocumentTitle } from '../layout/useDocumentTitle'
import { navigate } from '../router'
import { readQuery, searchHref } from '../search-params'
import { SearchForm } from './SearchForm'
import { SearchResults } from './SearchResults'

export function SearchPage({ searchParams }: { searchParams: URLSearchParams }) {
  useDocumentTitle('Rechercher un établissement')
  const query = readQuery(searchParams)
  const result = useQuery({
    queryKey: ['structures', query],
    queryFn: ({ signal }) => fetchStructures(query, signal),
    placeholderData: keepPreviousData,
  })
  return (
    <>
      <h1>Rechercher un établissement</h1>
      <SearchForm
        // A new URL (back button, link) resets the form to what it says.
        key={searchParams.toString()}
        query={query}
        onSubmit={(filters) => navigate(searchHref(filters))}
      />
      <SearchResults query={query} result={result} />
    </>
  )
}
