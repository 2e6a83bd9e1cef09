// The typed client of the Jalon HTTP API. Any non-2xx answer becomes an ApiError whose message, in French,
// is the server's own. Writes carry the session's anti-forgery token (kept in memory only: a page of
// another site can send the session cookie, not read this token); a 401 tells the session that it ended.
import type { StructureDetail, StructurePage } from '../domain/contract/structures'
import { toQueryString, type QueryKey, type SearchQuery } from './search-params'

export interface FieldError {
  field: string
  message: string
}

export class ApiError extends Error {
  readonly status: number
  readonly details: FieldError[]
  constructor(message: string, status: number, details: FieldError[] = []) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.details = details
  }
}

export const UNREACHABLE = 'Le serveur Jalon ne répond pas. Vérifiez votre connexion puis réessayez.'

let csrfToken: string | null = null
let onSignedOut: () => void = () => {}

/** Kept from GET /api/auth/me or the sign-in answer; null once signed out. */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token
}

/** Called when the server answers 401 to a request of a signed-in page (session ended or expired). */
export function whenSignedOut(listener: () => void): void {
  onSignedOut = listener
}

const SEARCH_FIELD_LABELS: Record<QueryKey, string> = {
  q: 'Recherche',
  region: 'Région',
  departement: 'Département',
  sector: 'Secteur',
  category: 'Catégorie',
  ej: 'FINESS EJ',
  status: 'État',
  sort: 'Tri',
  order: 'Ordre de tri',
  page: 'Page',
  pageSize: 'Nombre de lignes par page',
}

interface ErrorBody {
  error?: unknown
  details?: unknown
}

function readDetails(body: ErrorBody | null, labels: Readonly<Record<string, string>>): FieldError[] {
  if (!Array.isArray(body?.details)) return []
  return body.details
    .filter((d): d is FieldError => typeof d?.field === 'string' && typeof d?.message === 'string')
    .map((d) => ({ field: labels[d.field] ?? d.field, message: d.message }))
}

async function failure(response: Response, labels: Readonly<Record<string, string>>): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null
  const details = readDetails(body, labels)
  const main =
    typeof body?.error === 'string' ? body.error : `Le serveur a répondu par une erreur (${response.status}).`
  const message = details.length
    ? `${main} : ${details.map((d) => `${d.field} — ${d.message}`).join(' ; ')}`
    : main
  return new ApiError(message, response.status, details)
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** A plain object is sent as JSON; a File or Blob as raw bytes (`contentType` says its type). */
  body?: object | Blob
  contentType?: string
  signal?: AbortSignal | undefined
  /** Names the API's parameters in French in a refusal's details. */
  fieldLabels?: Readonly<Record<string, string>>
  /** False for the calls that themselves decide what a 401 means (who am I, sign in). */
  signOutOn401?: boolean
}

/** One API call; resolves with the parsed JSON answer, or undefined for 204. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = { accept: 'application/json' }
  let body: BodyInit | undefined
  if (options.body instanceof Blob) {
    body = options.body
    headers['content-type'] = options.contentType ?? 'application/octet-stream'
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['content-type'] = 'application/json'
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  let response: Response
  try {
    response = await fetch(path, { method, headers, body, signal: options.signal })
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw new ApiError(UNREACHABLE, 0)
  }
  if (!response.ok) {
    const error = await failure(response, options.fieldLabels ?? {})
    if (response.status === 401 && options.signOutOn401 !== false) {
      csrfToken = null
      onSignedOut()
    }
    throw error
  }
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

export function fetchStructures(query: SearchQuery, signal?: AbortSignal): Promise<StructurePage> {
  return apiRequest<StructurePage>(`/api/structures${toQueryString(query)}`, {
    signal,
    fieldLabels: SEARCH_FIELD_LABELS,
  })
}

export function fetchStructure(finess: string, signal?: AbortSignal): Promise<StructureDetail> {
  return apiRequest<StructureDetail>(`/api/structures/${encodeURIComponent(finess)}`, { signal })
}
