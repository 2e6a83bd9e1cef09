// Parser of the FiNESS+ JSON daily flow (ansforge/finess, "structures" schema v1.0.0): bytes in, legal
// entities, sites, groups and row-level issues out. It knows the format, not the database. This is the entry
// point of src/sources/finess/finessplus/: the shape of the file is in schema.ts, each kind of object is read
// by its own file.
//
// A file that is not JSON, not this shape, or cut short throws SourceFileError before anything is written.
// An entity or site that cannot be read is reported (rejected) with the line where its object starts and the
// JSON path of the field; repaired or doubtful fields are kept and reported (warning).
import { departementFromFiness } from '../../../domain/finess'
import type { GroupRecord, LegalEntityRecord } from '../../../domain/structure'
import { contentHead, decodeTextFile, type TextEncoding } from '../../decode'
import { sortIssues, type RowIssue } from '../../source-error'
import { readGroups, type Ids } from './groups'
import { readLegalEntity } from './legal-entities'
import { countLines, objectLines } from './locate'
import { swappedIssue } from './positions'
import { clean, Reporter } from './reporter'
import { readSite, type FinessPlusSite } from './sites'
import { checkShape, parseJson, readHeader } from './validate'

export type { FinessPlusSite } from './sites'

export interface FinessPlusFlow {
  schemaVersion: string
  /** As written (`2026-03-09T15:49:37.615611300Z`). */
  generatedAt: string
  /** generatedAt's date, the date of the flow. */
  extractDate: string
  encoding: TextEncoding
  gzipped: boolean
  lineCount: number
  legalEntities: LegalEntityRecord[]
  sites: FinessPlusSite[]
  groups: GroupRecord[]
  issues: RowIssue[]
}

/**
 * Whether the bytes hold JSON: the first non-blank character, after gzip and a BOM, opens an object (or an
 * array, which the parser then refuses with a message better than the etalab parser's).
 */
export function looksLikeJson(raw: Uint8Array): boolean {
  const head = contentHead(raw, 4096)
  if (head === null) return false
  let i = 0
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d))
    i++
  return head[i] === 0x7b || head[i] === 0x5b
}

export function parseFinessPlus(fileName: string, raw: Uint8Array): FinessPlusFlow {
  const { text: source, encoding, gzipped } = decodeTextFile(fileName, raw)
  const data = parseJson(fileName, source)
  const lines = objectLines(source)
  const flow = checkShape(fileName, data, lines)
  const { extractDate } = readHeader(fileName, source, flow)

  const issues: RowIssue[] = []
  const entities = new Map<string, LegalEntityRecord & { line: number; signature: string }>()
  const sites = new Map<string, FinessPlusSite & { signature: string }>()
  const ids: Ids = { entities: new Map(), sites: new Map() }
  let swapped = 0
  let firstSwapped: number | null = null

  flow.pmej.forEach((pm, i) => {
    const path = `pmej[${i}]`
    const report = new Reporter(issues, lines.get(path) ?? 0, path)
    const entity = readLegalEntity(pm, report, extractDate)
    if (entity) {
      const { ege: _sites, ...own } = pm
      const signature = JSON.stringify(own)
      const previous = entities.get(entity.finessEj)
      if (!previous) {
        entities.set(entity.finessEj, { ...entity, line: report.line, signature })
        if (entity.sourceId !== null) ids.entities.set(entity.sourceId, entity)
      } else
        report.duplicate(
          'informationsGeneralesPMEJ.numFinessPm',
          entity.finessEj,
          previous.line,
          previous.signature === signature,
        )
    }
    ;(pm.ege ?? []).forEach((ege, j) => {
      const egePath = `${path}.ege[${j}]`
      const siteReport = new Reporter(issues, lines.get(egePath) ?? 0, egePath)
      if (!entity) {
        siteReport.add(
          'rejected',
          'legal-entity-rejected',
          'informationsGeneralesEGE.numFinessEge',
          clean(ege.informationsGeneralesEGE.numFinessEge),
          `l'entité juridique ${path} est rejetée : établissement ignoré`,
        )
        return
      }
      const read = readSite(ege, siteReport, entity.finessEj, extractDate)
      if (!read) return
      const signature = JSON.stringify(ege)
      const previous = sites.get(read.record.finessEg)
      if (previous) {
        siteReport.duplicate(
          'informationsGeneralesEGE.numFinessEge',
          read.record.finessEg,
          previous.line ?? 0,
          previous.signature === signature && previous.record.finessEj === entity.finessEj,
        )
        return
      }
      const { swapped: wasSwapped, sourceId, ...kept } = read
      sites.set(read.record.finessEg, { ...kept, signature })
      if (sourceId !== null) ids.sites.set(sourceId, read.record.finessEg)
      if (wasSwapped) {
        swapped++
        firstSwapped ??= siteReport.line
      }
      if (entity.closedOn !== null && read.closedOn === null)
        siteReport.warn(
          'legal-entity-closed',
          'etatObjet',
          clean(ege.etatObjet),
          `établissement actif alors que son entité juridique ${entity.finessEj} (${path}) est fermée depuis le ${entity.closedOn} : gardé ouvert, comme le dit le flux`,
        )
      if (!departementFromFiness(read.record.finessEg))
        siteReport.warn(
          'departement-unknown',
          'informationsGeneralesEGE.numFinessEge',
          read.record.finessEg,
          `le début du numéro ${read.record.finessEg} ne correspond à aucun département connu`,
        )
    })
  })
  if (swapped > 0) issues.push(swappedIssue(swapped, firstSwapped))

  return {
    schemaVersion: flow.schemaVersion.trim(),
    generatedAt: flow.generatedAt.trim(),
    extractDate,
    encoding,
    gzipped,
    lineCount: countLines(source),
    legalEntities: [...entities.values()].map(({ line: _line, signature: _signature, ...e }) => e),
    sites: [...sites.values()].map(({ signature: _signature, ...s }) => s),
    groups: readGroups(flow, lines, issues, ids),
    issues: sortIssues(issues),
  }
}
