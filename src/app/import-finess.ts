// Use case: import a FINESS file (etalab extract or FiNESS+ daily flow) into the referential, in one
// transaction. A file that cannot be read, or any rejected row in strict mode, leaves the database as it was.
import { deriveSite } from '../domain/derive-site'
import type { DerivedSite } from '../domain/structure'
import { parseEtalabExtract } from '../sources/finess/etalab-parser'
import { looksLikeJson, parseFinessPlus } from '../sources/finess/finessplus/parser'
import type { RowIssue } from '../sources/source-error'
import type { Store } from '../store/database'
import { refreshStatistics } from '../store/statistics'
import { loadDerivationContext } from '../store/derivation-lookups'
import { createFinessImport, saveImportIssues, saveSourceFile } from '../store/finess-imports'
import type { UpsertCounts } from '../store/legal-entities'
import { importSites, type StagedSite } from '../store/site-import'
import { refreshKeptFiguresAfterSites } from './kept-figures'
import { importFinessPlusFlow } from './import-finessplus'
import { finishImport, touchedSites, type ImportCounts, type TouchedSites } from './import-report'
import { keptCopy, sha256Of } from './raw-file'
import { ImportRefusedError } from './import-errors'
import { siteColumnValues } from './site-columns'

import type { Actor } from './access/actor'
import { journalFinessImport } from './finess-import-audit'
export { ImportRefusedError } from './import-errors'

export type { SiteRef } from './import-report'

export interface FinessImportOptions {
  fileName: string
  bytes: Uint8Array
  strict?: boolean
  onProgress?: (step: string) => void
  /** Who runs it, for the journal. */
  actor?: Actor
}

export interface FinessImportReport extends TouchedSites {
  importId: number
  fileName: string
  sha256: string
  format: 'etalab' | 'finessplus'
  extractDate: string
  encoding: string
  strict: boolean
  counts: ImportCounts
  /** FiNESS+ only: what the file did to the legal entities and groups. */
  upserts?: { legalEntities: UpsertCounts; groups: UpsertCounts }
  issues: RowIssue[]
}

/**
 * Imports an etalab extract (CSV) or a FiNESS+ daily flow (JSON), told apart by their first character. An
 * extract is the whole register: the sites it no longer lists are closed. A daily flow is a delta: it
 * closes only the sites it says are closed (src/app/import-finessplus.ts).
 */
export async function importFinessFile(
  store: Store,
  options: FinessImportOptions,
): Promise<FinessImportReport> {
  const progress = options.onProgress ?? (() => undefined)
  const strict = options.strict ?? false
  progress('lecture du fichier')
  const sha256 = sha256Of(options.bytes)
  const rawFile = keptCopy(options.fileName, sha256, options.bytes)
  if (looksLikeJson(options.bytes)) {
    const flow = parseFinessPlus(options.fileName, options.bytes)
    if (strict && flow.issues.some((i) => i.severity === 'rejected'))
      throw new ImportRefusedError(options.fileName, flow.issues)
    return importFinessPlusFlow(store, { ...options, strict, rawFile }, flow)
  }
  const extract = parseEtalabExtract(options.fileName, options.bytes)
  const rejected = extract.issues.filter((i) => i.severity === 'rejected').length
  if (strict && rejected > 0) throw new ImportRefusedError(options.fileName, extract.issues)

  const ctx = await loadDerivationContext(store.db)
  const lineOf = new Map<string, number>()
  const derived: DerivedSite[] = extract.sites.map(({ line, record }) => {
    lineOf.set(record.finessEg, line)
    return deriveSite(record, ctx)
  })
  const staged = (function* (): Generator<StagedSite> {
    for (const site of derived)
      yield { finessEg: site.record.finessEg, values: siteColumnValues(site), closedOn: null }
  })()

  progress(`enregistrement de ${derived.length} établissements`)
  const result = await store.transaction(async (session) => {
    const sourceFileId = await saveSourceFile(session, await rawFile)
    const importId = await createFinessImport(session, {
      sourceFileId,
      format: 'etalab',
      extractNumber: extract.extractNumber,
      extractDate: extract.extractDate,
      encoding: extract.encoding,
      strict,
    })
    const applied = await importSites(session, staged, {
      importId,
      closeMissing: true,
      missingClosedOn: extract.extractDate,
      onCompare: () => progress('comparaison avec le référentiel'),
    })
    await refreshKeptFiguresAfterSites(session, applied)
    await saveImportIssues(session, importId, extract.issues)
    const counts = await finishImport(
      session,
      importId,
      {
        linesRead: extract.structureLines + extract.geolocationLines + 1,
        sitesRead: derived.length,
        issues: extract.issues,
      },
      applied,
    )
    await journalFinessImport(session, options.actor, {
      importId,
      fileName: options.fileName,
      format: 'etalab',
      counts,
    })
    return { importId, applied, counts }
  })
  await refreshStatistics(store, 'all')
  progress('terminé')
  return {
    importId: result.importId,
    fileName: options.fileName,
    sha256,
    format: 'etalab',
    extractDate: extract.extractDate,
    encoding: extract.encoding,
    strict,
    counts: result.counts,
    ...touchedSites(result.applied, lineOf),
    issues: extract.issues,
  }
}
