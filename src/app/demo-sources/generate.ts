// Generates the demo's national source files: for each source of the plan and each month it has a file,
// the rows of its generator, written under the documented headers (NATIONAL_SOURCES), with the planted
// imperfections. Pure apart from the bytes it returns: no clock, no Math.random.
import { hasValidFinessKey } from '../../domain/finess'
import type { Period } from '../../domain/observations/period'
import type { SourceCode } from '../../sources/monthly/source-definition'
import { findSource } from '../../sources/monthly/sources/index'
import type { DemoSite } from '../../store/demo-queries'
import { csvBytes, xlsxBytes, type TableContent } from './files'
import { GENERATORS } from './generators/index'
import type { DemoRow, DemoTable, MonthContext, SourceGenerator } from './generators/types'
import { demoWindow, hasFile, monthsBack, SOURCE_PLANS, type SourcePlan, type Window } from './plan'
import { profilesOf } from './profiles'
import { Random } from './random'

export interface DemoFile {
  source: SourceCode
  period: Period
  fileName: string
  bytes: Uint8Array
  /** Data rows written (planted ones included). */
  rows: number
  /** A damaged copy, which the import is expected to refuse before the good one is imported. */
  damaged: boolean
  /** French: what was planted in this file, for the log and the LISEZMOI. */
  planted: string[]
}

export interface GenerateOptions {
  until?: Period
  months?: number
  /** Only these sources (default: all of the plan). */
  sources?: readonly SourceCode[]
  /** Whether the referential knows a FINESS number: planted unknown numbers must really be unknown. */
  isKnown: (finess: string) => boolean
}

/** A valid FINESS number (check key passes) of the département that the referential does not know. */
function unknownFiness(departement: string, isKnown: (f: string) => boolean, ...keys: string[]): string {
  const r = Random.for('unknown-finess', ...keys)
  for (;;) {
    const body = `${departement}${String(r.int(0, 999_999)).padStart(6, '0')}`
    for (let key = 0; key <= 9; key++) {
      const finess = `${body}${key}`
      if (hasValidFinessKey(finess) && !isKnown(finess)) return finess
    }
  }
}

function plantImperfections(
  plan: SourcePlan,
  table: DemoTable,
  back: number,
  period: Period,
  isKnown: (f: string) => boolean,
): { rows: DemoRow[]; planted: string[] } {
  const rows = [...table.rows]
  const planted: string[] = []
  const r = Random.for('imperfections', plan.code, period)
  if (plan.unknownFiness.includes(back) && rows.length > 0) {
    // The same two numbers month after month: structures that the FINESS extract does not list yet.
    for (const n of [1, 2]) {
      const model = r.pick(rows)
      const departement = (model.cells.finess ?? '35').slice(0, 2)
      const finess = unknownFiness(departement, isKnown, plan.code, String(n))
      rows.splice(r.int(0, rows.length), 0, {
        cells: { ...model.cells, finess },
        extra: { 'Raison sociale': n === 1 ? 'STRUCTURE NOUVELLE (HORS FINESS)' : 'STRUCTURE INCONNUE' },
      })
      planted.push(`FINESS ${finess} inconnu du référentiel`)
    }
  }
  if (plan.duplicate === back && rows.length > 0) {
    const at = r.int(0, rows.length - 1)
    const row = rows[at]
    if (row) {
      rows.splice(at + 1, 0, row)
      planted.push(`ligne du FINESS ${row.cells.finess ?? ''} en double`)
    }
  }
  return { rows, planted }
}

function content(
  generator: SourceGenerator,
  preamble: readonly string[],
  rows: readonly DemoRow[],
): TableContent {
  const definition = findSource(generator.code)
  if (!definition) throw new Error(`demo: no source definition for ${generator.code}`)
  const header = (key: string): string => {
    const spec = definition.columns[key]
    if (!spec) throw new Error(`demo: column ${key} is not in the ${generator.code} source definition`)
    return spec.header
  }
  const [first = 'finess', ...rest] = generator.columns
  return {
    preamble,
    headers: [header(first), ...generator.extraHeaders, ...rest.map(header)],
    rows: rows.map((row) => [
      row.cells[first] ?? '',
      ...generator.extraHeaders.map((h) => row.extra?.[h] ?? ''),
      ...rest.map((key) => row.cells[key] ?? ''),
    ]),
  }
}

/** Publication date written into a workbook: the 10th of the month after the data. */
function publishedOn(period: Period): Date {
  const [year = 2000, month = 1] = period.split('-').map(Number)
  return new Date(Date.UTC(year, month, 10, 9, 0, 0))
}

async function encode(plan: SourcePlan, table: TableContent, period: Period): Promise<Uint8Array> {
  if (plan.format === 'xlsx')
    return xlsxBytes(table, {
      sheetName: 'Données',
      textColumns: new Set([0]),
      date: publishedOn(period),
    })
  return csvBytes(table, plan.format === 'csv-cp1252' ? 'windows-1252' : 'utf-8-bom')
}

/** A download cut at 55 %: the end of the archive, where its directory lies, is lost. */
function truncated(bytes: Uint8Array): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length * 0.55))
}

const damagedName = (fileName: string): string => fileName.replace(/(\.[a-z]+)$/, ' - copie tronquee$1')

async function filesOfSource(
  plan: SourcePlan,
  generator: SourceGenerator,
  window: Window,
  sites: readonly DemoSite[],
  isKnown: (f: string) => boolean,
): Promise<DemoFile[]> {
  const profiles = profilesOf(sites)
  const months: MonthContext[] = plan.fixedPeriods
    ? plan.fixedPeriods.map((period) => ({ period, index: -1, months: window.months }))
    : window.periods
        .map((period, index) => ({ period, index, months: window.months }))
        .filter((m) => hasFile(plan, window, m.index))
  const files: DemoFile[] = []
  for (const month of months) {
    const table = generator.table(profiles, month)
    if (table.rows.length === 0) continue
    const back = plan.fixedPeriods ? -1 : monthsBack(window, month.index)
    const { rows, planted } = plantImperfections(plan, table, back, month.period, isKnown)
    const bytes = await encode(plan, content(generator, table.preamble, rows), month.period)
    const fileName = generator.fileName(month.period)
    const base = { source: plan.code, period: month.period, rows: rows.length }
    if (plan.damaged === back)
      files.push({
        ...base,
        fileName: damagedName(fileName),
        bytes: truncated(bytes),
        damaged: true,
        planted: ['copie tronquée (téléchargement interrompu)'],
      })
    files.push({ ...base, fileName, bytes, damaged: false, planted })
  }
  return files
}

/** Every demo file, in the order they are imported: by period, then by source as the plan lists them. */
export async function generateDemoSources(
  sites: readonly DemoSite[],
  options: GenerateOptions,
): Promise<DemoFile[]> {
  const window = demoWindow(options.until, options.months)
  const files: DemoFile[] = []
  for (const plan of SOURCE_PLANS) {
    if (options.sources && !options.sources.includes(plan.code)) continue
    const generator = GENERATORS[plan.code]
    if (!generator) continue
    files.push(...(await filesOfSource(plan, generator, window, sites, options.isKnown)))
  }
  const order = new Map(SOURCE_PLANS.map((p, i) => [p.code, i]))
  return files
    .map((file, i) => ({ file, i }))
    .sort(
      (a, b) =>
        a.file.period.localeCompare(b.file.period) ||
        (order.get(a.file.source) ?? 0) - (order.get(b.file.source) ?? 0) ||
        a.i - b.i,
    )
    .map(({ file }) => file)
}
