// Programme results: what oSIS (ATIH) returns for SUN-ES, HOPEN 2 and IFAQ, in long format: one row per
// FINESS PMSI and indicator, with numerator, denominator and rate (RULES §7–§9). A result belongs to the
// month its measurement ends: the end date is the row's period, checked against the import's month like
// any `Période` column. The real layout is not public: the headers below are a declared mapping.
import { programmeIndicatorCode } from '../../../domain/observations/indicators'
import { readDate } from '../../field-repairs'
import type { ObservationValue, SourceDefinition, SourceRow } from '../source-definition'
import { compareDecimals, rateAgrees, ratePercent } from './numbers'
import { PROGRAMME_LABELS, readProgramme, readProgrammeIndicator } from './programme-codes'

function checkStart(row: SourceRow): void {
  const start = row.raw('debut')
  const end = row.raw('periode')
  if (start === null) return
  const startDate = readDate(start)
  if (!startDate.ok) {
    row.issue('debut', 'invalid-value', startDate.reason, 'warning')
    return
  }
  const endDate = end === null ? null : readDate(end)
  if (endDate?.ok && endDate.value < startDate.value)
    row.issue(
      'debut',
      'inconsistent',
      `mesure du ${startDate.value} au ${endDate.value} : début après la fin`,
      'warning',
    )
}

/** The rate as the file gives it, or computed from its numerator and denominator; null when it cannot be. */
function readRateValue(row: SourceRow, indicator: string): ObservationValue | null {
  const rate = row.rate('rate')
  const numerator = row.count('numerator')
  const denominator = row.count('denominator')
  if (numerator !== null && denominator !== null) {
    if (compareDecimals(numerator, denominator) > 0) {
      row.issue(
        'numerator',
        'numerator-above-denominator',
        `numérateur ${numerator} supérieur au dénominateur ${denominator} : résultat ignoré`,
      )
      return null
    }
    if (denominator === '0') {
      if (rate === null) {
        row.issue(
          'denominator',
          'zero-denominator',
          'dénominateur nul : taux non calculable, résultat ignoré',
          'warning',
        )
        return null
      }
      row.issue(
        'denominator',
        'zero-denominator',
        `dénominateur nul pour un taux de ${rate} % : taux du fichier conservé`,
        'warning',
      )
    } else if (rate !== null && !rateAgrees(rate, numerator, denominator))
      row.issue(
        'rate',
        'rate-differs',
        `taux ${rate} % différent de ${numerator} / ${denominator} (${ratePercent(numerator, denominator)} %) : taux du fichier conservé`,
        'warning',
      )
    return { indicator, number: rate ?? ratePercent(numerator, denominator), numerator, denominator }
  }
  if (rate !== null) return { indicator, number: rate, numerator, denominator }
  if (numerator !== null || denominator !== null)
    row.issue(
      numerator === null ? 'numerator' : 'denominator',
      'missing-value',
      'taux absent et numérateur ou dénominateur manquant : résultat ignoré',
    )
  else if (row.raw('rate') === null)
    row.issue(null, 'missing-value', 'ni taux, ni numérateur et dénominateur : ligne ignorée')
  return null
}

export const programmesSource: SourceDefinition = {
  code: 'programmes',
  label: 'Résultats des programmes SUN-ES, HOPEN 2 et IFAQ (oSIS, ATIH)',
  producer: 'ATIH (plateforme oSIS), transmis par la DGOS / l’ANS',
  fileNamePattern: 'oSIS-resultats-AAAAMM.xlsx',
  level: 'PMSI',
  columns: {
    finess: {
      header: 'FINESS PMSI',
      aliases: ['finess', 'n finess pmsi', 'numero finess pmsi', 'finess pmsi', 'finess de l etablissement'],
      required: true,
      description: 'FINESS PMSI : l’EJ pour un établissement public, l’EG pour un privé.',
    },
    programme: {
      header: 'Programme',
      aliases: ['dispositif', 'programme de financement', 'programme national'],
      required: false,
      description: 'SUN-ES, HOPEN 2 ou IFAQ ; déduit du code de l’indicateur s’il manque.',
    },
    indicator: {
      header: 'Indicateur',
      aliases: ['code indicateur', 'code', 'objectif', 'id indicateur', 'indicateur code'],
      required: true,
      description:
        'DS1.1, DS1.2, DS1.3, DS2.1, DS3.1 (SUN-ES) ; P1.O1, P1.O2 LDL, P1.O2 ORD, P1.O3…P1.O8 (HOPEN 2) ; NUM1, NUM2 (IFAQ). Un libellé peut suivre le code.',
    },
    numerator: {
      header: 'Numérateur',
      aliases: ['num', 'numerateur', 'nb numerateur'],
      required: false,
      description: 'Numérateur de l’indicateur (séjours, patients, correspondants…).',
    },
    denominator: {
      header: 'Dénominateur',
      aliases: ['den', 'denom', 'denominateur', 'nb denominateur'],
      required: false,
      description: 'Dénominateur de l’indicateur.',
    },
    rate: {
      header: 'Taux',
      aliases: [
        'taux',
        'resultat',
        'valeur',
        'taux atteint',
        'resultat en pourcentage',
        'taux en pourcentage',
      ],
      required: false,
      description: 'Résultat en pourcentage (0–100) ; calculé comme numérateur / dénominateur s’il manque.',
    },
    debut: {
      header: 'Début de la période de mesure',
      aliases: ['debut de periode', 'date de debut', 'debut de la mesure', 'debut periode de mesure'],
      required: false,
      description: 'Premier jour de la mesure (JJ/MM/AAAA) ; vérifié, non conservé.',
    },
    // The engine's common `periode` column, under the name oSIS gives it: its month must be the import's.
    periode: {
      header: 'Fin de la période de mesure',
      aliases: [
        'fin de periode',
        'date de fin',
        'fin de la mesure',
        'fin periode de mesure',
        'periode',
        'mois de mesure',
        'mois',
      ],
      required: false,
      description: 'Dernier jour (ou mois) de la mesure : il doit tomber dans le mois de l’import.',
    },
  },
  readRow(row) {
    const codeText = row.text('indicator')
    if (codeText === null) {
      if (row.raw('indicator') === null)
        row.issue('indicator', 'missing-value', 'code d’indicateur absent : ligne ignorée')
      return []
    }
    const found = readProgrammeIndicator(codeText)
    if (!found.ok) {
      row.issue('indicator', 'invalid-value', found.reason)
      return []
    }
    const { programme, code } = found.value
    const programmeText = row.raw('programme')
    if (programmeText !== null) {
      const declared = readProgramme(programmeText)
      if (!declared.ok) {
        row.issue('programme', 'invalid-value', declared.reason)
        return []
      }
      if (declared.value !== programme) {
        row.issue(
          'programme',
          'inconsistent',
          `l’indicateur ${code} appartient à ${PROGRAMME_LABELS[programme]}, pas à ${PROGRAMME_LABELS[declared.value]} : ligne ignorée`,
        )
        return []
      }
    }
    checkStart(row)
    const value = readRateValue(row, programmeIndicatorCode(programme, code))
    return value === null ? [] : [value]
  },
  // SUN-ES window 1 was measured over June 2022 (RULES §7), as was this IFAQ line.
  example: [
    {
      finess: '240000059',
      programme: 'SUN-ES',
      indicator: 'DS1.1',
      numerator: '1 214',
      denominator: '2 050',
      rate: '59,22',
      debut: '01/06/2022',
      periode: '30/06/2022',
    },
    {
      finess: '240000059',
      programme: 'SUN-ES',
      indicator: 'DS1.2',
      numerator: '902',
      denominator: '2 050',
      debut: '01/06/2022',
      periode: '30/06/2022',
    },
    {
      finess: '240000059',
      programme: 'IFAQ',
      indicator: 'NUM1',
      numerator: '655',
      denominator: '2 410',
      rate: '27,2',
      debut: '01/06/2022',
      periode: '30/06/2022',
    },
    {
      finess: '160013207',
      programme: 'SUN-ES',
      indicator: 'DS1.1 - Lettres de liaison',
      numerator: '1 630',
      denominator: '2 980',
      rate: '54,7',
      debut: '01/06/2022',
      periode: '30/06/2022',
    },
    {
      finess: '160013207',
      programme: 'SUN-ES',
      indicator: 'DS1.3 CRO',
      rate: '51',
      debut: '01/06/2022',
      periode: '30/06/2022',
    },
  ],
}
