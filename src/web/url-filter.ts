// A list page's filters kept in the URL under the API's own parameter names (`/actions?status=…&page=2`),
// so that the page, its API call and its CSV download carry the same query. Each page names its keys in
// its own `*-params.ts`; reading and writing them is the same everywhere, here.

/** The filters of a page, by key; a key left out is no filter. */
export type UrlFilter<K extends string> = Partial<Record<K, string>>

/** The known keys of the URL, trimmed, without empty values. */
export function readUrlFilter<K extends string>(params: URLSearchParams, keys: readonly K[]): UrlFilter<K> {
  const filter: UrlFilter<K> = {}
  for (const key of keys) {
    const value = params.get(key)?.trim()
    if (value) filter[key] = value
  }
  return filter
}

/** `?key=value…` in the keys' order, without empty values nor page 1; '' when nothing is left. */
export function urlFilterQuery<K extends string>(filter: UrlFilter<K>, keys: readonly K[]): string {
  const params = new URLSearchParams()
  for (const key of keys) {
    const value = filter[key]?.trim()
    if (value && !(key === 'page' && value === '1')) params.set(key, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** The keys without `page`: a CSV download holds every page. */
export const withoutPage = <K extends string>(keys: readonly K[]): K[] => keys.filter((k) => k !== 'page')

/** The page the filter asks for; anything but a whole number from 1 reads as page 1. */
export function currentPage(filter: { page?: string | undefined }): number {
  const page = Number(filter.page ?? '1')
  return Number.isInteger(page) && page >= 1 ? page : 1
}
