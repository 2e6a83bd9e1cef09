// A damaged tracker: every problem is a RowIssue with its line, the column as written and a French message
// naming the column by its letter; the rest of the row is kept unless the site itself cannot be placed.
import { describe, expect, it } from 'vitest'
import type { Observation } from '../../domain/observations/observation'
import {
  columnIndex,
  LINES,
  toTableSheet,
  TRACKER_FILE_NAME,
  trackerModel,
  trackerResolver,
  UNKNOWN_FINESS,
  type Cell,
  type TrackerDamage,
} from '../../../test/support/tracker-workbook'
import { openTrackerSheet } from './read-sheet'

async function readAugust(damage: TrackerDamage = {}, edit?: (rows: Cell[][]) => void, closed = {}) {
  const model = trackerModel(damage)[0]
  if (!model) throw new Error('no sheet')
  edit?.(model.rows)
  const reading = await openTrackerSheet(toTableSheet(model), {
    fileName: TRACKER_FILE_NAME,
    resolve: trackerResolver(closed),
  })
  const observations: Observation[] = []
  for await (const o of reading.observations()) observations.push(o)
  const issues = reading.report.issues.map(
    (i) => `${i.line} ${i.severity} ${i.code} [${i.field}] ${i.message}`,
  )
  return { observations, report: reading.report, issues }
}

/** Sets a cell by its Excel address, "C7". */
const set = (address: string, value: Cell) => (rows: Cell[][]) => {
  const [, letters = '', line = ''] = /^([A-Z]+)(\d+)$/.exec(address) ?? []
  const row = (rows[Number(line) - 1] ??= [])
  row[columnIndex(letters)] = value
}

const on = (observations: Observation[], line: number) => observations.filter((o) => o.line === line)

describe('a damaged tracker', () => {
  it('restores the leading zero of FINESS numbers stored as numbers, only with a valid key, and says so', async () => {
    const clean = await readAugust()
    const { observations, issues } = await readAugust({ finessAsNumbers: true })
    expect(issues).toEqual([
      `${LINES.fleyriat} warning finess-repaired [FINESS Géographique] colonne A « FINESS Géographique » : zéro initial perdu (10000024 → 010000024), restauré car la clé est valide`,
      `${LINES.fleyriat} warning finess-repaired [FINESS Juridique] colonne C « FINESS Juridique » : zéro initial perdu (10780054 → 010780054), restauré car la clé est valide`,
      `${LINES.fleyriat} warning finess-repaired [FINESS PMSI] colonne B « FINESS PMSI » : zéro initial perdu (10780054 → 010780054), restauré car la clé est valide`,
      `${LINES.usld} warning finess-repaired [FINESS Géographique] colonne A « FINESS Géographique » : zéro initial perdu (10009702 → 010009702), restauré car la clé est valide`,
      `${LINES.usld} warning finess-repaired [FINESS Juridique] colonne C « FINESS Juridique » : zéro initial perdu (10780054 → 010780054), restauré car la clé est valide`,
      `${LINES.usld} warning finess-repaired [FINESS PMSI] colonne B « FINESS PMSI » : zéro initial perdu (10780054 → 010780054), restauré car la clé est valide`,
    ])
    expect(observations).toEqual(clean.observations)
  })

  it('rejects an 8-digit FINESS whose padded number fails the key', async () => {
    const { issues, report } = await readAugust({}, set(`A${LINES.fleyriat}`, '10000025'))
    expect(issues).toEqual([
      `${LINES.fleyriat} rejected finess-invalid [FINESS Géographique] colonne A « FINESS Géographique » : 10000025 n'a que 8 chiffres et 010000025 n'a pas une clé valide : impossible de le réparer, ligne ignorée`,
    ])
    expect(report.rowsRejected).toBe(1)
  })

  it('refuses a comment that a spreadsheet would run as a formula, naming the column and its theme', async () => {
    const { observations, issues } = await readAugust({ formulaComment: true })
    expect(issues).toEqual([
      `${LINES.angouleme} rejected formula-refused [Commentaires] colonne AF « Commentaires » (INSi) : « =HYPERLINK("http://exemple.invalid","voi » ressemble à une formule de tableur : valeur refusée par sécurité`,
    ])
    const line = on(observations, LINES.angouleme)
    expect(line.some((o) => o.indicator === 'suivi.commentaire.insi')).toBe(false)
    expect(line).toHaveLength(18)
  })

  it('rejects a row whose FINESS géographique is blank', async () => {
    const { issues, report } = await readAugust({ blankFiness: true })
    expect(issues).toEqual([
      `${LINES.firstExtra} rejected finess-missing [FINESS Géographique] colonne A « FINESS Géographique » : numéro FINESS absent, ligne ignorée`,
    ])
    expect(report).toMatchObject({ rowsRead: 6, rowsRejected: 1, sites: 5 })
  })

  it('rejects a row whose FINESS the referential does not know', async () => {
    const { issues, observations } = await readAugust({ blankFiness: true, unknownFiness: true })
    expect(issues).toEqual([
      `${LINES.firstExtra} rejected finess-missing [FINESS Géographique] colonne A « FINESS Géographique » : numéro FINESS absent, ligne ignorée`,
      `${LINES.firstExtra + 1} rejected finess-unknown [FINESS Géographique] colonne A « FINESS Géographique » : FINESS ${UNKNOWN_FINESS} inconnu du référentiel, ligne ignorée`,
    ])
    expect(observations.some((o) => o.finess === UNKNOWN_FINESS)).toBe(false)
  })

  it('refuses a misspelt météo and lists the accepted values; the rest of the row is kept', async () => {
    const { issues, observations } = await readAugust({ meteoTypo: true })
    expect(issues).toEqual([
      `${LINES.clinical} rejected invalid-value [Météo] colonne X « Météo » : « En cour de déploiment - alerte » n'est pas une valeur attendue (« Non démarré », « En cours de déploiement - pas d’alerte », « En cours de déploiement - Alerte », « Déployé / VA signée »)`,
    ])
    expect(on(observations, LINES.clinical).map((o) => o.indicator)).not.toContain('suivi.meteo')
    expect(on(observations, LINES.clinical)).toHaveLength(16)
  })

  it('keeps the first MSSanté count of an EJ when another of its sites disagrees', async () => {
    const { issues, observations } = await readAugust({ messagesDisagree: true })
    expect(issues).toEqual([
      `${LINES.usld} warning ej-value-differs [Nb de messages envoyés] colonne AL « Nb de messages envoyés » : l’EJ 010780054 a déjà 50 ligne ${LINES.fleyriat} (valeur donnée par EJ, répétée sur chacun de ses établissements) : 51 ignoré, première valeur conservée`,
    ])
    const messages = observations.filter((o) => o.finess === '010780054')
    expect(messages.map((o) => `${o.line} ${o.number}`)).toEqual([`${LINES.fleyriat} 50`])
  })

  it('keeps the row of an unknown EJ, without its MSSanté count', async () => {
    const { issues, observations } = await readAugust({}, set(`C${LINES.clinical}`, '160099990'))
    expect(issues).toEqual([
      `${LINES.clinical} warning finess-ej-unknown [FINESS Juridique] colonne C « FINESS Juridique » : FINESS juridique 160099990 inconnu du référentiel : ligne conservée ; le nombre de messages MSSanté, donné par EJ, n’est pas retenu`,
    ])
    expect(on(observations, LINES.clinical).some((o) => o.level === 'EJ')).toBe(false)
    expect(on(observations, LINES.clinical)).toHaveLength(16)
  })

  it('keeps the data of a closed site and says so', async () => {
    const { issues, observations } = await readAugust({}, undefined, { '160013207': '2023-06-30' })
    expect(issues).toEqual([
      `${LINES.clinical} warning finess-closed [FINESS Géographique] colonne A « FINESS Géographique » : FINESS 160013207 fermé le 2023-06-30 : données conservées`,
    ])
    expect(on(observations, LINES.clinical)).toHaveLength(17)
  })

  it('refuses a rate above 100 %, a count that is not whole and a Oui/Non that is neither', async () => {
    const { issues } = await readAugust({}, (rows) => {
      set(`AD${LINES.bergerac}`, 147)(rows)
      set(`AL${LINES.angouleme}`, '10980,5')(rows)
      set(`AO${LINES.clinical}`, 'Peut-être')(rows)
    })
    expect(issues).toEqual([
      `${LINES.bergerac} rejected invalid-value [Taux d'identités qualifiées (à calculer sur les usagers pris en charge sur dernier mois)] colonne AD « Taux d'identités qualifiées (à calculer sur les usagers pris en charge sur dernier mois) » : 147 : un taux est compris entre 0 et 100 %`,
      `${LINES.angouleme} rejected invalid-value [Nb de messages envoyés] colonne AL « Nb de messages envoyés » : 10980,5 : un décompte est un nombre entier`,
      `${LINES.clinical} rejected invalid-value [CR Labo] colonne AO « CR Labo » : « Peut-être » n'est ni Oui ni Non`,
    ])
  })

  it('rejects a site listed twice and says where it was first', async () => {
    const { issues } = await readAugust({}, (rows) => {
      rows.push([...(rows[LINES.bergerac - 1] ?? [])])
    })
    expect(issues).toEqual([
      `${LINES.firstExtra} rejected duplicate-row [FINESS Géographique] colonne A « FINESS Géographique » : FINESS 240000372 déjà présent ligne ${LINES.bergerac}, ligne ignorée`,
    ])
  })

  it('says when the département does not match the FINESS number, without storing it', async () => {
    const { issues } = await readAugust({}, set(`D${LINES.bergerac}`, '33'))
    expect(issues).toEqual([
      `${LINES.bergerac} warning departement-differs [Département] colonne D « Département » : « 33 » alors que le FINESS 240000372 est du département 24 : valeur non utilisée, le référentiel fait foi`,
    ])
  })
})
