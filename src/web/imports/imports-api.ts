// The typed client of the monthly-source import API: the declared sources, the import history, uploads
// (by a signed-in national account, through the session) and the progress of an upload. The shapes mirror
// src/app (SourceImportReport, ImportJob), which the web app may not import. Any non-2xx answer becomes an
// ApiError with the server's French message.
import { apiRequest, type RequestOptions } from '../api'

export interface SourceColumn {
  key: string
  header: string
  aliases: string[]
  required: boolean
  description: string
}

export interface SourceInfo {
  code: string
  label: string
  producer: string
  level: string
  fileNamePattern: string
  columns: SourceColumn[]
}

export interface ImportSummary {
  id: number
  source: string
  /** `YYYY-MM` */
  period: string
  fileName: string
  sha256: string
  actor: string
  startedAt: string
  finishedAt: string | null
  replacedBy: number | null
  replaces: number | null
  rowsRead: number
  observations: number
  added: number
  changed: number
  removed: number
  rejected: number
  warnings: number
}

export interface ImportIssue {
  line: number
  severity: 'rejected' | 'warning'
  code: string
  field: string | null
  finess: string | null
  value: string | null
  message: string
}

export interface ValueChange {
  indicator: string
  finess: string
  level: string
  period: string
  before: string | null
  after: string | null
}

export interface ImportCounts {
  rowsRead: number
  rowsRejected: number
  structures: number
  observations: number
  added: number
  changed: number
  removed: number
  unchanged: number
  warnings: number
  rejected: number
}

export interface ImportReport {
  importId: number | null
  dryRun: boolean
  source: string
  sourceLabel: string
  period: string
  fileName: string
  sha256: string
  format: string
  encoding: string | null
  sheet: string
  headerLine: number
  /** Field key → the header found in the file. */
  columns: Record<string, string>
  replacedImportId: number | null
  counts: ImportCounts
  changes: { added: number; changed: number; removed: number; unchanged: number; examples: ValueChange[] }
  issues: ImportIssue[]
  issuesTotal: number
}

export interface ImportJob {
  id: string
  status: 'running' | 'done' | 'refused' | 'failed'
  /** French, e.g. "lecture des lignes". */
  step: string
  /** Observations loaded so far. */
  rows: number
  startedAt: string
  report: ImportReport | null
  error: string | null
  issues: ImportIssue[]
}

export interface ImportRequest {
  source: string
  period: string
  file: File
  dryRun: boolean
  strict: boolean
}

export interface HistoryFilter {
  source?: string
  period?: string
}

const FIELD_LABELS: Record<string, string> = {
  source: 'Source',
  period: 'Mois',
  fileName: 'Nom du fichier',
  dryRun: 'Simulation',
  strict: 'Mode strict',
}

function call<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return apiRequest<T>(path, { ...options, fieldLabels: FIELD_LABELS })
}

export function fetchSources(signal?: AbortSignal): Promise<SourceInfo[]> {
  return call<SourceInfo[]>('/api/sources', { signal })
}

export function historyQueryString(filter: HistoryFilter): string {
  const params = new URLSearchParams()
  if (filter.source) params.set('source', filter.source)
  if (filter.period) params.set('period', filter.period)
  const text = params.toString()
  return text ? `?${text}` : ''
}

export function fetchImportHistory(filter: HistoryFilter, signal?: AbortSignal): Promise<ImportSummary[]> {
  return call<ImportSummary[]>(`/api/imports/sources${historyQueryString(filter)}`, { signal })
}

/** Sends the file as the raw body; the server answers at once with the job to poll. */
export function postImport(request: ImportRequest): Promise<{ jobId: string }> {
  const params = new URLSearchParams({
    period: request.period,
    fileName: request.file.name,
    dryRun: String(request.dryRun),
    strict: String(request.strict),
  })
  return call<{ jobId: string }>(`/api/imports/sources/${encodeURIComponent(request.source)}?${params}`, {
    method: 'POST',
    body: request.file,
    contentType: 'application/octet-stream',
  })
}

export function fetchImportJob(jobId: string, signal?: AbortSignal): Promise<ImportJob> {
  return call<ImportJob>(`/api/import-jobs/${encodeURIComponent(jobId)}`, { signal })
}

export function issuesCsvHref(importId: number): string {
  return `/api/imports/sources/${importId}/issues.csv`
}
