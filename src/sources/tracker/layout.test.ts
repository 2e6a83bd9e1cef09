// Tracker sheets laid out otherwise than the builder's: where the months come from, themes without titles,
// the spellings of each status, unknown and repeated columns.
import { describe, expect, it } from 'vitest'
import type { Observation } from '../../domain/observations/observation'
import { SourceFileError } from '../source-error'
import type { TableSheet } from '../tabular/table'
import { trackerResolver } from '../../../test/support/tracker-workbook'
import { parseMonthYear, periodsFromFileName } from './periods'
import { openTrackerSheet, type TrackerOptions } from './read-sheet'

/** Rows from line 1; an empty array is a blank row that the tabular reader leaves out. */
const sheetOf = (name: string, rows: string[][]): TableSheet => ({
  name,
  rows: (async function* () {
    for (const [i, cells] of rows.entries()) if (cells.length > 0) yield { line: i + 1, cells }
  })(),
})

const options = (more: Partial<TrackerOptions> = {}): TrackerOptions => ({
  fileName: 'suivi.xlsx',
  resolve: trackerResolver(),
  ...more,
})

async function read(sheet: TableSheet, more: Partial<TrackerOptions> = {}) {
  const reading = await openTrackerSheet(sheet, options(more))
  const observations: Observation[] = []
  for await (const o of reading.observations()) observations.push(o)
  const shown = observations.map((o) => `${o.indicator} ${o.period} ${o.number ?? o.text}`)
  return { shown, report: reading.report }
}

const BERGERAC = ['240000372', '240000059', '240000059']
const ids = ['FINESS Géographique', 'FINESS PMSI', 'FINESS Juridique']

describe('the months of a tracker sheet', () => {
  it('takes the follow-up month from a title when the tab is not named after it', async () => {
    const sheet = sheetOf('Feuil1', [
      ['Suivi Ségur ES - Août 2022'],
      ['', '', '', 'INSi - Juillet 2022'],
      [...ids, 'Appel de l’ES au TS INSi', 'Commentaires'],
      [...BERGERAC, 'oui', 'RAS'],
    ])
    const { shown, report } = await read(sheet)
    expect(report.followUp).toEqual({
      period: '2022-08',
      source: 'title',
      text: 'Suivi Ségur ES - Août 2022',
    })
    expect(shown).toEqual(['insi.appel-ts 2022-07 oui', 'suivi.commentaire.insi 2022-08 RAS'])
  })

  it('takes it from the caller last, and refuses a tab it cannot date', async () => {
    const rows = [
      [...ids, 'Météo'],
      [...BERGERAC, 'Non démarré'],
    ]
    const { shown, report } = await read(sheetOf('Feuil1', rows), { period: '2022-09' })
    expect(report.followUp?.source).toBe('caller')
    expect(shown).toEqual(['suivi.meteo 2022-09 non-demarre'])
    await expect(openTrackerSheet(sheetOf('Feuil1', rows), options())).rejects.toThrow(
      new SourceFileError(
        'suivi.xlsx',
        'onglet « Feuil1 » : impossible de dater le point de suivi (aucun mois dans le nom de l’onglet ni dans un titre au-dessus des en-têtes) ; indiquez la période',
        1,
      ),
    )
  })

  it('keeps the tab’s month over the caller’s and says so', async () => {
    const rows = [
      [...ids, 'Météo'],
      [...BERGERAC, 'Non démarré'],
    ]
    const { report } = await read(sheetOf('Août 2022', rows), { period: '2022-09' })
    expect(report.issues.map((i) => i.message)).toEqual([
      'la période demandée (2022-09) diffère de celle de l’onglet « Août 2022 » (2022-08) : mois de l’onglet retenu',
    ])
  })

  it('dates the DMP certificates with the second month of the DMP title', async () => {
    const title =
      "DMP - (1) données d'alimentation du DMP Août 2022, (2) commande des certificats DMP Juillet 2022"
    const sheet = sheetOf('Août 2022', [
      ['', '', '', title],
      [...ids, 'Documents de sorties DPI', 'Certificat DMP', 'Installation certificat DMP'],
      [...BERGERAC, 'Oui', 'Commande effectuée', 'Non'],
    ])
    const { shown } = await read(sheet)
    expect(shown).toEqual([
      'dmp.alimente.sortie 2022-08 oui',
      'dmp.certificat.commande 2022-07 commande',
      'dmp.certificat.installe 2022-07 non',
    ])
  })

  it('falls back on the archive’s file name, then on the follow-up month with a warning', async () => {
    const rows = [
      [...ids, 'DPI', 'Nb de messages envoyés', 'Certificat DMP'],
      [...BERGERAC, 'Commande signée', '1830', 'Commande effectuée'],
    ]
    const archive =
      '2022_Suivi Ségur ES_REGION_V1_Logiciels-082022_INS-082022_MSS-072022_DMP-082022_Certificats-062022.xlsx'
    const named = await read(sheetOf('Août 2022', rows), { fileName: archive })
    expect(named.shown).toEqual([
      'segur.commande.dpi 2022-08 signee',
      'mss.messages-envoyes 2022-07 1830',
      'dmp.certificat.commande 2022-06 commande',
    ])
    expect(named.report.themes.map((t) => t.source)).toEqual(['file-name', 'file-name', 'file-name'])
    const plain = await read(sheetOf('Août 2022', rows))
    expect(plain.shown).toEqual([
      'segur.commande.dpi 2022-08 signee',
      'mss.messages-envoyes 2022-08 1830',
      'dmp.certificat.commande 2022-08 commande',
    ])
    expect(plain.report.issues.map((i) => `${i.line} ${i.code} ${i.message}`)).toEqual([
      '1 theme-period-assumed aucun mois pour le thème Prestation Ségur (ni dans son titre, ni dans le nom du fichier) : mois du point de suivi (2022-08) retenu',
      '1 theme-period-assumed aucun mois pour le thème MSSanté (ni dans son titre, ni dans le nom du fichier) : mois du point de suivi (2022-08) retenu',
      '1 theme-period-assumed aucun mois pour le thème DMP (ni dans son titre, ni dans le nom du fichier) : mois du point de suivi (2022-08) retenu',
    ])
  })

  it('reads months as the archive names write them', () => {
    expect(['082022', '08-2022', '202208', 'Août2022', 'aout-2022', 'moisannée'].map(parseMonthYear)).toEqual(
      ['2022-08', '2022-08', '2022-08', '2022-08', '2022-08', null],
    )
    expect(
      periodsFromFileName(
        '2022_Suivi Ségur ES_REGION_V1_Logiciels-moisannée_INS-moisannée_MSS-moisannée_DMP-moisannée_Certificats-moisannée',
      ),
    ).toEqual({ segur: null, insi: null, mssante: null, dmp: null, certificates: null })
  })
})

describe('the columns of a tracker sheet', () => {
  it('accepts the usual spellings of each status and refuses an ambiguous one', async () => {
    const header = [...ids, 'DPI', 'PFI', 'Météo', 'Organisation pour qualifier les identités en place']
    const rows = [
      ['commande signée', 'Non concernée', 'En cours de déploiement – pas d’alerte', 'En cours-Pas d’alerte'],
      ['Pas de commande', 'Commande signée.', 'Déployé/VA signée', 'Alerte'],
      ['Commande signée', 'Commande signée', 'ALERTE', 'En place'],
      ['Commande signée', 'Commande signée', 'En cours', 'Non démarré'],
    ]
    const sheet = sheetOf('Août 2022', [
      ['', '', '', 'Prestation Ségur - Août 2022', '', '', 'INSi - Août 2022'],
      header,
      ...rows.map((r, i) => [['240000372', '160000253', '160013207', '010000024'][i] ?? '', '', '', ...r]),
    ])
    const { shown, report } = await read(sheet)
    expect(shown.filter((s) => !s.startsWith('segur.commande.dpi'))).toEqual([
      'segur.commande.pfi 2022-08 non-concerne',
      'suivi.meteo 2022-08 en-cours',
      'insi.organisation 2022-08 en-cours',
      'segur.commande.pfi 2022-08 signee',
      'suivi.meteo 2022-08 deploye',
      'insi.organisation 2022-08 alerte',
      'segur.commande.pfi 2022-08 signee',
      'suivi.meteo 2022-08 alerte',
      'insi.organisation 2022-08 en-place',
      'segur.commande.pfi 2022-08 signee',
      'insi.organisation 2022-08 non-demarre',
    ])
    expect(report.issues.map((i) => `${i.line} ${i.field} ${i.message}`)).toEqual([
      "6 Météo colonne F « Météo » : « En cours » ne dit pas s'il y a une alerte : écrire « En cours de déploiement - pas d’alerte » ou « En cours de déploiement - Alerte »",
    ])
  })

  it('reads MSSanté connection and DMP values as the tracker writes them', async () => {
    const sheet = sheetOf('Août 2022', [
      [...ids, 'ES Raccordé', 'Certificat DMP', 'ES Pilote MES'],
      [...BERGERAC, 'ES émetteur', 'Pas de commande', 'Oui'],
      ['160000253', '', '', 'Oui', 'commandé', 'Non'],
    ])
    const { shown } = await read(sheet)
    expect(shown).toEqual([
      'mss.raccordement 2022-08 emetteur',
      'dmp.certificat.commande 2022-08 non-commande',
      'identite.es-pilote-mes 2022-08 oui',
      'mss.raccordement 2022-08 raccorde',
      'dmp.certificat.commande 2022-08 commande',
      'identite.es-pilote-mes 2022-08 non',
    ])
  })

  it('lists unknown columns, ignores a repeated one and a comment outside any known theme', async () => {
    const sheet = sheetOf('Août 2022', [
      ['', '', '', '', '', '', 'HOP’EN - Août 2022'],
      [...ids, 'Date de la commande', 'DPI', 'DPI', 'Commentaires'],
      [...BERGERAC, '2022-03-01', 'Commande signée', 'Pas de commande signée', 'à revoir'],
    ])
    const { shown, report } = await read(sheet)
    expect(shown).toEqual(['segur.commande.dpi 2022-08 signee'])
    expect(report.layout?.ignored).toEqual(['D « Date de la commande »', 'F « DPI »', 'G « Commentaires »'])
    expect(report.issues.map((i) => `${i.line} ${i.code} ${i.message}`)).toEqual([
      '2 column-duplicate colonne F « DPI » : déjà lue colonne E : colonne ignorée',
      '2 column-unplaced colonne G « Commentaires » : commentaires hors d’un thème connu : colonne ignorée',
      '1 theme-period-assumed aucun mois pour le thème Prestation Ségur (ni dans son titre, ni dans le nom du fichier) : mois du point de suivi (2022-08) retenu',
    ])
    expect(report.layout?.missing).toContain('Météo')
  })

  it('skips tabs by name without reading them, and a tab whose headers are not found', async () => {
    const untouched: TableSheet = {
      name: 'Moyenne nationale - 08-2022',
      rows: {
        [Symbol.asyncIterator]: () => {
          throw new Error('read')
        },
      },
    }
    expect((await openTrackerSheet(untouched, options())).report.skipped?.kind).toBe('national-average')
    const late = sheetOf('Août 2022', [...Array.from({ length: 5 }, () => ['titre']), [...ids]])
    const reading = await openTrackerSheet(late, options({ headerSearchRows: 5 }))
    expect(reading.report.skipped).toEqual({
      kind: 'not-a-tracker',
      reason: 'aucune ligne d’en-têtes avec « FINESS Géographique » dans les 5 premières lignes',
    })
  })
})
