// Use case: the demo's national source files. Generates 24 months of files for the demo région's sites into
// a directory that is kept (a user can open them and import them again), then imports each one in
// chronological order through the real importer, as a user would: a damaged copy is refused, and the good
// copy of the same month is imported next.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Period } from '../../domain/observations/period'
import type { SourceCode } from '../../sources/monthly/source-definition'
import { SourceFileError } from '../../sources/source-error'
import type { Store } from '../../store/database'
import { listDemoSites } from '../../store/demo-queries'
import { loadKnownFiness } from '../../store/reconcile'
import { ImportRefusedError } from '../import-errors'
import { importSourceFile } from '../import-source'
import { refreshStatistics } from '../../store/statistics'
import { generateDemoSources, type DemoFile } from './generate'
import { DEFAULT_MONTHS, DEFAULT_UNTIL } from './plan'
import { readmeText } from './readme'
import { DEMO_ACTOR } from '../access/actor'

/** The demo région: Bretagne, whose FINESS extract ships with Jalon (demo/README.md). */
export const DEMO_REGION = '53'

export interface DemoSourcesOptions {
  /** Where the files are written (`<dataDir>/demo-sources`). */
  dir: string
  until?: Period
  months?: number
  sources?: readonly SourceCode[]
  region?: string
  /** Only the sites of these départements (a smaller demo, for tests). */
  departements?: readonly string[]
  onProgress?: (step: string) => void
}

export interface RefusedFile {
  source: SourceCode
  period: Period
  fileName: string
  message: string
  /** The planted damaged copy: expected. */
  planned: boolean
}

export interface DemoSourcesSummary {
  dir: string
  until: Period
  months: number
  sites: number
  files: number
  imports: number
  rowsRead: number
  rowsRejected: number
  observations: number
  warnings: number
  /** Numbers the imports reported as unknown to the referential, sorted. */
  unknownFiness: string[]
  refused: RefusedFile[]
  bySource: Partial<Record<SourceCode, { files: number; imports: number; observations: number }>>
  generateMs: number
  importMs: number
}

async function writeFiles(dir: string, files: readonly DemoFile[], readme: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  for (const source of new Set(files.map((f) => f.source)))
    await mkdir(join(dir, source), { recursive: true })
  for (const file of files) await writeFile(join(dir, file.source, file.fileName), file.bytes)
  await writeFile(join(dir, 'LISEZMOI.txt'), readme)
}

export async function loadDemoSources(
  store: Store,
  options: DemoSourcesOptions,
): Promise<DemoSourcesSummary> {
  const progress = options.onProgress ?? (() => undefined)
  const until = options.until ?? DEFAULT_UNTIL
  const months = options.months ?? DEFAULT_MONTHS
  const started = performance.now()
  const sites = (await listDemoSites(store.db, options.region ?? DEMO_REGION)).filter(
    (s) => !options.departements || options.departements.includes(s.departement ?? ''),
  )
  const known = await loadKnownFiness(store.db)
  const isKnown = (f: string) => known.sites.has(f) || known.legalEntities.has(f) || known.pmsi.has(f)
  progress(
    `génération des fichiers sources de démonstration (${sites.length} établissements, ${months} mois jusqu’à ${until})`,
  )
  const files = await generateDemoSources(sites, {
    until,
    months,
    isKnown,
    ...(options.sources ? { sources: options.sources } : {}),
  })
  await writeFiles(options.dir, files, readmeText(files, { until, months }))
  const generateMs = performance.now() - started
  progress(`${files.length} fichiers écrits dans ${options.dir}`)

  const summary: DemoSourcesSummary = {
    dir: options.dir,
    until,
    months,
    sites: sites.length,
    files: files.length,
    imports: 0,
    rowsRead: 0,
    rowsRejected: 0,
    observations: 0,
    warnings: 0,
    unknownFiness: [],
    refused: [],
    bySource: {},
    generateMs,
    importMs: 0,
  }
  const unknown = new Set<string>()
  let month = { period: '', files: 0, observations: 0 }
  // The planner's statistics once a month rather than once a file: 24 ANALYZE instead of about 170.
  const monthDone = async () => {
    if (month.files === 0) return
    await refreshStatistics(store, 'all')
    progress(`${month.period} : ${month.files} fichier(s) importé(s), ${month.observations} valeurs`)
  }
  for (const file of files) {
    if (file.period !== month.period) {
      await monthDone()
      month = { period: file.period, files: 0, observations: 0 }
    }
    const counts = (summary.bySource[file.source] ??= { files: 0, imports: 0, observations: 0 })
    counts.files++
    try {
      const report = await importSourceFile(store, {
        source: file.source,
        fileName: file.fileName,
        bytes: file.bytes,
        period: file.period,
        actor: DEMO_ACTOR,
        refreshStatistics: false,
      })
      summary.imports++
      counts.imports++
      counts.observations += report.counts.observations
      month.files++
      month.observations += report.counts.observations
      summary.rowsRead += report.counts.rowsRead
      summary.rowsRejected += report.counts.rowsRejected
      summary.observations += report.counts.observations
      summary.warnings += report.counts.warnings
      for (const issue of report.issues)
        if (issue.code === 'finess-unknown' && issue.value) unknown.add(issue.value)
    } catch (error) {
      if (!(error instanceof SourceFileError || error instanceof ImportRefusedError)) throw error
      summary.refused.push({
        source: file.source,
        period: file.period,
        fileName: file.fileName,
        message: error.message,
        planned: file.damaged,
      })
      progress(
        `${file.period} : fichier refusé, ${error.message}${file.damaged ? ' → import de la bonne copie' : ''}`,
      )
    }
  }
  await monthDone()
  summary.unknownFiness = [...unknown].sort()
  summary.importMs = performance.now() - started - generateMs
  return summary
}
