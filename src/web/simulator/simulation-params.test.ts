// The simulator's pure parts, as tables: French numbers in and out, the URL round trip, the request body
// the engine receives, and which field an engine error is about.
import { describe, expect, it } from 'vitest'
import { simulate } from '../../domain/programmes/index'
import { formatEuros, numberToParam, paramToNumberText, parseFrenchNumber } from './french-number'
import { PROGRAMMES } from './programmes/index'
import { HOPEN2 } from './programmes/hopen2'
import { IFAQ } from './programmes/ifaq'
import { SONS } from './programmes/sons'
import { SUN_ES } from './programmes/sun-es'
import {
  fieldForPath,
  readSimulation,
  requestBody,
  simulationHref,
  valuesFromParams,
} from './simulation-params'

describe('French numbers', () => {
  it.each([
    ['1 600 000', 1_600_000],
    ['1\u202f600\u00a0000', 1_600_000],
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['62,5 %', 62.5],
    ['1 234,56 €', 1234.56],
    ['-5', -5],
    ['−5', -5],
    ['0', 0],
    ['', undefined],
    ['   ', undefined],
    ['abc', 'abc'],
    ['12,5,3', '12,5,3'],
  ])('reads %j as %j', (text, expected) => {
    expect(parseFrenchNumber(text)).toBe(expected)
  })

  it.each([
    ['1 600 000', '1600000', '1 600 000'],
    ['12,5', '12.5', '12,5'],
    ['abc', 'abc', 'abc'],
  ])('puts %j in the URL as %j and back as %j', (typed, param, shown) => {
    expect(numberToParam(typed)).toBe(param)
    expect(paramToNumberText(param)).toBe(shown)
  })

  it.each([
    ['10338.71', '10\u202f338,71\u00a0€'],
    ['85000.00', '85\u202f000,00\u00a0€'],
    ['0.50', '0,50\u00a0€'],
    ['1234567.89', '1\u202f234\u202f567,89\u00a0€'],
  ])('formats the amount %j as %j', (amount, shown) => {
    expect(formatEuros(amount)).toBe(shown)
  })
})

describe('simulation in the URL', () => {
  it('gives the engine the body the CLI would', () => {
    const simulation = readSimulation(new URLSearchParams('programme=sons&dsr=DPI&activity=15000'))
    expect(simulation?.programme.id).toBe('sons')
    const body = simulation ? requestBody(simulation.programme, simulation.values) : null
    expect(body).toEqual({ dsr: 'DPI', activity: 15000 })
    expect(simulate('sons', body).amount).toBe('10338.71')
  })

  it('sends only the fields the choices show (no activity for RIS)', () => {
    const values = { ...valuesFromParams(SONS), dsr: 'RIS', activity: '15 000', exams: '50 000' }
    expect(requestBody(SONS, values)).toEqual({ dsr: 'RIS', exams: 50000 })
    expect(simulationHref(SONS, values)).toBe('/simulateur?programme=sons&dsr=RIS&exams=50000')
  })

  it('builds lists, nested rates and every prerequisite from one answer', () => {
    const values = {
      ...valuesFromParams(SUN_ES),
      domain: 'D2',
      window: '2',
      activity: '1 600 000',
      bio: '62,5',
      ldl: '50',
      ownLaboratory: 'oui',
      prerequisites: 'non',
    }
    const body = requestBody(SUN_ES, values)
    expect(body).toEqual({
      domains: ['D2'],
      window: 2,
      activity: 1_600_000,
      ownLaboratory: true,
      prerequisites: {
        identityVigilanceCell: false,
        rniv: false,
        securityPolicy: false,
        cyberAudit: false,
        dmpCapability: false,
        mssanteMessaging: false,
      },
      rates: { bio: 62.5 },
    })
    expect(simulate('sun-es', body).prerequisitesMet).toBe(false)
  })

  it('sends the HOPEN 2 rates in the order of the objective’s indicators', () => {
    const values = {
      ...valuesFromParams(HOPEN2),
      objective: 'P1.O2',
      sunEsReached: 'non',
      rate1: '50',
      rate2: '60',
    }
    const body = requestBody(HOPEN2, values)
    expect(body).toEqual({ objective: 'P1.O2', sunEsReached: false, rates: [50, 60] })
    expect(simulate('hopen2', body).targets.map((t) => t.reached)).toEqual([false, true])
  })

  it('round-trips every programme through its URL', () => {
    for (const programme of PROGRAMMES) {
      const values = valuesFromParams(programme)
      const href = simulationHref(programme, values)
      const again = readSimulation(new URL(href, 'http://jalon').searchParams)
      expect(again?.programme).toBe(programme)
      expect(again?.values).toEqual(values)
    }
  })

  it('runs nothing when the URL names no programme', () => {
    expect(readSimulation(new URLSearchParams(''))).toBeNull()
    expect(readSimulation(new URLSearchParams('programme=inconnu&activity=3'))).toBeNull()
  })
})

describe('engine errors on their field', () => {
  const hopen = { ...valuesFromParams(HOPEN2), objective: 'P1.O2' }
  const sunEs = valuesFromParams(SUN_ES)
  it.each([
    [SONS, valuesFromParams(SONS), 'activity', 'activity'],
    [HOPEN2, hopen, 'rates.1', 'rate2'],
    [HOPEN2, hopen, 'rates', 'rate1'],
    [HOPEN2, hopen, 'prerequisites.P1.P1', 'prerequisites'],
    [SUN_ES, sunEs, 'domains.0', 'domain'],
    [SUN_ES, sunEs, 'rates.ldl', 'ldl'],
    [IFAQ, valuesFromParams(IFAQ), 'activityFields.1', 'activityFields'],
    [IFAQ, valuesFromParams(IFAQ), 'numerator', 'numerator'],
  ])('%#: %s error on %j is shown on %j', (programme, values, path, name) => {
    expect(fieldForPath(programme, values, path)?.name).toBe(name)
  })

  it('names no field for an error about the whole input', () => {
    expect(fieldForPath(SONS, valuesFromParams(SONS), '(entrée)')).toBeUndefined()
  })
})
