// Imports started from the web run in the background; the page polls their progress. The result of an
// import is in the database (source_import); the progress of a running one is kept by the process that
// runs it, because PGlite serialises every query behind the import's transaction and a progress row written
// from inside it would only be readable once it is over. With several servers on one PostgreSQL, a client
// polls the server that took its upload (sticky routing), and the history is shared through the database.
import { randomUUID } from 'node:crypto'
import { ImportRefusedError } from './import-errors'
import { importSourceFile, type SourceImportOptions, type SourceImportReport } from './import-source'
import { SourceFileError, type RowIssue } from '../sources/source-error'
import type { Store } from '../store/database'

export interface ImportJob {
  id: string
  /** The account that started it: only it (and an administrator) follows it. */
  ownerId: number | null
  status: 'running' | 'done' | 'refused' | 'failed'
  step: string
  /** Observations loaded so far. */
  rows: number
  startedAt: string
  report: SourceImportReport | null
  error: string | null
  issues: RowIssue[]
}

const JOBS = new Map<string, ImportJob>()
/** Finished jobs are forgotten after an hour: their result stays in the import history. */
const KEEP_MS = 60 * 60 * 1000

export function startImportJob(store: Store, options: Omit<SourceImportOptions, 'onProgress'>): ImportJob {
  const job: ImportJob = {
    id: randomUUID(),
    ownerId: options.actor.id,
    status: 'running',
    step: 'en attente',
    rows: 0,
    startedAt: new Date().toISOString(),
    report: null,
    error: null,
    issues: [],
  }
  JOBS.set(job.id, job)
  importSourceFile(store, {
    ...options,
    onProgress: (step, rows) => {
      job.step = step
      if (rows !== undefined) job.rows = rows
    },
  })
    .then((report) => {
      job.status = 'done'
      job.step = 'terminé'
      job.report = report
    })
    .catch((error: unknown) => {
      if (error instanceof SourceFileError || error instanceof ImportRefusedError) {
        job.status = 'refused'
        job.error = error.message
        if (error instanceof ImportRefusedError) job.issues = error.issues.slice(0, 1000)
      } else {
        job.status = 'failed'
        job.error = 'Erreur interne pendant l’import : rien n’a été enregistré.'
        console.error(error)
      }
    })
    .finally(() => setTimeout(() => JOBS.delete(job.id), KEEP_MS).unref())
  return job
}

export function findImportJob(id: string): ImportJob | undefined {
  return JOBS.get(id)
}
