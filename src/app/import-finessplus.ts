// The FiNESS+ path of importFinessFile: a daily flow (JSON) into the referential, in one transaction.
//
// A daily flow is a delta: the sites it does not list are left as they are, never closed. A site it lists is
// closed when the flow says so (closing rule in src/sources/finess/finessplus/closure.ts: `etatObjet` I or F,
// at `dateFermeture`, else at the last event), and reopened when the flow lists it active again.
// A FiNESS+ site carries fewer columns than an etalab one: labels come from the nomenclatures, and what the
// flow does not carry at all (SPH, APE code, the etalab département, the source of unchanged coordinates)
// keeps the value an earlier import gave, so that a delta does not blank what it does not know.
import type { DerivationContext } from '../domain/derive-site'
import { deriveSite } from '../domain/derive-site'
import type { SiteRecord } from '../domain/structure'
import type { FinessPlusFlow } from '../sources/finess/finessplus/parser'
import type { Store } from '../store/database'
import { refreshStatistics } from '../store/statistics'
import { loadDerivationContext } from '../store/derivation-lookups'
import { createFinessImport, saveImportIssues, saveSourceFile, type RawFile } from '../store/finess-imports'
import { upsertGroupings } from '../store/groupings'
import { upsertLegalEntities } from '../store/legal-entities'
import { finishImport, touchedSites } from './import-report'
import { importSites } from '../store/site-import'
import { refreshKeptFiguresAfterSites } from './kept-figures'
import { findKnownSiteValues, loadNomenclatureLabels, type KnownSiteValues } from '../store/sites'
import type { FinessImportOptions, FinessImportReport } from './import-finess'
import { siteColumnValues } from './site-columns'
import { journalFinessImport } from './finess-import-audit'

type Labels = Awaited<ReturnType<typeof loadNomenclatureLabels>>

/** The record completed with nomenclature labels and with what the referential knows that FiNESS+ does not. */
export function withKnownValues(
  record: SiteRecord,
  known: KnownSiteValues | undefined,
  labels: Labels,
  ctx: DerivationContext,
): SiteRecord {
  const category = record.categoryCode
  const aggregate = record.aggregateCode ?? (category ? ctx.aggregateOfCategory(category) : null)
  // A label already stored for the same code wins, so that two sources do not rewrite each other's wording.
  const label = (
    code: string | null,
    knownCode: string | null | undefined,
    knownLabel: string | null | undefined,
    reference: Map<string, string>,
  ): string | null =>
    code === null ? null : ((knownCode === code ? knownLabel : null) ?? reference.get(code) ?? null)
  const samePosition = !!known && known.coord_x === record.coordX && known.coord_y === record.coordY
  return {
    ...record,
    categoryLabel:
      record.categoryLabel ?? label(category, known?.category_code, known?.category_label, labels.category),
    aggregateLabel:
      record.aggregateLabel ??
      label(aggregate, known?.aggregate_code, known?.aggregate_label, labels.aggregate),
    mftLabel: record.mftLabel ?? (known && known.mft_code === record.mftCode ? known.mft_label : null),
    sphCode: record.sphCode ?? known?.sph_code ?? null,
    sphLabel: record.sphLabel ?? known?.sph_label ?? null,
    apeCode: record.apeCode ?? known?.ape_code ?? null,
    sourceDepartement: record.sourceDepartement ?? known?.source_departement ?? null,
    coordSource: samePosition ? known.coord_source : record.coordSource,
    coordUpdatedOn: samePosition ? known.coord_updated_on : record.coordUpdatedOn,
  }
}

export async function importFinessPlusFlow(
  store: Store,
  options: FinessImportOptions & { strict: boolean; rawFile: Promise<RawFile> },
  flow: FinessPlusFlow,
): Promise<FinessImportReport> {
  const progress = options.onProgress ?? (() => undefined)
  const { fileName, strict } = options
  const ctx = await loadDerivationContext(store.db)
  const labels = await loadNomenclatureLabels(store.db)
  const lineOf = new Map(flow.sites.map((s) => [s.record.finessEg, s.line]))

  progress(
    `enregistrement de ${flow.sites.length} établissements, ${flow.legalEntities.length} entités juridiques et ${flow.groups.length} groupements`,
  )
  const result = await store.transaction(async (session) => {
    const sourceFileId = await saveSourceFile(session, await options.rawFile)
    const importId = await createFinessImport(session, {
      sourceFileId,
      format: 'finessplus',
      extractNumber: null,
      extractDate: flow.extractDate,
      encoding: flow.encoding,
      strict,
    })
    const known = new Map(
      (
        await findKnownSiteValues(
          session.db,
          flow.sites.map((s) => s.record.finessEg),
        )
      ).map((k) => [k.finess_eg, k]),
    )
    const sites = flow.sites.map(({ record, closedOn }) => {
      const site = deriveSite(withKnownValues(record, known.get(record.finessEg), labels, ctx), ctx)
      return { finessEg: record.finessEg, values: siteColumnValues(site), closedOn }
    })
    const applied = await importSites(session, sites, {
      importId,
      closeMissing: false,
      missingClosedOn: flow.extractDate,
      onCompare: () => progress('comparaison avec le référentiel'),
    })
    const legalEntities = await upsertLegalEntities(session, importId, flow.legalEntities)
    const groups = await upsertGroupings(session, importId, flow.groups)
    await refreshKeptFiguresAfterSites(session, applied)
    await saveImportIssues(session, importId, flow.issues)
    const counts = await finishImport(
      session,
      importId,
      {
        linesRead: flow.lineCount,
        sitesRead: flow.sites.length,
        issues: flow.issues,
        legalEntities: flow.legalEntities.length,
        groups: flow.groups.length,
      },
      applied,
    )
    await journalFinessImport(session, options.actor, { importId, fileName, format: 'finessplus', counts })
    return { importId, applied, counts, upserts: { legalEntities, groups } }
  })
  await refreshStatistics(store, 'all')
  progress('terminé')
  return {
    importId: result.importId,
    fileName,
    sha256: (await options.rawFile).sha256,
    format: 'finessplus',
    extractDate: flow.extractDate,
    encoding: flow.encoding,
    strict,
    counts: result.counts,
    upserts: result.upserts,
    ...touchedSites(result.applied, lineOf),
    issues: flow.issues,
  }
}
