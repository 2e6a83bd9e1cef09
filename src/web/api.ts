// The typed client of the Jalon HTTP API. Any non-2xx answer becomes an ApiError whose message, in French,
// is the server's own.
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

const FIELD_LABELS: Record<QueryKey, string> = {
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

function fieldLabel(field: string): string {
  return (FIELD_LABELS as Record<string, string | undefined>)[field] ?? field
}

interface ErrorBody {
  error?: unknown
  details?: unknown
}

function readDetails(body: ErrorBody | null): FieldError[] {
  if (!Array.isArray(body?.details)) return []
  return body.details
    .filter((d): d is FieldError => typeof d?.field === 'string' && typeof d?.message === 'string')
    .map((d) => ({ field: fieldLabel(d.field), message: d.message }))
}

async function failure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null
  const details = readDetails(body)
  const main =
    typeof body?.error === 'string' ? body.error : `Le serveur a répondu par une erreur (${response.status}).`
  const message = details.length
    ? `${main} : ${details.map((d) => `${d.field} — ${d.message}`).join(' ; ')}`
    : main
  return new ApiError(message, response.status, details)
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError('Le serveur Jalon ne répond pas. Vérifiez votre connexion puis réessayez.', 0)
  }
  if (!response.ok) throw await failure(response)
  return (await response.json()) as T
}

export function fetchStructures(query: SearchQuery, signal?: AbortSignal): Promise<StructurePage> {
  return getJson<StructurePage>(`/api/structures${toQueryString(query)}`, signal)
}

export function fetchStructure(finess: string, signal?: AbortSignal): Promise<StructureDetail> {
  return getJson<StructureDetail>(`/api/structures/${encodeURIComponent(finess)}`, signal)
}
