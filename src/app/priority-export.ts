// A priority list's results as a file: XLSX (a "Priorités" sheet, one row per site with one column per
// criterion holding its reason, and a "Critères" sheet with each criterion's weight, parameters, count
// and grid link) or CSV (the first sheet, for a French spreadsheet, formulas neutralised by app/csv.ts).
// ExcelJS writes text cells as text, never as formulas, so the workbook needs no neutralising.
import ExcelJS from 'exceljs'
import type { AccessUser } from '../domain/access/permissions'
import type { CriterionResult, PriorityExportQuery } from '../domain/contract/priorities'
import { periodLabel } from '../domain/observations/period'
import { CRITERIA } from '../domain/priorities/criteria'
import type { Store } from '../store/database'
import { spreadsheetCsv, type CsvValue } from './csv'
import { evaluateList, type ListEvaluation } from './priorities'

export const PRIORITY_EXPORT_HEADER = [
  'Rang',
  'Score',
  'FINESS géographique',
  'FINESS juridique',
  'Établissement',
  'Région',
  'Département',
  'Catégorie',
] as const

function table(evaluation: ListEvaluation): { header: string[]; rows: CsvValue[][] } {
  const criteria = evaluation.criteria
  const header = [...PRIORITY_EXPORT_HEADER, ...criteria.map((c) => `${c.label} (poids ${c.weight})`)]
  const rows = evaluation.sites.map((site, i) => [
    i + 1,
    site.score,
    site.finessEg,
    site.finessEj,
    site.name,
    site.region,
    site.departement,
    site.categoryLabel ?? site.categoryCode,
    ...criteria.map((c) => site.reasons.find((r) => r.criterion === c.id)?.text ?? null),
  ])
  return { header, rows }
}

const parametersText = (c: CriterionResult) =>
  CRITERIA[c.id].parameters.map((p) => `${p.label} : ${c.parameters[p.id]} ${p.unit}`).join(' ; ')

export interface PriorityFile {
  body: Buffer | string
  fileName: string
  contentType: string
}

/** `priorites-<list or défaut>-<place>-<period>.<ext>`, ASCII only. */
export function priorityFileName(evaluation: ListEvaluation, query: PriorityExportQuery): string {
  const slug = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40)
  const place = query.departement
    ? `departement-${query.departement}`
    : query.region
      ? `region-${query.region}`
      : 'perimetre'
  const name = evaluation.list
    ? slug(evaluation.list.name) || `liste-${evaluation.list.id}`
    : 'criteres-par-defaut'
  return `priorites-${name}-${place}-${query.period}.${query.format}`
}

async function workbook(evaluation: ListEvaluation, query: PriorityExportQuery): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Priorités')
  const { header, rows } = table(evaluation)
  sheet.addRow(header).font = { bold: true }
  for (const row of rows) sheet.addRow(row)
  // FINESS as text: a spreadsheet would drop the leading zero of 010000024.
  for (const column of [3, 4]) sheet.getColumn(column).numFmt = '@'
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  header.forEach((_, i) => (sheet.getColumn(i + 1).width = i < 2 ? 8 : i < 4 ? 14 : i === 4 ? 40 : 30))
  const criteria = book.addWorksheet('Critères')
  criteria.addRow(['Critère', 'Poids', 'Paramètres', 'Établissements', 'Lien vers la grille']).font = {
    bold: true,
  }
  for (const c of evaluation.criteria)
    criteria.addRow([c.label, c.weight, parametersText(c), c.count, c.gridLinks.map((l) => l.href).join(' ')])
  criteria.addRow([])
  criteria.addRow([
    `Point de suivi : ${periodLabel(query.period)}. Score = somme des poids des critères remplis.`,
  ])
  criteria.getColumn(1).width = 60
  criteria.getColumn(3).width = 40
  criteria.getColumn(5).width = 80
  return Buffer.from(await book.xlsx.writeBuffer())
}

export async function priorityExport(
  store: Store,
  user: AccessUser,
  query: PriorityExportQuery,
): Promise<PriorityFile> {
  const evaluation = await evaluateList(store, user, query)
  const fileName = priorityFileName(evaluation, query)
  if (query.format === 'csv') {
    const { header, rows } = table(evaluation)
    return { body: spreadsheetCsv(header, rows), fileName, contentType: 'text/csv; charset=utf-8' }
  }
  return {
    body: await workbook(evaluation, query),
    fileName,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }
}
