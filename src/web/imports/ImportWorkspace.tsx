// The upload form and what follows a submission: the file is sent, then its job is polled every half
// second until the server has its report or its refusal. Focus follows the run: the progress, then the
// report or the error, so that a screen reader reads each.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { ApiError } from '../api'
import { columnHeaders } from './import-format'
import { ImportProgress } from './ImportProgress'
import { ImportReport } from './ImportReport'
import {
  fetchImportJob,
  postImport,
  type ImportJob,
  type ImportRequest,
  type SourceInfo,
} from './imports-api'
import { IssuesTable } from './IssuesTable'
import { UploadForm } from './UploadForm'

const POLL_MS = 500

type Phase = 'idle' | 'running' | 'upload-error' | 'poll-error' | ImportJob['status']

function uploadErrorTitle(error: Error): string {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403))
    return 'Import refusé par le serveur'
  if (error instanceof ApiError && error.status === 400) return 'Fichier ou paramètres refusés'
  return 'L’envoi du fichier a échoué'
}

export function ImportWorkspace({ sources }: { sources: SourceInfo[] | undefined }) {
  const queryClient = useQueryClient()
  const [request, setRequest] = useState<ImportRequest | null>(null)
  const [runs, setRuns] = useState(0)
  const upload = useMutation({ mutationFn: postImport })
  const jobId = upload.data?.jobId ?? null
  const job = useQuery({
    queryKey: ['import-job', jobId],
    queryFn: ({ signal }) => fetchImportJob(jobId ?? '', signal),
    enabled: jobId !== null,
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.error || (query.state.data && query.state.data.status !== 'running') ? false : POLL_MS,
  })

  const phase: Phase = !request
    ? 'idle'
    : upload.isPending
      ? 'running'
      : upload.error
        ? 'upload-error'
        : job.error
          ? 'poll-error'
          : !job.data || job.data.status === 'running'
            ? 'running'
            : job.data.status
  const report = phase === 'done' ? (job.data?.report ?? null) : null

  const progress = useRef<HTMLDivElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const alert = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (phase === 'idle') return
    const target = phase === 'running' ? progress : phase === 'done' ? heading : alert
    target.current?.focus()
  }, [phase, runs])
  // A recorded import enters the history.
  const recorded = report && !report.dryRun ? report.importId : null
  useEffect(() => {
    if (recorded !== null) void queryClient.invalidateQueries({ queryKey: ['imports-history'] })
  }, [recorded, queryClient])

  const submit = (next: ImportRequest) => {
    setRequest(next)
    setRuns((n) => n + 1)
    upload.mutate(next)
  }
  const source = sources?.find((s) => s.code === request?.source)
  const busy = phase === 'running'

  return (
    <section aria-labelledby="importer" className={fr.cx('fr-mb-6w')}>
      <h2 id="importer">Importer un fichier</h2>
      <UploadForm sources={sources} busy={busy} onSubmit={submit} />
      {request && phase === 'running' && (
        <ImportProgress
          containerRef={progress}
          title={`${request.dryRun ? 'Simulation' : 'Import'} en cours : ${request.file.name}`}
          step={job.data?.step ?? 'envoi du fichier'}
          rows={job.data?.rows ?? 0}
        />
      )}
      {(phase === 'upload-error' || phase === 'poll-error' || phase === 'failed') && (
        <div ref={alert} tabIndex={-1} className={fr.cx('fr-mb-4w')}>
          <Alert
            severity="error"
            role="alert"
            title={
              phase === 'upload-error' && upload.error
                ? uploadErrorTitle(upload.error)
                : phase === 'poll-error'
                  ? 'Le suivi de l’import a échoué'
                  : 'L’import a échoué : rien n’a été enregistré'
            }
            description={upload.error?.message ?? job.error?.message ?? job.data?.error ?? ''}
          />
        </div>
      )}
      {phase === 'refused' && job.data && (
        <div ref={alert} tabIndex={-1} className={fr.cx('fr-mb-4w')}>
          <Alert
            severity="error"
            role="alert"
            className={fr.cx('fr-mb-3w')}
            title="Fichier refusé : rien n’a été enregistré"
            description={job.data.error ?? ''}
          />
          {job.data.issues.length > 0 && (
            <IssuesTable issues={job.data.issues} columnNames={columnHeaders(source)} importId={null} />
          )}
        </div>
      )}
      {request && report && (
        <ImportReport
          report={report}
          source={source}
          headingRef={heading}
          busy={busy}
          onCommit={report.dryRun ? () => submit({ ...request, dryRun: false }) : null}
        />
      )}
    </section>
  )
}
