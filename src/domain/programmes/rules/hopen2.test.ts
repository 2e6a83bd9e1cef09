// HOPEN 2 phase 1 (RULES §8, seed 004), as tables: every target of the seed, payments, GHT sum.
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'

// Seed 004 table, restated by hand: objective → targets [if SUN-ES domain reached, otherwise] per indicator.
const TARGETS = [
  ['P1.O1', [[80, 80]]],
  [
    'P1.O2',
    [
      [70, 55],
      [65, 50],
    ],
  ],
  ['P1.O3', [[70, 55]]],
  ['P1.O4', [[50, 50]]],
  ['P1.O5', [[65, 50]]],
  ['P1.O6', [[60, 45]]],
  ['P1.O7', [[70, 50]]],
  ['P1.O8', [[70, 50]]],
] as const

const allMet = { 'P1.P1': true, 'P1.P2': true, 'P1.P3': true, 'P1.P4': true }

describe('every HOPEN 2 target, by SUN-ES result', () => {
  const rows = TARGETS.flatMap(([objective, indicators]) =>
    [true, false].map(
      (sunEsReached) =>
        [objective, sunEsReached, indicators.map(([yes, no]) => (sunEsReached ? yes : no))] as const,
    ),
  )
  it.each(rows)('%s, SUN-ES reached %s → targets %j', (objective, sunEsReached, targets) => {
    const result = simulate('hopen2', { objective, sunEsReached })
    expect(result.targets.map((t) => t.target)).toEqual(targets)
  })

  it.each([
    ['P1.O1', 80],
    ['P1.O4', 50],
  ])('%s has one target for all: the SUN-ES result is not asked', (objective, target) => {
    const result = simulate('hopen2', { objective })
    expect(result.targets[0]?.target).toBe(target)
    expect(result.missing.map((m) => m.field)).not.toContain('sunEsReached')
  })

  it('lists the SUN-ES result as missing where the target depends on it', () => {
    const result = simulate('hopen2', { objective: 'P1.O5', rates: [60] })
    expect([result.targets[0]?.target, result.reached]).toEqual([null, null])
    expect(result.missing.map((m) => m.field)).toContain('sunEsReached')
  })
})

describe('attainment, LDL and ordonnance joint for P1.O2', () => {
  it.each([
    ['P1.O2', true, [70, 65], true],
    ['P1.O2', true, [70, 64.9], false],
    ['P1.O2', false, [55, 50], true],
    ['P1.O2', false, [80], null],
    ['P1.O2', false, [54, undefined], false],
    ['P1.O1', false, [79.99], false],
    ['P1.O1', false, [{ numerator: 4, denominator: 5 }], true],
    ['P1.O7', true, [70], true],
  ] as const)('%s, SUN-ES %s, rates %j → %s', (objective, sunEsReached, rates, reached) => {
    const result = simulate('hopen2', {
      objective,
      sunEsReached,
      rates: rates.filter((r) => r !== undefined),
    })
    expect(result.reached).toBe(reached)
  })

  it('lowers the target by a tolerance only where the seed allows one (INS, MSS pro)', () => {
    const result = simulate('hopen2', { objective: 'P1.O1', rates: [76], targetAdjustment: 5 })
    expect([result.targets[0]?.target, result.reached]).toEqual([75, true])
    expect(() => simulate('hopen2', { objective: 'P1.O3', targetAdjustment: 5 })).toThrow(
      expect.objectContaining({ field: 'targetAdjustment' }),
    )
  })
})

describe('payments: 30 % at validation (prerequisites met), 70 % on targets', () => {
  it.each([
    [allMet, [90], '100000.00', '30000.00', '70000.00', '100000.00'],
    [allMet, [10], '100000.00', '30000.00', '0.00', '30000.00'],
    [{ ...allMet, 'P1.P4': false }, [90], '100000.00', '0.00', '0.00', '0.00'],
    [{ 'P1.P1': true }, [90], '100000.00', null, null, null],
    [allMet, [90], '12345.67', '3703.70', '8641.97', '12345.67'],
    [allMet, [90], '0.05', '0.02', '0.03', '0.05'],
  ])(
    'prerequisites %j, rate %j, forfait %s → advance %s, balance %s, earned %s',
    (prerequisites, rates, amount, advance, balance, earned) => {
      const result = simulate('hopen2', { objective: 'P1.O1', rates, amount: Number(amount), prerequisites })
      expect([result.amount, result.advance, result.balance, result.earnedAmount]).toEqual([
        amount,
        advance,
        balance,
        earned,
      ])
    },
  )

  it('never invents the per-objective amount', () => {
    const result = simulate('hopen2', { objective: 'P1.O4', rates: [60], prerequisites: allMet })
    expect([result.reached, result.amount, result.earnedAmount]).toEqual([true, null, null])
    expect(result.missing.map((m) => m.field)).toEqual(['amount'])
  })
})

describe('GHT: the sum for members that reached their targets', () => {
  it('adds what each member and objective earns', () => {
    const result = simulate('hopen2-ght', {
      members: [
        {
          finess: '840000046',
          prerequisites: allMet,
          objectives: [
            { objective: 'P1.O1', rates: [85], amount: 50_000 },
            { objective: 'P1.O2', sunEsReached: true, rates: [71, 60], amount: 80_000 },
          ],
        },
        {
          finess: '840000053',
          name: 'CH Cavaillon',
          prerequisites: allMet,
          objectives: [{ objective: 'P1.O4', rates: [50], amount: 20_000.5 }],
        },
      ],
    })
    expect(
      result.members.map((m) => m.objectives.map((o) => [o.objective, o.reached, o.earnedAmount])),
    ).toEqual([
      [
        ['P1.O1', true, '50000.00'],
        ['P1.O2', false, '24000.00'],
      ],
      [['P1.O4', true, '20000.50']],
    ])
    expect([result.amount, result.advance, result.balance, result.earnedAmount]).toEqual([
      '150000.50',
      '45000.15',
      '49000.35',
      '94000.50',
    ])
  })

  it('names the member and objective of a bad field', () => {
    const input = {
      members: [{ finess: '840000046', objectives: [{ objective: 'P1.O2', rates: [1, 2, 3] }] }],
    }
    expect(() => simulate('hopen2-ght', input)).toThrow(
      expect.objectContaining({ field: 'members.0.objectives.0.rates' }),
    )
  })
})

describe('HOPEN 2 bad input', () => {
  it.each([
    [{ objective: 'P1.O9' }, 'objective'],
    [{ objective: 'P1.O1', rates: [101] }, 'rates.0'],
    [{ objective: 'P1.O1', rates: [-1] }, 'rates.0'],
    [{ objective: 'P1.O1', rates: [50, 50] }, 'rates'],
    [{ objective: 'P1.O1', amount: 10.005 }, 'amount'],
    [{ objective: 'P1.O1', amount: -10 }, 'amount'],
    [{ objective: 'P1.O1', candidatureDate: '2024-10-05' }, 'candidatureDate'],
    [{ objective: 'P1.O1', prerequisites: { 'P1.P9': true } }, 'prerequisites.P1.P9'],
  ])('%j is refused on %s', (input, field) => {
    expect(() => simulate('hopen2', input)).toThrow(expect.objectContaining({ field }))
  })

  it('accepts a candidature date inside the window, bounds included', () => {
    expect(simulate('hopen2', { objective: 'P1.O1', candidatureDate: '2024-10-04' }).objective.id).toBe(
      'P1.O1',
    )
    expect(simulate('hopen2', { objective: 'P1.O1', candidatureDate: '2024-07-25' }).objective.id).toBe(
      'P1.O1',
    )
  })
})
