// A tiny router on the History API: the URL (path and query string) is the whole navigation state, so any
// view can be bookmarked or sent by mail.
import { useMemo, useSyncExternalStore } from 'react'

const NAVIGATE_EVENT = 'jalon:navigate'

export type Route =
  | { page: 'search' }
  | { page: 'structure'; finess: string }
  | { page: 'simulator' }
  | { page: 'imports' }
  | { page: 'sign-in' }
  | { page: 'users' }
  | { page: 'journal' }
  | { page: 'tracking' }
  | { page: 'dashboard' }
  | { page: 'map' }
  | { page: 'priorities' }
  | { page: 'actions' }
  | { page: 'not-found' }

export interface Location {
  pathname: string
  searchParams: URLSearchParams
  route: Route
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

/** The path and query string of the page shown, e.g. to come back to it after signing in. */
export const currentPath = () => window.location.pathname + window.location.search

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'search' }
  if (/^\/simulateur\/?$/.test(pathname)) return { page: 'simulator' }
  if (/^\/imports\/?$/.test(pathname)) return { page: 'imports' }
  if (/^\/connexion\/?$/.test(pathname)) return { page: 'sign-in' }
  if (/^\/administration\/utilisateurs\/?$/.test(pathname)) return { page: 'users' }
  if (/^\/journal\/?$/.test(pathname)) return { page: 'journal' }
  if (/^\/suivi\/?$/.test(pathname)) return { page: 'tracking' }
  if (/^\/tableau-de-bord\/?$/.test(pathname)) return { page: 'dashboard' }
  if (/^\/carte\/?$/.test(pathname)) return { page: 'map' }
  if (/^\/priorites\/?$/.test(pathname)) return { page: 'priorities' }
  if (/^\/actions\/?$/.test(pathname)) return { page: 'actions' }
  const structure = /^\/structures\/([^/]+)\/?$/.exec(pathname)
  if (structure?.[1]) return { page: 'structure', finess: decodeURIComponent(structure[1]) }
  return { page: 'not-found' }
}

export function structureHref(finess: string): string {
  return `/structures/${encodeURIComponent(finess)}`
}

export function useLocation(): Location {
  const path = useSyncExternalStore(subscribe, currentPath)
  return useMemo(() => {
    const url = new URL(path, window.location.origin)
    return { pathname: url.pathname, searchParams: url.searchParams, route: matchRoute(url.pathname) }
  }, [path])
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentPath()) return
  if (options.replace) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
  if (!options.replace) window.scrollTo(0, 0)
}
