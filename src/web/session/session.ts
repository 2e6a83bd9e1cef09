// The session in the app: `useMe()` reads the signed-in user (loaded once at start, then set by signing in
// and out); what was loaded for one account is dropped when the account changes.
import { useQuery, type QueryClient } from '@tanstack/react-query'
import type { Me } from '../../domain/contract/access'
import { whenSignedOut } from '../api'
import { fetchMe } from './session-api'

export const ME_KEY = ['me'] as const

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: Infinity,
    // A failure other than "not signed in" (server down) is shown; retrying it here would hide it longer.
    retry: false,
  })
}

/** The signed-in user of a page that is only shown signed in (App guarantees it). */
export function useSignedIn(): Me | null {
  return useMe().data ?? null
}

/** Sets who is signed in (null: nobody) and forgets every answer fetched for the previous account. */
export function setSession(queryClient: QueryClient, me: Me | null): void {
  queryClient.setQueryData(ME_KEY, me)
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] })
}

/** A 401 on any call means the session ended (expired, signed out elsewhere): back to signed out. */
export function watchSessionEnd(queryClient: QueryClient): void {
  whenSignedOut(() => queryClient.setQueryData(ME_KEY, null))
}
