// The August tab of the builder holds seed 002's rows (lines 5–7, and the seed's fourth INSi/MSSanté row on
// line 8) plus a second site of line 8's EJ (line 9): every observation is spelled out.
import { describe, expect, it } from 'vitest'
import type { Observation } from '../../domain/observations/observation'
import {
  AUGUST_SHEET,
  TRACKER_FILE_NAME,
  trackerResolver,
  trackerTableSheets,
} from '../../../test/support/tracker-workbook'
import { openTrackerSheet } from './read-sheet'

const EXPECTED = [
  // CH DE BERGERAC (seed): MSSanté is July's data, counted on the EJ.
  '5|240000372|EG|identite.es-pilote-mes|2022-08|oui',
  '5|240000372|EG|identite.candidat-sun-es|2022-08|D4',
  '5|240000372|EG|segur.commande.dpi|2022-08|signee',
  '5|240000372|EG|segur.commande.pfi|2022-08|signee',
  '5|240000372|EG|segur.commande.ri|2022-08|non-signee',
  '5|240000372|EG|segur.commande.loinc|2022-08|signee',
  '5|240000372|EG|segur.commande.sgl|2022-08|non-concerne',
  '5|240000372|EG|segur.commande.radio|2022-08|signee',
  '5|240000372|EG|suivi.meteo|2022-08|en-cours',
  '5|240000372|EG|insi.appel-ts|2022-08|oui',
  '5|240000372|EG|insi.taux-qualifiees|2022-08|47',
  '5|240000372|EG|insi.organisation|2022-08|en-cours',
  '5|240000372|EG|suivi.commentaire.insi|2022-08|Difficulté avec Editeurs(vu avec CRIV/ANS)',
  '5|240000372|EG|mss.raccordement|2022-07|emetteur',
  '5|240000059|EJ|mss.messages-envoyes|2022-07|1830',
  '5|240000372|EG|dmp.alimente.sortie|2022-08|oui',
  '5|240000372|EG|dmp.alimente.biologie|2022-08|oui',
  '5|240000372|EG|dmp.alimente.imagerie|2022-08|oui',
  '5|240000372|EG|dmp.certificat.commande|2022-08|commande',
  '5|240000372|EG|dmp.certificat.installe|2022-08|oui',
  // CH D'ANGOULEME (seed).
  '6|160000253|EG|identite.es-pilote-mes|2022-08|oui',
  '6|160000253|EG|segur.commande.dpi|2022-08|signee',
  '6|160000253|EG|segur.commande.pfi|2022-08|signee',
  '6|160000253|EG|segur.commande.ri|2022-08|non-signee',
  '6|160000253|EG|segur.commande.loinc|2022-08|non-signee',
  '6|160000253|EG|segur.commande.sgl|2022-08|non-signee',
  '6|160000253|EG|segur.commande.radio|2022-08|signee',
  '6|160000253|EG|suivi.meteo|2022-08|deploye',
  '6|160000253|EG|insi.appel-ts|2022-08|oui',
  '6|160000253|EG|insi.taux-qualifiees|2022-08|60',
  '6|160000253|EG|insi.organisation|2022-08|en-cours',
  '6|160000253|EG|suivi.commentaire.insi|2022-08|Diffuse en interne pas encore en ext',
  '6|160000253|EG|mss.raccordement|2022-07|emetteur',
  '6|160000451|EJ|mss.messages-envoyes|2022-07|10980',
  '6|160000253|EG|dmp.alimente.sortie|2022-08|oui',
  '6|160000253|EG|dmp.alimente.biologie|2022-08|oui',
  '6|160000253|EG|dmp.alimente.imagerie|2022-08|oui',
  '6|160000253|EG|dmp.certificat.commande|2022-08|commande',
  '6|160000253|EG|dmp.certificat.installe|2022-08|oui',
  // CENTRE CLINICAL (seed): a private clinic whose PMSI is its EG; no INSi rate nor organisation.
  '7|160013207|EG|identite.candidat-sun-es|2022-08|D1 D4 Bonus CRO',
  '7|160013207|EG|segur.commande.dpi|2022-08|signee',
  '7|160013207|EG|segur.commande.pfi|2022-08|signee',
  '7|160013207|EG|segur.commande.ri|2022-08|signee',
  '7|160013207|EG|segur.commande.loinc|2022-08|non-concerne',
  '7|160013207|EG|segur.commande.sgl|2022-08|non-concerne',
  '7|160013207|EG|segur.commande.radio|2022-08|non-concerne',
  '7|160013207|EG|suivi.meteo|2022-08|alerte',
  '7|160013207|EG|suivi.commentaire.segur|2022-08|RI commandé hors ASP, à vérifier',
  '7|160013207|EG|insi.appel-ts|2022-08|non',
  '7|160013207|EG|mss.raccordement|2022-07|emetteur',
  '7|160001632|EJ|mss.messages-envoyes|2022-07|2189',
  '7|160013207|EG|dmp.alimente.sortie|2022-08|oui',
  '7|160013207|EG|dmp.alimente.biologie|2022-08|non',
  '7|160013207|EG|dmp.alimente.imagerie|2022-08|non',
  '7|160013207|EG|dmp.certificat.commande|2022-08|commande',
  '7|160013207|EG|dmp.certificat.installe|2022-08|oui',
  // CH DE FLEYRIAT: the seed's fourth INSi row, "pas disponible" giving no rate.
  '8|010000024|EG|segur.commande.dpi|2022-08|signee',
  '8|010000024|EG|segur.commande.pfi|2022-08|signee',
  '8|010000024|EG|segur.commande.ri|2022-08|signee',
  '8|010000024|EG|segur.commande.loinc|2022-08|signee',
  '8|010000024|EG|segur.commande.sgl|2022-08|signee',
  '8|010000024|EG|segur.commande.radio|2022-08|signee',
  '8|010000024|EG|suivi.meteo|2022-08|non-demarre',
  '8|010000024|EG|suivi.sih|2022-08|DPI et RI du même éditeur',
  '8|010000024|EG|insi.appel-ts|2022-08|oui',
  '8|010000024|EG|insi.organisation|2022-08|en-cours',
  '8|010000024|EG|suivi.commentaire.insi|2022-08|Organik pas de diffusion int/ext',
  '8|010000024|EG|mss.raccordement|2022-07|emetteur',
  '8|010780054|EJ|mss.messages-envoyes|2022-07|50',
  '8|010000024|EG|dmp.alimente.sortie|2022-08|oui',
  '8|010000024|EG|dmp.alimente.biologie|2022-08|non',
  '8|010000024|EG|dmp.alimente.imagerie|2022-08|oui',
  '8|010000024|EG|dmp.certificat.commande|2022-08|commande',
  '8|010000024|EG|dmp.certificat.installe|2022-08|non',
  // USLD EMILE PELICAND, same EJ as line 8: its repeated 50 messages are not stored again.
  '9|010009702|EG|identite.commentaire|2022-08|Site rattaché au CH de Fleyriat',
  '9|010009702|EG|segur.commande.dpi|2022-08|signee',
  '9|010009702|EG|segur.commande.pfi|2022-08|non-signee',
  '9|010009702|EG|segur.commande.ri|2022-08|non-signee',
  '9|010009702|EG|segur.commande.loinc|2022-08|non-concerne',
  '9|010009702|EG|segur.commande.sgl|2022-08|non-concerne',
  '9|010009702|EG|segur.commande.radio|2022-08|non-concerne',
  '9|010009702|EG|suivi.meteo|2022-08|en-cours',
  '9|010009702|EG|insi.appel-ts|2022-08|non',
  '9|010009702|EG|mss.raccordement|2022-07|emetteur',
  '9|010009702|EG|suivi.commentaire.mssante|2022-08|Messages comptés avec le CH de Fleyriat',
  '9|010009702|EG|dmp.alimente.sortie|2022-08|non',
  '9|010009702|EG|dmp.alimente.biologie|2022-08|non',
  '9|010009702|EG|dmp.alimente.imagerie|2022-08|non',
]

const shown = (o: Observation): string =>
  [o.line, o.finess, o.level, o.indicator, o.period, o.number ?? o.text].join('|')

async function readAugust() {
  const [sheet] = trackerTableSheets()
  if (!sheet) throw new Error('no sheet')
  const reading = await openTrackerSheet(sheet, { fileName: TRACKER_FILE_NAME, resolve: trackerResolver() })
  const observations: Observation[] = []
  for await (const o of reading.observations()) observations.push(o)
  return { observations, report: reading.report }
}

describe('the seed rows of the August tab', () => {
  it('give exactly the expected observations, and no issue', async () => {
    const { observations, report } = await readAugust()
    expect(observations.map(shown)).toEqual(EXPECTED)
    expect(report.issues).toEqual([])
    expect(report).toMatchObject({
      sheet: AUGUST_SHEET,
      status: 'read',
      rowsRead: 5,
      rowsRejected: 0,
      observations: EXPECTED.length,
      sites: 5,
      legalEntities: 4,
    })
  })

  it('keeps counts and rates as numbers, statuses, booleans and comments as text', async () => {
    const { observations } = await readAugust()
    const find = (indicator: string, line: number) =>
      observations.find((o) => o.indicator === indicator && o.line === line)
    expect(find('mss.messages-envoyes', 6)).toEqual({
      finess: '160000451',
      level: 'EJ',
      indicator: 'mss.messages-envoyes',
      period: '2022-07',
      number: '10980',
      text: null,
      numerator: null,
      denominator: null,
      line: 6,
    })
    expect(find('insi.taux-qualifiees', 5)).toMatchObject({ number: '47', text: null })
    expect(find('insi.appel-ts', 7)).toMatchObject({ number: null, text: 'non' })
    expect(find('suivi.meteo', 7)).toMatchObject({ number: null, text: 'alerte' })
  })

  it('counts MSSanté messages once per EJ, never once per EG', async () => {
    const { observations } = await readAugust()
    const messages = observations.filter((o) => o.indicator === 'mss.messages-envoyes')
    expect(messages.map((o) => `${o.level} ${o.finess} ${o.number}`)).toEqual([
      'EJ 240000059 1830',
      'EJ 160000451 10980',
      'EJ 160001632 2189',
      'EJ 010780054 50',
    ])
  })

  it('files each "Commentaires" under the theme it falls under', async () => {
    const { observations, report } = await readAugust()
    const comments = report.layout?.columns
      .filter((c) => c.header === 'Commentaires')
      .map((c) => `${c.letter} ${c.theme} ${c.indicator}`)
    expect(comments).toEqual([
      'I identite identite.commentaire',
      'Y segur suivi.commentaire.segur',
      'AF insi suivi.commentaire.insi',
      'AM mssante suivi.commentaire.mssante',
    ])
    expect(
      observations.filter((o) => /commentaire/.test(o.indicator)).map((o) => `${o.line} ${o.indicator}`),
    ).toEqual([
      '5 suivi.commentaire.insi',
      '6 suivi.commentaire.insi',
      '7 suivi.commentaire.segur',
      '8 suivi.commentaire.insi',
      '9 identite.commentaire',
      '9 suivi.commentaire.mssante',
    ])
  })

  it('reads the months of the follow-up point and of each theme', async () => {
    const { report } = await readAugust()
    expect(report.followUp).toEqual({ period: '2022-08', source: 'sheet-name', text: AUGUST_SHEET })
    expect(report.themes.map((t) => `${t.theme} ${t.period} ${t.source} ${t.certificates ?? ''}`)).toEqual([
      'segur 2022-08 title ',
      'insi 2022-08 title ',
      'mssante 2022-07 title ',
      'dmp 2022-08 title 2022-08',
    ])
    expect(report.layout?.spans.map((s) => `${s.cell} ${s.columns} ${s.theme}`)).toEqual([
      'J2 J–Y segur',
      'Z2 Z–AB sih',
      'AC2 AC–AJ insi',
      'AK2 AK–AM mssante',
      'AN2 AN– dmp',
    ])
    expect(report.layout?.ignored).toEqual([])
    expect(report.layout?.missing).toEqual([])
  })
})
