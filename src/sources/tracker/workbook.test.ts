// The whole workbook: two monthly tabs read, the national-average and methodology tabs skipped with their
// reason, one value kept per structure, indicator and month across tabs.
import { describe, expect, it } from 'vitest'
import type { Observation } from '../../domain/observations/observation'
import type { TableSheet } from '../tabular/table'
import { SourceFileError } from '../source-error'
import {
  AUGUST_SHEET,
  JULY_SHEET,
  METHODOLOGY_SHEET,
  NATIONAL_SHEET,
  toTableSheet,
  TRACKER_FILE_NAME,
  trackerModel,
  trackerResolver,
  trackerTableSheets,
} from '../../../test/support/tracker-workbook'
import { readTrackerWorkbook } from './read-workbook'

async function readAll(sheets: Iterable<TableSheet>) {
  const reading = readTrackerWorkbook(sheets, { fileName: TRACKER_FILE_NAME, resolve: trackerResolver() })
  const observations: Observation[] = []
  for await (const o of reading.observations()) observations.push(o)
  return { observations, report: reading.report }
}

const sheetOf = (name: string, rows: string[][]): TableSheet => ({
  name,
  rows: (async function* () {
    yield* rows.map((cells, i) => ({ line: i + 1, cells }))
  })(),
})

describe('a tracker workbook', () => {
  it('reads both monthly tabs and skips the national-average and methodology tabs, saying why', async () => {
    const { report } = await readAll(trackerTableSheets())
    expect(report.sheets.map((s) => [s.sheet, s.status, s.skipped])).toEqual([
      [AUGUST_SHEET, 'read', null],
      [JULY_SHEET, 'read', null],
      [
        NATIONAL_SHEET,
        'skipped',
        {
          kind: 'national-average',
          reason: 'onglet de comparaison à la moyenne nationale : pas de données d’établissement',
        },
      ],
      [
        METHODOLOGY_SHEET,
        'skipped',
        { kind: 'methodology', reason: 'onglet de méthodologie : pas de données d’établissement' },
      ],
    ])
    expect(report.sheets.flatMap((s) => s.issues)).toEqual([])
  })

  it('dates the July tab with its own months', async () => {
    const { observations, report } = await readAll(trackerTableSheets())
    const july = report.sheets[1]
    expect(july?.followUp?.period).toBe('2022-07')
    expect(july?.themes.map((t) => `${t.theme} ${t.period}`)).toEqual([
      'segur 2022-07',
      'insi 2022-07',
      'mssante 2022-06',
      'dmp 2022-07',
    ])
    const pick = (indicator: string, finess: string) =>
      observations
        .filter((o) => o.indicator === indicator && o.finess === finess)
        .map((o) => `${o.period} ${o.number ?? o.text}`)
    expect(pick('insi.taux-qualifiees', '240000372')).toEqual(['2022-08 47', '2022-07 41'])
    expect(pick('mss.messages-envoyes', '240000059')).toEqual(['2022-07 1830', '2022-06 1650'])
    expect(pick('mss.messages-envoyes', '010780054')).toEqual(['2022-07 50', '2022-06 42'])
    expect(pick('suivi.meteo', '240000372')).toEqual(['2022-08 en-cours', '2022-07 non-demarre'])
    expect(pick('dmp.certificat.commande', '160013207')).toEqual(['2022-08 commande', '2022-07 non-commande'])
  })

  it('skips a tab without tracker headers, and refuses a workbook without any follow-up tab', async () => {
    const notes = sheetOf('Feuil3', [['Notes de la réunion du 14/10'], ['Relancer les éditeurs']])
    const { report } = await readAll([notes, ...trackerTableSheets()])
    expect(report.sheets[0]).toMatchObject({
      sheet: 'Feuil3',
      status: 'skipped',
      skipped: {
        kind: 'not-a-tracker',
        reason: 'aucune ligne d’en-têtes avec « FINESS Géographique » dans les 20 premières lignes',
      },
    })
    const onlyOthers = trackerTableSheets().slice(2)
    await expect(readAll(onlyOthers)).rejects.toThrow(SourceFileError)
    await expect(readAll(trackerTableSheets().slice(2))).rejects.toThrow(
      `${TRACKER_FILE_NAME} : aucun onglet de suivi Ségur ES (« Moyenne nationale » : onglet de comparaison à la moyenne nationale : pas de données d’établissement ; « Méthodologie » : onglet de méthodologie : pas de données d’établissement)`,
    )
  })

  it('keeps the first value when a tab repeats a month with a title left unchanged, and says so', async () => {
    const [august, july] = trackerModel()
    if (!august || !july) throw new Error('no sheets')
    const titles = july.rows[1] ?? []
    titles[28] = 'INSi - Août 2022' // AC2, copied from the August tab and not updated
    const { observations, report } = await readAll([toTableSheet(august), toTableSheet(july)])
    expect(report.sheets[1]?.issues.map((i) => `${i.line} ${i.code} ${i.message}`)).toEqual([
      `2 month-repeated thème INSi de 2022-08 déjà lu dans l’onglet « ${AUGUST_SHEET} » (INSi - Août 2022) : les valeurs déjà lues sont conservées`,
      `5 duplicate-conflict colonne AD « Taux d'identités qualifiées (à calculer sur les usagers pris en charge sur dernier mois) » : valeur de 2022-08 déjà lue ligne 5 de l’onglet « ${AUGUST_SHEET} » (« 47 ») : « 41 » ignoré`,
      `6 duplicate-conflict colonne AD « Taux d'identités qualifiées (à calculer sur les usagers pris en charge sur dernier mois) » : valeur de 2022-08 déjà lue ligne 6 de l’onglet « ${AUGUST_SHEET} » (« 60 ») : « 55 » ignoré`,
    ])
    const rates = observations.filter(
      (o) => o.indicator === 'insi.taux-qualifiees' && o.finess === '240000372',
    )
    expect(rates.map((o) => `${o.period} ${o.number}`)).toEqual(['2022-08 47'])
  })
})
