// The contract of `simulate`: JSON-ready results that explain themselves, French errors naming the field.
import { describe, expect, it } from 'vitest'
import { ProgrammeInputError } from './errors'
import { formatExplanation } from './explain'
import { simulate } from './simulate'
import { SIMULATION_KINDS, type SimulationKind } from './types'

const EXAMPLES: Record<SimulationKind, unknown> = {
  activite: {
    mcoDays: 10_000,
    mcoSessions: 0,
    ambulatoryStays: 2_000,
    ssrDays: 0,
    psyDays: 0,
    hadDays: 0,
    usldDays: 0,
  },
  sons: { dsr: 'DPI', activity: 15_000 },
  'sun-es': { window: 2, activity: 15_000, rates: { ldl: 60, ordonnance: 50, insRecovery: 60 } },
  hopen2: { objective: 'P1.O2', sunEsReached: true, rates: [72, 66], amount: 50_000 },
  'hopen2-ght': {
    members: [{ finess: '840000046', objectives: [{ objective: 'P1.O1', rates: [81], amount: 1000 }] }],
  },
  ifaq: { indicator: 'NUM1', year: 2024, numerator: 51, denominator: 100, activityFields: ['MCO'] },
  'ins-started': { asOf: '2022-02', observations: [{ period: '2022-02', insiCalls: 150 }] },
  'dmp-feeding': { asOf: '2022-03', observations: [{ period: '2022-03', documents: 12 }] },
  'ehpad-dmp': { asOf: '2022-03', conventionSigned: true, observations: [] },
}

const MONEY_KEYS = new Set([
  'amount',
  'amountHt',
  'forfait',
  'earnedAmount',
  'advance',
  'balance',
  'min',
  'max',
])

function moneyValues(value: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((v) => moneyValues(v, found))
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'inputs') continue // the input as given, amounts included
      if (MONEY_KEYS.has(key) && v !== null && typeof v !== 'object') found.push(v)
      else moneyValues(v, found)
    }
  }
  return found
}

describe.each(SIMULATION_KINDS.map((kind) => [kind]))('simulate(%s)', (kind) => {
  const result = simulate(kind, EXAMPLES[kind])

  it('is JSON-ready: it survives a round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })

  it('explains itself: programme version, summary, steps, references to RULES.md and a seed', () => {
    expect(result.kind).toBe(kind)
    expect(result.programme.id && result.programme.version).toBeTruthy()
    expect(result.summary.length).toBeGreaterThan(10)
    expect(result.explanation.length).toBeGreaterThan(0)
    expect(result.references[0]?.rules).toMatch(/^RULES\.md §\d$/)
    expect(result.references[0]?.seed).toMatch(/^\d{3}_[0-9a-f]{16}\.txt/)
  })

  it('writes money as euro strings with two decimals', () => {
    for (const value of moneyValues(result)) expect(value).toMatch(/^-?\d+\.\d{2}$/)
  })

  it('renders a French explanation', () => {
    const text = formatExplanation(result)
    expect(text).toContain('Détail du calcul :')
    expect(text).toContain('Sources :')
    expect(text).toContain(result.summary)
  })
})

describe('the example of issue 3', () => {
  it('prints the DPI ceiling at 15 000 as "10338.71" with its category and tranche', () => {
    const result = simulate('sons', { dsr: 'DPI', activity: 15_000 })
    expect(result).toMatchObject({
      amount: '10338.71',
      category: { code: 'B', from: 7_000, to: 22_500, capped: false },
      tranche: { code: 'B', min: '7500.00', max: '13000.00' },
      programme: { id: 'sons', version: '2021-vague-1' },
    })
    expect(formatExplanation(result)).toContain('10 338,71 €')
  })
})

describe('bad input: a typed error, in French, naming the field and the allowed range', () => {
  it.each([
    ['sons', { dsr: 'DPI', activity: -1 }, 'activity', 'positive ou nulle'],
    ['sons', { dsr: 'DPI', activity: 'abc' }, 'activity', '« abc »'],
    ['sun-es', { activity: 10, window: 7 }, 'window', '1, 2, 3, 4'],
    ['sun-es', { activity: 10, window: 1, rates: { ldl: 120 } }, 'rates.ldl', '0 à 100'],
    ['ifaq', { indicator: 'NUM2', year: 2024, numerator: 12 }, 'denominator', 'strictement positif'],
    ['sun-es', { activity: 10, candidatureDate: '2022-01-15' }, 'candidatureDate', 'hors de toute fenêtre'],
    [
      'hopen2',
      { objective: 'P1.O1', candidatureDate: '2025-01-01' },
      'candidatureDate',
      '25/07/2024 au 04/10/2024',
    ],
    ['nope', {}, 'kind', 'activite, sons'],
  ])('%s %j → field %s', (kind, input, field, text) => {
    try {
      simulate(kind, input)
      expect.unreachable('no error thrown')
    } catch (error) {
      expect(error).toBeInstanceOf(ProgrammeInputError)
      const e = error as ProgrammeInputError
      expect(e.field).toBe(field)
      expect(e.message).toContain(`« ${field} »`)
      expect(e.message).toContain('attendu')
      expect(e.message).toContain(text)
      expect(e.toJSON()).toMatchObject({ field, error: e.message })
    }
  })

  it('reports every problem of one input, the first in front', () => {
    try {
      simulate('ifaq', { indicator: 'NUM9', year: 'x', numerator: -1, denominator: 0 })
      expect.unreachable('no error thrown')
    } catch (error) {
      const e = error as ProgrammeInputError
      expect([e.field, ...e.others.map((o) => o.field)]).toEqual([
        'indicator',
        'year',
        'numerator',
        'denominator',
      ])
      expect(e.message.split('\n')).toHaveLength(4)
    }
  })
})
