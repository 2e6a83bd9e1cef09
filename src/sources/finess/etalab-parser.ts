// Parser of the FINESS etalab extract (cs1100507): bytes in, site records and row-level issues out.
// It knows the format, not the database. Whole-file problems throw SourceFileError; row problems are
// reported with their line and the row is skipped (rejected) or kept with a warning (repaired).
import type { SiteRecord } from '../../domain/structure'
import { departementFromFiness } from '../../domain/finess'
import { decodeTextFile, repairMojibake, type TextEncoding } from '../decode'
import { splitLine, splitLines } from '../line-fields'
import { SourceFileError, sortIssues, type RowIssue } from '../source-error'
import {
  GEOLOCATION_FIELDS,
  GEOLOCATION_TAG,
  HEADER_PATTERN,
  STRUCTURE_FIELDS,
  STRUCTURE_TAG,
} from './etalab-layout'
import { readEtalabGeolocation, readEtalabStructure, type RowContext } from './etalab-rows'

export interface ParsedSite {
  line: number
  record: SiteRecord
}

export interface EtalabExtract {
  extractNumber: number
  extractDate: string
  encoding: TextEncoding
  gzipped: boolean
  sites: ParsedSite[]
  issues: RowIssue[]
  structureLines: number
  geolocationLines: number
}

function readHeader(fileName: string, firstLine: string): { extractNumber: number; extractDate: string } {
  const header = HEADER_PATTERN.exec(firstLine.trim())
  if (!header) {
    const shown = firstLine.length > 80 ? `${firstLine.slice(0, 80)}…` : firstLine
    throw new SourceFileError(
      fileName,
      `ce n'est pas un extrait FINESS etalab : la première ligne devrait être « finess;etalab;N;AAAA-MM-JJ », elle est « ${shown} ».`,
      1,
    )
  }
  return { extractNumber: Number(header[1]), extractDate: header[2] ?? '' }
}

export function parseEtalabExtract(fileName: string, raw: Uint8Array): EtalabExtract {
  const { text, encoding, gzipped } = decodeTextFile(fileName, raw)
  const lines = splitLines(text)
  const { extractNumber, extractDate } = readHeader(fileName, lines[0] ?? '')

  const issues: RowIssue[] = []
  const ctx: RowContext = { issues, extractDate }
  // The line's text is its signature: two lines for one site are the same site only if they are identical.
  const sites = new Map<string, ParsedSite & { signature: string }>()
  let structureLines = 0
  let geolocationLines = 0

  const last = lines.length > 1 ? splitLine(lines[lines.length - 1] ?? '') : null
  if (last && !/\n$/.test(text)) {
    const expected =
      last.ok && last.fields[0] === GEOLOCATION_TAG ? GEOLOCATION_FIELDS.length : STRUCTURE_FIELDS.length
    if (!last.ok || last.fields.length < expected + 1) {
      throw new SourceFileError(
        fileName,
        'la dernière ligne est incomplète : le fichier est tronqué.',
        lines.length,
      )
    }
  }

  for (let index = 1; index < lines.length; index++) {
    const line = index + 1
    let content = lines[index] ?? ''
    if (content.trim() === '') continue
    const repaired = encoding === 'windows-1252' ? repairMojibake(content) : null
    if (repaired !== null) {
      issues.push({
        line,
        severity: 'warning',
        code: 'encoding-repaired',
        field: null,
        finess: null,
        value: null,
        message: 'ligne en UTF-8 dans un fichier en Windows-1252 : accents relus en UTF-8',
      })
      content = repaired
    }
    const split = splitLine(content)
    if (!split.ok) {
      issues.push({
        line,
        severity: 'rejected',
        code: 'quote-unbalanced',
        field: null,
        finess: null,
        value: null,
        message: split.reason,
      })
      continue
    }
    const cells = split.fields
    for (let i = 0; i < cells.length; i++) cells[i] = (cells[i] as string).trim()
    const tag = cells[0]
    if (tag === STRUCTURE_TAG) {
      structureLines++
      const site = readEtalabStructure(cells.slice(1), line, ctx)
      if (!site) continue
      const signature = content
      const previous = sites.get(site.finessEg)
      if (!previous) {
        sites.set(site.finessEg, { line, record: site, signature })
      } else if (previous.signature === signature) {
        ctx.issues.push(duplicateIssue(line, site.finessEg, previous.line, 'warning'))
      } else {
        ctx.issues.push(duplicateIssue(line, site.finessEg, previous.line, 'rejected'))
      }
    } else if (tag === GEOLOCATION_TAG) {
      geolocationLines++
      readEtalabGeolocation(cells.slice(1), line, ctx, (finess) => sites.get(finess)?.record)
    } else {
      issues.push({
        line,
        severity: 'rejected',
        code: 'unknown-record',
        field: null,
        finess: null,
        value: tag ?? '',
        message: `type d'enregistrement inconnu « ${(tag ?? '').slice(0, 40)} » (attendu ${STRUCTURE_TAG} ou ${GEOLOCATION_TAG})`,
      })
    }
  }

  if (structureLines === 0) {
    throw new SourceFileError(
      fileName,
      'aucune ligne structureet : le fichier ne contient aucun établissement.',
    )
  }
  if (geolocationLines === 0) {
    throw new SourceFileError(
      fileName,
      `aucune ligne ${GEOLOCATION_TAG} après les ${structureLines} établissements : le fichier est tronqué (la section de géolocalisation manque).`,
    )
  }
  for (const site of sites.values()) {
    if (!departementFromFiness(site.record.finessEg)) {
      issues.push({
        line: site.line,
        severity: 'warning',
        code: 'departement-unknown',
        field: 'nofinesset',
        finess: site.record.finessEg,
        value: site.record.finessEg.slice(0, 4),
        message: `le début du numéro ${site.record.finessEg} ne correspond à aucun département connu`,
      })
    }
  }
  return {
    extractNumber,
    extractDate,
    encoding,
    gzipped,
    sites: [...sites.values()].map(({ line, record }) => ({ line, record })),
    issues: sortIssues(issues),
    structureLines,
    geolocationLines,
  }
}

function duplicateIssue(
  line: number,
  finess: string,
  firstLine: number,
  severity: 'warning' | 'rejected',
): RowIssue {
  return {
    line,
    severity,
    code: severity === 'warning' ? 'duplicate-identical' : 'duplicate-conflict',
    field: 'nofinesset',
    finess,
    value: finess,
    message:
      severity === 'warning'
        ? `FINESS ET ${finess} déjà lu ligne ${firstLine} avec le même contenu : doublon ignoré`
        : `FINESS ET ${finess} déjà lu ligne ${firstLine} avec un contenu différent : ligne ignorée, la ligne ${firstLine} est conservée`,
  }
}
