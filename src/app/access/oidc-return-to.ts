// Where the browser goes after signing in: a path of Jalon only. Anything else (another site, `//host`,
// `/\host` that browsers read as `//host`, control characters they strip) falls back to the home page, so
// that a sign-in link cannot send someone elsewhere (open redirect).

const MAX_LENGTH = 2000

export function safeReturnTo(value: string | null | undefined): string {
  if (!value || value.length > MAX_LENGTH) return '/'
  if (!value.startsWith('/') || value.startsWith('//')) return '/'
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f\s]/.test(value)) return '/'
  return value
}
