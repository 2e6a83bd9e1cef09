// SUN-ES volet 1 (RULES §7, seeds 000 and 003), as tables: every window target, every forfait bound.
import Decimal from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'

// Seed 000 table, restated by hand: window → degressivity, LDL, ordonnance, CRO, bio, imagerie, INS.
const WINDOWS = [
  [1, 100, 49, 40, 49, 45, 45, 50],
  [2, 90, 59, 48, 59, 54, 54, 60],
  [3, 85, 64, 59, 64, 59, 59, 65],
  [4, 80, 69, 63, 69, 63, 63, 70],
] as const
const INDICATORS = ['ldl', 'ordonnance', 'cro', 'bio', 'imagerie', 'insRecovery'] as const

// Seed 003 forfaits at 100 %: domain → [min, max] for A, B, C, D.
const FORFAITS = {
  D1: [
    [18_000, 24_000],
    [24_000, 48_000],
    [48_000, 150_000],
    [150_000, 320_000],
  ],
  D2: [
    [6_500, 13_000],
    [13_000, 26_000],
    [26_000, 52_000],
    [52_000, 80_000],
  ],
  D3: [
    [6_500, 13_000],
    [13_000, 26_000],
    [26_000, 52_000],
    [52_000, 80_000],
  ],
  V2: [
    [7_390, 9_854],
    [9_854, 19_707],
    [19_707, 61_585],
    [61_585, 131_382],
  ],
} as const
const BOUNDS = [0, 7_000, 22_500, 230_000, 1_600_000]
const CODES = ['A', 'B', 'C', 'D']

const allMet = {
  identityVigilanceCell: true,
  rniv: true,
  securityPolicy: true,
  cyberAudit: true,
  dmpCapability: true,
  mssanteMessaging: true,
}

describe('every window target and degressivity of the seed', () => {
  const rows = WINDOWS.flatMap(([w, , ...targets]) =>
    INDICATORS.map((ind, i) => [w, ind, targets[i] ?? NaN] as const),
  )
  it.each(rows)('window %s, %s → target %s %%', (window, indicator, target) => {
    const domain = indicator === 'bio' ? 'D2' : indicator === 'imagerie' ? 'D3' : 'D1'
    const result = simulate('sun-es', { window, domains: [domain], ownLaboratory: true, ownImaging: true })
    const d = result.domains[0]
    const found = indicator === 'cro' ? d?.bonus : d?.targets.find((t) => t.indicator === indicator)
    expect(found?.target).toBe(target)
  })

  it.each(WINDOWS.map(([w, degressivity]) => [w, degressivity]))(
    'window %s pays %s %% of the forfait',
    (window, pct) => {
      expect(simulate('sun-es', { window, activity: 0 }).window.degressivity).toBe(pct)
    },
  )
})

describe('forfaits at 100 % at every bound (window 1), piecewise affine like SONS', () => {
  const rows = (Object.keys(FORFAITS) as (keyof typeof FORFAITS)[]).flatMap((domain) =>
    CODES.flatMap(
      (code, i) =>
        [
          [domain, BOUNDS[i] ?? 0, code, FORFAITS[domain][i]?.[0] ?? 0],
          [domain, BOUNDS[i + 1] ?? 0, CODES[i + 1] ?? 'D', FORFAITS[domain][i]?.[1] ?? 0],
        ] as const,
    ),
  )
  it.each(rows)('%s at %s → category %s, %s €', (domain, activity, code, amount) => {
    const result = simulate('sun-es', {
      window: 1,
      activity,
      domains: [domain],
      ownLaboratory: true,
      ownImaging: true,
      volet2Percentage: 100,
    })
    expect(result.category?.code).toBe(code)
    expect(result.domains[0]?.amount).toBe(new Decimal(amount).toFixed(2))
  })
})

describe('amount for a domain = forfait(activity) × degressivity(window), rounded once', () => {
  it.each([
    ['D1', 100_000, 3, '86096.39', '73181.93'],
    ['D2', 300_000, 4, '53430.66', '42744.53'],
    ['D3', 10_000, 2, '15516.13', '13964.52'],
    ['D1', 15_000, 2, '36387.10', '32748.39'],
    ['D1', 3_000_000, 4, '320000.00', '256000.00'],
  ] as const)(
    '%s at %s in window %s → forfait %s, amount %s',
    (domain, activity, window, forfait, amount) => {
      const d = simulate('sun-es', {
        window,
        activity,
        domains: [domain],
        ownLaboratory: true,
        ownImaging: true,
      }).domains[0]
      expect([d?.forfait, d?.amount]).toEqual([forfait, amount])
    },
  )

  it('volet 2: forfait priced, amount only with the unpublished percentage', () => {
    const without = simulate('sun-es', { window: 1, activity: 5_000, domains: ['V2'] })
    expect([without.domains[0]?.forfait, without.domains[0]?.amount]).toEqual(['9150.00', null])
    expect(without.missing.map((m) => m.field)).toContain('volet2Percentage')
    const given = simulate('sun-es', {
      window: 1,
      activity: 5_000,
      domains: ['V2'],
      volet2Percentage: 90,
      volet2Reached: true,
      prerequisites: allMet,
    })
    expect([given.domains[0]?.amount, given.earnedAmount]).toEqual(['8235.00', '8235.00'])
  })
})

describe('attainment: D1 needs LDL and ordonnance together, CRO is a bonus, INS recovery a gate', () => {
  it.each([
    [{ ldl: 49, ordonnance: 40, insRecovery: 50 }, true],
    [{ ldl: 49, ordonnance: 39.99, insRecovery: 50 }, false],
    [{ ldl: 48.9, ordonnance: 80, insRecovery: 50 }, false],
    [{ ldl: 49, ordonnance: 40, insRecovery: 49 }, false],
    [{ ldl: 49, ordonnance: 40 }, null],
    [{ ldl: 10, ordonnance: 40 }, false], // one part fails: the rest cannot save it
    [
      {
        ldl: { numerator: 49, denominator: 100 },
        ordonnance: { numerator: 2, denominator: 5 },
        insRecovery: 50,
      },
      true,
    ],
    [{ ldl: 49, ordonnance: 40, insRecovery: 50, cro: 0 }, true],
  ])('window 1, rates %j → %s', (rates, reached) => {
    const result = simulate('sun-es', { window: 1, activity: 10_000, domains: ['D1'], rates })
    expect(result.domains[0]?.reached).toBe(reached)
  })

  it('reports the CRO bonus on its own target', () => {
    const d = simulate('sun-es', { window: 2, activity: 1, domains: ['D1'], rates: { cro: 59 } }).domains[0]
    expect(d?.bonus).toMatchObject({ indicator: 'cro', code: 'DS1.3', target: 59, rate: 59, reached: true })
  })

  it('lets the caller switch the INS recovery gate off', () => {
    const d = simulate('sun-es', {
      window: 1,
      activity: 1,
      domains: ['D1'],
      rates: { ldl: 49, ordonnance: 40 },
      insRecoveryGate: false,
    })
    expect(d.domains[0]?.reached).toBe(true)
    expect(d.domains[0]?.targets.map((t) => t.indicator)).toEqual(['ldl', 'ordonnance'])
  })

  it.each([
    [true, '13000.00', true],
    [false, '0.00', false],
    [undefined, '13000.00', null],
  ])('D2 with own laboratory %s → amount %s, reached %s', (ownLaboratory, amount, reached) => {
    const result = simulate('sun-es', {
      window: 1,
      activity: 7_000,
      domains: ['D2'],
      rates: { bio: 45, insRecovery: 50 },
      ownLaboratory,
    })
    expect([result.domains[0]?.amount, result.domains[0]?.reached]).toEqual([amount, reached])
  })
})

describe('total of a candidature at FINESS PMSI level', () => {
  const rates = { ldl: 70, ordonnance: 70, bio: 70, imagerie: 10, insRecovery: 70 }
  it('sums the amounts at stake and what reached domains earn, prerequisites met', () => {
    const result = simulate('sun-es', {
      window: 3,
      activity: 22_500,
      rates,
      ownLaboratory: true,
      ownImaging: true,
      prerequisites: allMet,
    })
    // Category C at its lower bound: D1 48 000, D2 26 000, D3 26 000, × 85 %.
    expect(result.domains.map((d) => [d.domain, d.amount, d.reached, d.earnedAmount])).toEqual([
      ['D1', '40800.00', true, '40800.00'],
      ['D2', '22100.00', true, '22100.00'],
      ['D3', '22100.00', false, '0.00'],
    ])
    expect([result.amount, result.earnedAmount, result.reached]).toEqual(['85000.00', '62900.00', false])
  })

  it('earns nothing when a prerequisite is not met, and leaves it open when one is not given', () => {
    const failed = simulate('sun-es', {
      window: 3,
      activity: 22_500,
      rates,
      ownLaboratory: true,
      ownImaging: true,
      prerequisites: { ...allMet, cyberAudit: false },
    })
    expect([failed.prerequisitesMet, failed.earnedAmount]).toEqual([false, '0.00'])
    const open = simulate('sun-es', {
      window: 3,
      activity: 22_500,
      rates,
      ownLaboratory: true,
      ownImaging: true,
    })
    expect([open.prerequisitesMet, open.earnedAmount]).toEqual([null, null])
    expect(open.missing.filter((m) => m.field.startsWith('prerequisites.'))).toHaveLength(6)
  })
})

describe('window from a candidature date', () => {
  it.each([
    ['2021-09-01', 1],
    ['2021-10-31', 1],
    ['2022-04-15', 2],
    ['2022-09-30', 3],
    ['2023-04-30', 4],
  ])('%s → window %s', (candidatureDate, window) => {
    expect(simulate('sun-es', { candidatureDate, activity: 1 }).window.number).toBe(window)
  })

  it.each([
    [{ candidatureDate: '2021-11-01' }, 'candidatureDate'],
    [{ candidatureDate: '2023-05-01' }, 'candidatureDate'],
    [{ window: 1, candidatureDate: '2022-03-15' }, 'candidatureDate'],
    [{ window: 5 }, 'window'],
    [{ window: 0 }, 'window'],
    [{ window: 1.5 }, 'window'],
    [{}, 'window'],
    [{ window: 1, rates: { ldl: 101 } }, 'rates.ldl'],
    [{ window: 1, rates: { ldl: { numerator: 5, denominator: 4 } } }, 'rates.ldl.numerator'],
    [{ window: 1, rates: { ldl: { numerator: 5 } } }, 'rates.ldl.denominator'],
    [{ window: 1, activity: -5 }, 'activity'],
    [{ window: 1, domains: ['D4'] }, 'domains.0'],
  ])('%j is refused on %s', (input, field) => {
    expect(() => simulate('sun-es', input)).toThrow(expect.objectContaining({ field }))
  })
})

// RULES §7, last column of the forfait table: D1 + D2 + D3 + volet 2 at 100 %, at each category bound.
describe('SUN-ES total forfait at 100 % (the seed table’s “total” column)', () => {
  it.each([
    [0, '38390.00'],
    [7_000, '59854.00'],
    [22_500, '119707.00'],
    [230_000, '315585.00'],
    [1_600_000, '611382.00'],
  ])('activité %s → %s €', (activity, total) => {
    const result = simulate('sun-es', {
      activity,
      window: 1,
      domains: ['D1', 'D2', 'D3', 'V2'],
      volet2Percentage: 100,
    })
    expect(result.amount).toBe(total)
  })
})
