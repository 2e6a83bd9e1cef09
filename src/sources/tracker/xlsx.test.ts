// End to end: the builder's workbook written by ExcelJS (merged titles, hidden columns, fills, FINESS
// numbers stored as numbers) and read back through openTable gives what the in-memory sheets give.
import { describe, expect, it } from 'vitest'
import type { Observation } from '../../domain/observations/observation'
import { openTable } from '../tabular/open-table'
import type { TableSheet } from '../tabular/table'
import {
  LINES,
  TRACKER_FILE_NAME,
  trackerResolver,
  trackerTableSheets,
  trackerWorkbookBytes,
  type TrackerDamage,
} from '../../../test/support/tracker-workbook'
import { readTrackerWorkbook } from './read-workbook'

async function readAll(sheets: AsyncIterable<TableSheet> | Iterable<TableSheet>) {
  const reading = readTrackerWorkbook(sheets, { fileName: TRACKER_FILE_NAME, resolve: trackerResolver() })
  const observations: Observation[] = []
  for await (const o of reading.observations()) observations.push(o)
  return { observations, report: reading.report }
}

describe('a tracker workbook written by Excel', () => {
  it('reads through openTable as it reads in memory, damage included', async () => {
    const damage: TrackerDamage = { finessAsNumbers: true, formulaComment: true, messagesDisagree: true }
    const file = await openTable(TRACKER_FILE_NAME, await trackerWorkbookBytes(damage))
    expect(file.format).toBe('xlsx')
    const fromXlsx = await readAll(file.sheets())
    const inMemory = await readAll(trackerTableSheets(damage))
    expect(fromXlsx.observations).toEqual(inMemory.observations)
    expect(fromXlsx.report).toEqual(inMemory.report)
    const august = fromXlsx.report.sheets[0]
    expect(august?.themes.map((t) => `${t.theme} ${t.period}`)).toEqual([
      'segur 2022-08',
      'insi 2022-08',
      'mssante 2022-07',
      'dmp 2022-08',
    ])
    expect(fromXlsx.report.sheets.map((s) => s.status)).toEqual(['read', 'read', 'skipped', 'skipped'])
    expect(august?.issues.map((i) => `${i.line} ${i.code} ${i.field}`)).toEqual([
      `${LINES.angouleme} formula-refused Commentaires`,
      `${LINES.fleyriat} finess-repaired FINESS Géographique`,
      `${LINES.fleyriat} finess-repaired FINESS Juridique`,
      `${LINES.fleyriat} finess-repaired FINESS PMSI`,
      `${LINES.usld} finess-repaired FINESS Géographique`,
      `${LINES.usld} finess-repaired FINESS Juridique`,
      `${LINES.usld} finess-repaired FINESS PMSI`,
      `${LINES.usld} ej-value-differs Nb de messages envoyés`,
    ])
  })
})
