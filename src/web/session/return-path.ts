// The page to come back to after signing in travels in the sign-in page's URL (`/connexion?retour=…`).
// Only a path of this site is followed, so that a link sent by mail cannot send people elsewhere.

export const SIGN_IN_PATH = '/connexion'

/** A path of this site (`/structures/…?…`), or `/` for anything else (another site, `//host`, garbage). */
export function safeReturnPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/'
  if (raw.startsWith(SIGN_IN_PATH)) return '/'
  return raw
}

export function signInHref(returnTo?: string): string {
  const path = safeReturnPath(returnTo)
  return path === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?${new URLSearchParams({ retour: path })}`
}
