import { describe, expect, it } from 'vitest'
import { sortIssues, type RowIssue } from '../../source-error'
import { activiteSource } from './activite'
import { rateAgrees, sumDecimals } from './numbers'
import { readProgramme, readProgrammeIndicator } from './programme-codes'
import { programmesSource } from './programmes'
import { interpret, valuesOf } from './testing'

const codes = (issues: RowIssue[]) =>
  sortIssues([...issues]).map((i) => [i.line, i.severity, i.code, i.field])

describe('programme indicator codes', () => {
  it.each([
    ['DS1.1', 'sun-es', 'DS1.1'],
    ['DS 1.3 - CRO', 'sun-es', 'DS1.3'],
    ['ds3.1', 'sun-es', 'DS3.1'],
    ['P1.O1', 'hopen2', 'P1.O1'],
    ['P1.01 INS', 'hopen2', 'P1.O1'],
    ['P1.O2 LDL', 'hopen2', 'P1.O2.LDL'],
    ['P1.O2-Ordonnances de sortie', 'hopen2', 'P1.O2.ORD'],
    ['P1.O2.ORD', 'hopen2', 'P1.O2.ORD'],
    ['P1 O8', 'hopen2', 'P1.O8'],
    ['NUM1', 'ifaq', 'NUM1'],
    ['IFAQ NUM 2', 'ifaq', 'NUM2'],
    ['D2.2i', 'ifaq', 'NUM1'],
    ['D6.3i', 'ifaq', 'NUM2'],
  ])('reads %s', (raw, programme, code) => {
    expect(readProgrammeIndicator(raw)).toEqual({ ok: true, value: { programme, code } })
  })

  it.each([
    ['P1.O2', 'préciser'],
    ['DS4.1', "n'est pas un indicateur SUN-ES"],
    ['P1.P1', "n'est pas un code d'indicateur"],
    ['NUM3', "n'est pas un indicateur IFAQ"],
  ])('refuses %s', (raw, reason) => {
    expect(readProgrammeIndicator(raw)).toMatchObject({ ok: false, reason: expect.stringContaining(reason) })
  })

  it('reads programme names and refuses HOP’EN 1', () => {
    expect(readProgramme('Sun-ES volet 1')).toEqual({ ok: true, value: 'sun-es' })
    expect(readProgramme("HOP'EN 2")).toEqual({ ok: true, value: 'hopen2' })
    expect(readProgramme('IFAQ 2024')).toEqual({ ok: true, value: 'ifaq' })
    expect(readProgramme('HOP’EN 1').ok).toBe(false)
  })
})

describe('exact decimals', () => {
  it('adds and checks rounded rates exactly', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3')
    expect(sumDecimals(['8400', '19600.5'])).toBe('28000.5')
    expect(rateAgrees('59', '1214', '2050')).toBe(true) // 59.22
    expect(rateAgrees('59.2', '1214', '2050')).toBe(true)
    expect(rateAgrees('59.3', '1214', '2050')).toBe(false)
    expect(rateAgrees('47', '1830', '3050')).toBe(false) // 60
  })
})

describe('programme results (oSIS)', () => {
  const header = [
    'FINESS PMSI',
    'Programme',
    'Code indicateur',
    'Numérateur',
    'Dénominateur',
    'Taux',
    'Date de début',
    'Date de fin',
  ]

  it('reads rates, computes the missing ones and checks them against numerator and denominator', async () => {
    const result = await interpret(
      programmesSource,
      [
        ['Résultats SUN-ES - fenêtre 1'],
        header,
        ['240000059', 'SUN-ES', 'DS1.1', '1 214', '2 050', '59,22', '01/06/2022', '30/06/2022'],
        ['240000059', 'SUN-ES', 'DS1.2', '902', '2 050', '', '01/06/2022', '30/06/2022'],
        ['240000059', '', 'NUM1', '655', '2 410', '31', '2022-06-01', '2022-06-30'],
        ['160013207', 'SUN-ES', 'DS1.3 CRO', '', '', '51 %', '', '30/06/2022'],
        ['160013207', 'HOPEN 2', 'DS2.1', '10', '20', '', '', '30/06/2022'],
        ['160013207', 'SUN-ES', 'DS3.1', '30', '20', '', '', '30/06/2022'],
        ['160013207', 'SUN-ES', 'DS1.2', '0', '0', '', '', '30/06/2022'],
        ['160013207', 'SUN-ES', 'P1.O2', '1', '2', '', '', '30/06/2022'],
        ['160013207', 'SUN-ES', 'DS1.1', '', '', '', '30/06/2022', '01/06/2022'],
      ],
      { period: '2022-06' },
    )
    expect(valuesOf(result.observations, '240000059')).toEqual({
      'sun-es.DS1.1': '59.22',
      'sun-es.DS1.2': '44',
      'ifaq.NUM1': '31',
    })
    expect(result.observations.find((o) => o.indicator === 'sun-es.DS1.2')).toMatchObject({
      level: 'PMSI',
      numerator: '902',
      denominator: '2050',
    })
    expect(valuesOf(result.observations, '160013207')).toEqual({ 'sun-es.DS1.3': '51' })
    expect(codes(result.issues)).toEqual([
      [5, 'warning', 'rate-differs', 'Taux'],
      [7, 'rejected', 'inconsistent', 'Programme'],
      [8, 'rejected', 'numerator-above-denominator', 'Numérateur'],
      [9, 'warning', 'zero-denominator', 'Dénominateur'],
      [10, 'rejected', 'invalid-value', 'Code indicateur'],
      [11, 'rejected', 'missing-value', null],
      [11, 'warning', 'inconsistent', 'Date de début'],
    ])
    expect(result.issues.find((i) => i.line === 7)?.message).toContain(
      'DS2.1 appartient à SUN-ES, pas à HOPEN 2',
    )
  })

  it('attaches a result to the month its measurement ends', async () => {
    const rows = [header, ['240000059', 'IFAQ', 'NUM1', '655', '2410', '', '01/05/2022', '31/05/2022']]
    await expect(interpret(programmesSource, rows, { period: '2022-06' })).rejects.toThrow(
      /ligne 2 : le fichier porte sur un autre mois \(« 31\/05\/2022 »\)/,
    )
    const may = await interpret(programmesSource, rows, { period: '2022-05' })
    expect(may.observations).toHaveLength(1)
  })

  it('names the missing indicator column', async () => {
    await expect(
      interpret(programmesSource, [
        ['FINESS PMSI', 'Taux'],
        ['240000059', '50'],
      ]),
    ).rejects.toThrow(/« Indicateur »/)
  })
})

describe('activité combinée (ANS calculation file)', () => {
  const header = [
    'FINESS PMSI',
    'Année',
    'Journées MCO',
    'Séances MCO',
    'Chirurgie ambulatoire',
    'Journées SSR',
    'Journées PSY',
    'Journées HAD',
    'Journées USLD',
    'Activité combinée',
  ]

  it('reads the seven terms as whole numbers and checks the file’s total', async () => {
    const result = await interpret(activiteSource, [
      header,
      ['240000059', '2019', '78 000', '4 200', '3 900', '14 000', '22 000', '0', '10 500', '109 200'],
      ['160000451', '2019', '132 500', '18 400', '7 800', '21 300', '0', '6 100', '19 800', '170 000'],
      ['160013207', '2019', '21 400', '9 600', '6 200,5', '0', '0', '0', '0', ''],
      ['160001632', '2019', '', '', '', '', '', '', '', ''],
    ])
    expect(valuesOf(result.observations, '240000059')).toEqual({
      'activite.annee': '2019',
      'activite.journees-mco': '78000',
      'activite.seances-mco': '4200',
      'activite.sejours-chir-ambu': '3900',
      'activite.journees-ssr': '14000',
      'activite.journees-psy': '22000',
      'activite.journees-had': '0',
      'activite.journees-usld': '10500',
    })
    expect(result.observations.every((o) => o.level === 'PMSI' || o.finess === '160001632')).toBe(true)
    expect(codes(result.issues)).toEqual([
      [3, 'warning', 'total-differs', 'Activité combinée'],
      [4, 'rejected', 'invalid-value', 'Chirurgie ambulatoire'],
      [5, 'warning', 'level-differs', null],
    ])
    expect(result.issues.find((i) => i.line === 3)?.message).toContain('différente de la formule (177000)')
    expect(result.issues.find((i) => i.line === 4)?.message).toContain('nombre entier')
  })
})
