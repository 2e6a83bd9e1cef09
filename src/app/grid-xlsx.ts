// The grid as the "Suivi Ségur ES" workbook regions keep using (seed 002): a follow-up tab laid out like
// theirs (theme titles with their month on row 2, headers on row 3 coloured by owner, data from row 5,
// FINESS as text), the national average tab and a methodology tab naming each source and its month. Written
// with ExcelJS's streaming writer, one page of rows at a time, so that a national export stays in bounded
// memory; its file name follows the seed's archive convention.
import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { GridQuery } from '../domain/contract/grid'
import type { AccessUser } from '../domain/access/permissions'
import { FIELD_OWNER_LABELS, type FieldOwner } from '../domain/access/field-ownership'
import { GRID_THEME_INFO, type GridColumn, type GridTheme } from '../domain/grid/columns'
import { periodLabel, type Period } from '../domain/observations/period'
import type { Store } from '../store/database'
import { regionName } from '../store/reference'
import { gridAverages } from './grid-averages'
import { exportHeader, exportValue, IDENTITY_HEADERS, planExport } from './grid-export-rows'

/** Grey for the national columns, yellow for the region's (seed 002), green for the establishment's. */
const OWNER_FILL: Readonly<Record<FieldOwner | 'identity', string>> = {
  identity: 'FFD9D9D9',
  national: 'FFD9D9D9',
  regional: 'FFFFF2CC',
  establishment: 'FFE2EFDA',
}
/** Titles the tracker importer recognises (src/sources/tracker/themes.ts), so an export reads back. */
const THEME_TITLES: Readonly<Record<GridTheme, string>> = {
  identite: 'Identité',
  segur: 'Prestation Ségur (données issues de l’ASP et de la région)',
  sih: 'SIH',
  insi: 'INSi',
  mssante: 'MSSanté',
  dmp: 'DMP',
  programmes: 'Programmes',
  esms: 'ESMS numérique',
  etablissement: 'Déclarations de l’établissement',
}

/** "Août 2022", as the seed's titles write it. */
const monthTitle = (period: string) => {
  const label = periodLabel(period as Period)
  return label.charAt(0).toUpperCase() + label.slice(1)
}

const monthYear = (period: string | null | undefined) =>
  period ? `${period.slice(5, 7)}${period.slice(0, 4)}` : 'NA'

/** `2024_Suivi Ségur ES_BRETAGNE_V1_Logiciels-032024_INS-042024_MSS-032024_DMP-042024_Certificats-042024.xlsx` */
export function exportFileName(
  period: string,
  region: string,
  themes: ReadonlyMap<string, string | null>,
): string {
  const m = (theme: GridTheme) => monthYear(themes.get(theme))
  const place = region.toUpperCase().replace(/[\\/:*?"<>|]/g, ' ')
  return `${period.slice(0, 4)}_Suivi Ségur ES_${place}_V1_Logiciels-${m('segur')}_INS-${m('insi')}_MSS-${m('mssante')}_DMP-${m('dmp')}_Certificats-${m('dmp')}.xlsx`
}

async function placeName(store: Store, user: AccessUser, query: GridQuery): Promise<string> {
  const single = user.scopes.filter((s) => s.kind === 'region')
  const code = query.region ?? (single.length === 1 ? single[0]?.code : undefined)
  return (code && (await regionName(store.db, code))) || 'France'
}

const header = (fill: string) => ({
  font: { bold: true },
  alignment: { wrapText: true, vertical: 'middle' as const },
  fill: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: fill } },
  border: { bottom: { style: 'thin' as const } },
})

export interface GridWorkbook {
  fileName: string
  /** Writes the workbook to `output` and ends it. */
  write(output: Writable): Promise<void>
}

export async function gridWorkbook(
  store: Store,
  user: AccessUser,
  query: GridQuery,
  who: string,
): Promise<GridWorkbook> {
  const plan = await planExport(store, user, query)
  const themes = new Map(plan.first.themes.map((t) => [t.theme, t.month]))
  const place = await placeName(store, user, query)
  const averages = await gridAverages(store, user, {
    period: query.period,
    columns: plan.columns.map((c) => c.key),
    region: query.region,
  })
  const fileName = exportFileName(query.period, place, themes)

  async function write(output: Writable): Promise<void> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: false,
    })
    workbook.creator = 'Jalon'
    const sheet = workbook.addWorksheet(
      `Suivi Ségur ES - ${query.period.slice(5, 7)}-${query.period.slice(0, 4)}`,
      {
        views: [{ state: 'frozen', xSplit: IDENTITY_HEADERS.length, ySplit: 4 }],
      },
    )
    sheet.columns = [
      ...IDENTITY_HEADERS.map((_, i) => ({ width: i === 5 ? 40 : i === 4 ? 28 : 14 })),
      ...plan.columns.map((c) => ({ width: c.kind === 'text' ? 36 : 18 })),
    ]
    writeTitles(sheet, plan.columns, themes, `Suivi Ségur ES - ${monthTitle(query.period)} - ${place}`)
    const headers = sheet.addRow([...IDENTITY_HEADERS.map(([h]) => h), ...plan.columns.map(exportHeader)])
    headers.eachCell((cell, col) => {
      const column = plan.columns[col - 1 - IDENTITY_HEADERS.length]
      cell.style = header(OWNER_FILL[column ? column.owner : 'identity'])
    })
    headers.height = 45
    headers.commit()
    sheet.addRow([]).commit()
    for await (const rows of plan.pages) {
      for (const row of rows) {
        const line = sheet.addRow([
          ...IDENTITY_HEADERS.map(([, read]) => read(row)),
          ...plan.columns.map((c) => exportValue(c, row.values[c.key])),
        ])
        // FINESS numbers are text: "010000024" keeps its leading zero.
        for (let i = 1; i <= 3; i++) line.getCell(i).numFmt = '@'
        line.commit()
      }
    }
    sheet.commit()
    writeAverages(workbook, plan.columns, averages, place)
    writeMethodology(workbook, plan.columns, themes, query, place, who)
    await workbook.commit()
  }
  return { fileName, write }
}

/** Row 1: the sheet's title; row 2: each theme's title with its month, merged over its columns. */
function writeTitles(
  sheet: ExcelJS.Worksheet,
  columns: readonly GridColumn[],
  themes: ReadonlyMap<string, string | null>,
  title: string,
) {
  sheet.addRow([title]).commit()
  const row: (string | null)[] = IDENTITY_HEADERS.map(() => null)
  const merges: [number, number][] = []
  columns.forEach((c, i) => {
    const at = IDENTITY_HEADERS.length + i
    if (i > 0 && columns[i - 1]?.theme === c.theme) {
      const last = merges.at(-1)
      if (last) last[1] = at + 1
      row.push(null)
      return
    }
    const month = themes.get(c.theme)
    const dated = GRID_THEME_INFO[c.theme].source !== null && month ? ` - ${monthTitle(month)}` : ''
    row.push(`${THEME_TITLES[c.theme]}${dated}`)
    merges.push([at + 1, at + 1])
  })
  const titles = sheet.addRow(row)
  titles.font = { bold: true }
  // Merged before the row is committed: a streamed row cannot be touched once written.
  for (const [from, to] of merges) if (to > from) sheet.mergeCells(2, from, 2, to)
  titles.commit()
}

function writeAverages(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  columns: readonly GridColumn[],
  averages: Awaited<ReturnType<typeof gridAverages>>,
  place: string,
) {
  const sheet = workbook.addWorksheet('Moyenne nationale')
  sheet.columns = [{ width: 50 }, { width: 12 }, { width: 18 }, { width: 14 }, { width: 18 }, { width: 14 }]
  sheet
    .addRow([
      'Moyennes des colonnes quantitatives : chaque structure compte une fois, au niveau où elle est déclarée',
    ])
    .commit()
  const head = sheet.addRow([
    'Colonne',
    'Mois',
    'Moyenne nationale',
    'Structures',
    `Moyenne ${place}`,
    'Structures',
  ])
  head.font = { bold: true }
  head.commit()
  for (const a of averages.columns) {
    const column = columns.find((c) => c.key === a.key)
    if (!column) continue
    const num = (v: string | null) => (v === null ? null : Number(v))
    sheet
      .addRow([
        exportHeader(column),
        a.month,
        num(a.nation.value),
        a.nation.structures,
        a.region ? num(a.region.value) : null,
        a.region ? a.region.structures : null,
      ])
      .commit()
  }
  sheet.commit()
}

function writeMethodology(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  columns: readonly GridColumn[],
  themes: ReadonlyMap<string, string | null>,
  query: GridQuery,
  place: string,
  who: string,
) {
  const sheet = workbook.addWorksheet('Méthodologie')
  sheet.columns = [{ width: 36 }, { width: 22 }, { width: 16 }, { width: 70 }]
  const add = (cells: (string | null)[], bold = false) => {
    const row = sheet.addRow(cells)
    if (bold) row.font = { bold: true }
    row.commit()
  }
  add(['Méthodologie onglet Suivi Ségur ES'], true)
  add([
    'Objectif du fichier',
    null,
    null,
    'Suivre avec le territoire l’état d’avancement à la maille de l’établissement.',
  ])
  add(['Point de suivi', null, null, monthTitle(query.period)])
  add(['Périmètre', null, null, place])
  add(['Exporté par', null, null, `${who}, le ${new Date().toISOString().slice(0, 10)}, depuis Jalon`])
  add([])
  add(['Thème', 'Source', 'Mois des données', 'Responsable de la complétude'], true)
  const seen = new Set<GridTheme>()
  for (const c of columns) {
    if (seen.has(c.theme)) continue
    seen.add(c.theme)
    const info = GRID_THEME_INFO[c.theme]
    const owners = [
      ...new Set(
        columns
          .filter((o) => o.theme === c.theme)
          .map((o) => `${o.responsible} (${FIELD_OWNER_LABELS[o.owner]})`),
      ),
    ]
    const month = themes.get(c.theme)
    add([
      info.label,
      info.source ?? 'saisie',
      month ? monthTitle(month) : 'aucune donnée',
      owners.join(' ; '),
    ])
  }
  add([])
  add(['Colonnes grises : renseignées au national ; colonnes jaunes : renseignées par la région.'])
  sheet.commit()
}
