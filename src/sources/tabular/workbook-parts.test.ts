// Workbooks built part by part, as other programs write them: parts in another order, absolute targets,
// chart sheets, inline strings, ZIP64 directories, and broken ones.
import { describe, expect, it } from 'vitest'
import { SourceFileError } from '../source-error'
import { openTable } from './open-table'
import type { TableRow } from './table'
import { buildZip, type FixtureEntry, type FixtureOptions } from './zip-fixtures'

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'

interface SheetSpec {
  name: string
  rows: string
  target?: string
  type?: 'worksheet' | 'chartsheet'
}

function workbookEntries(sheets: SheetSpec[], sharedStrings: string[] = []): FixtureEntry[] {
  const list = sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')
  const rels = sheets
    .map((s, i) => {
      const target = s.target ?? `worksheets/sheet${i + 1}.xml`
      return `<Relationship Id="rId${i + 1}" Type="${REL}/${s.type ?? 'worksheet'}" Target="${target}"/>`
    })
    .join('')
  const strings = sharedStrings.map((s) => `<si><t>${s}</t></si>`).join('')
  return [
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${list}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `${rels}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="/xl/strings.xml"/></Relationships>`,
    },
    { name: 'xl/strings.xml', data: `<sst xmlns="${MAIN}">${strings}</sst>` },
    ...sheets.map((s, i) => ({
      name: s.target?.startsWith('/')
        ? s.target.slice(1)
        : `xl/${s.target ?? `worksheets/sheet${i + 1}.xml`}`,
      data: `<worksheet xmlns="${MAIN}"><sheetData>${s.rows}</sheetData></worksheet>`,
    })),
  ]
}

async function read(entries: FixtureEntry[], options?: FixtureOptions) {
  const table = await openTable('classeur.xlsx', buildZip(entries, options))
  const sheets: { name: string; rows: TableRow[] }[] = []
  for await (const sheet of table.sheets()) {
    const rows: TableRow[] = []
    for await (const row of sheet.rows) rows.push(row)
    sheets.push({ name: sheet.name, rows })
  }
  return sheets
}

async function refusal(entries: FixtureEntry[]): Promise<SourceFileError> {
  try {
    await read(entries)
  } catch (error) {
    if (error instanceof SourceFileError) return error
    throw error
  }
  throw new Error('the workbook was read')
}

const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`

describe('workbooks from other programs', () => {
  it('gives the sheets in workbook order, not archive order, whatever their part names', async () => {
    const entries = workbookEntries(
      [
        {
          name: 'Synthèse & suivi',
          rows: row(1, '<c r="A1" t="s"><v>0</v></c>'),
          target: 'worksheets/zz.xml',
        },
        { name: 'Graphique', rows: '', type: 'chartsheet', target: 'chartsheets/sheet1.xml' },
        { name: 'Détail', rows: row(2, '<c r="B2"><v>1830</v></c>'), target: '/xl/worksheets/sheet1.xml' },
      ],
      ['FINESS'],
    ).map((entry) =>
      entry.name === 'xl/workbook.xml' ? { ...entry, data: String(entry.data).replace('&', '&amp;') } : entry,
    )
    // The worksheets first, then the shared strings, the workbook last, as some writers do.
    const sheets = await read([...entries.slice(3).reverse(), ...entries.slice(0, 3).reverse()])
    expect(sheets).toEqual([
      { name: 'Synthèse & suivi', rows: [{ line: 1, cells: ['FINESS'] }] },
      { name: 'Détail', rows: [{ line: 2, cells: ['', '1830'] }] },
    ])
  })

  it('reads inline strings, formula results of every type, and skips rows without values', async () => {
    const cells =
      row(
        1,
        '<c r="A1" t="inlineStr"><is><t>Libellé &amp; co</t></is></c><c r="C1" t="str"><f>A1</f><v>Libellé</v></c>',
      ) +
      row(2, '') +
      row(3, '<c r="A3" s="0"/>') +
      row(
        4,
        '<c r="A4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B4" t="e"><v>#REF!</v></c><c r="C4"><f>B1</f></c>',
      ) +
      row(5, '<c r="A5" t="b"><v>1</v></c><c r="B5" t="b"><f>TRUE()</f><v>1</v></c>')
    const [sheet] = await read(workbookEntries([{ name: 'Feuil1', rows: cells }]))
    expect(sheet?.rows).toEqual([
      { line: 1, cells: ['Libellé & co', '', 'Libellé'] },
      // An error result is NaN in ExcelJS's reader: the formula is given, for the consumer to refuse.
      { line: 4, cells: ['=1/0', '#REF!', '=B1'] },
      // A boolean formula result comes as a number from ExcelJS's reader (documented limitation).
      { line: 5, cells: ['Oui', '1'] },
    ])
  })

  it('reads a ZIP64 directory', async () => {
    const entries = workbookEntries(
      [{ name: 'Feuil1', rows: row(1, '<c r="A1" t="s"><v>0</v></c>') }],
      ['ok'],
    )
    expect(await read(entries, { zip64: true })).toEqual([
      { name: 'Feuil1', rows: [{ line: 1, cells: ['ok'] }] },
    ])
  })

  it('reads parts stored without compression', async () => {
    const entries = workbookEntries([{ name: 'Feuil1', rows: row(1, '<c r="A1"><v>47.5</v></c>') }])
    const stored = entries.map((entry) => ({ ...entry, stored: true }))
    expect(await read(stored)).toEqual([{ name: 'Feuil1', rows: [{ line: 1, cells: ['47.5'] }] }])
  })
})

describe('broken workbooks', () => {
  const UNREADABLE = /^classeur\.xlsx : classeur XLSX illisible ou tronqué/

  it('refuses a workbook without its relationships', async () => {
    const entries = workbookEntries([{ name: 'Feuil1', rows: '' }]).filter((e) => !e.name.includes('_rels'))
    expect((await refusal(entries)).message).toMatch(UNREADABLE)
  })

  it('refuses a workbook whose worksheet part is missing', async () => {
    const entries = workbookEntries([{ name: 'Feuil1', rows: '' }]).filter(
      (e) => !e.name.includes('worksheets'),
    )
    expect((await refusal(entries)).message).toMatch(UNREADABLE)
  })

  it('refuses a workbook without any worksheet', async () => {
    const entries = workbookEntries([{ name: 'Graphique', rows: '', type: 'chartsheet' }])
    expect((await refusal(entries)).message).toBe(
      'classeur.xlsx : le classeur ne contient aucune feuille de calcul.',
    )
  })

  it('refuses a worksheet whose XML is broken, naming the sheet', async () => {
    const entries = workbookEntries([{ name: 'Feuil1', rows: '<row r="1"><c r="A1"><v>1</v></row>' }])
    expect((await refusal(entries)).message).toMatch(
      /^classeur\.xlsx : feuille « Feuil1 » : classeur XLSX illisible ou tronqué/,
    )
  })

  it('refuses a workbook part whose XML is broken', async () => {
    const entries = workbookEntries([{ name: 'Feuil1', rows: '' }]).map((entry) =>
      entry.name === 'xl/strings.xml' ? { ...entry, data: '<sst><si><t>a</si></sst>' } : entry,
    )
    expect((await refusal(entries)).message).toMatch(UNREADABLE)
  })

  it('refuses an encrypted entry', async () => {
    const bytes = buildZip(workbookEntries([{ name: 'Feuil1', rows: '' }]))
    // The "encrypted" flag of the first directory record (the workbook part).
    const directory = Buffer.from(bytes).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    bytes[directory + 8] = (bytes[directory + 8] ?? 0) | 0x1
    await expect(openTable('classeur.xlsx', bytes)).rejects.toThrow(UNREADABLE)
  })
})
