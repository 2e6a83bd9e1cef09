import { describe, expect, it } from 'vitest'
import type { BracketScale } from '../data/types'
import { exact, formatCents, toCents, toPlain } from '../exact'
import { locate } from './brackets'
import { addDays, findByDate, isIsoDate } from './calendar'
import { applyPercentage, divideHalfUp, splitPayment } from './degressivity'
import { allOf } from './joint'
import { lastPeriods, sumOverWindow, sumUpTo } from './monthly-window'
import { affineAmount, affineCents } from './piecewise-affine'
import { findStep } from './step-bareme'
import { meets, percentOf } from './threshold'

const scale: BracketScale = {
  brackets: [
    { code: 'A', from: 0, to: 7_000 },
    { code: 'B', from: 7_000, to: 22_500 },
    { code: 'C', from: 22_500, to: 230_000 },
    { code: 'D', from: 230_000, to: 1_600_000 },
  ],
  above: 'cap',
  reference: { rules: 'test', seed: 'test' },
}

describe('locate: lower bound inclusive, upper exclusive, last bracket closed, capped above', () => {
  it.each([
    [0, 'A', '0', false],
    [3_500, 'A', '0.5', false],
    [6_999.5, 'A', '0.999928571429', false],
    [7_000, 'B', '0', false],
    [22_499, 'B', '0.999935483871', false],
    [22_500, 'C', '0', false],
    [229_999.5, 'C', '0.999997590361', false],
    [230_000, 'D', '0', false],
    [1_600_000, 'D', '1', false],
    [1_600_000.5, 'D', '1', true],
    [5_000_000, 'D', '1', true],
  ])('%s → %s, fraction %s, capped %s', (value, code, fraction, capped) => {
    const position = locate(scale, exact(value))
    expect(position?.bracket.code).toBe(code)
    expect(toPlain(position?.fraction ?? exact(-1), 12)).toBe(fraction)
    expect(position?.capped).toBe(capped)
  })

  it('refuses below the first bound, and above the last when the scale says reject', () => {
    expect(locate(scale, exact(-1))).toBeNull()
    expect(locate({ ...scale, above: 'reject' }, exact(1_600_001))).toBeNull()
    expect(locate({ ...scale, above: 'reject' }, exact(1_600_000))?.bracket.code).toBe('D')
  })
})

describe('affineAmount: min at the lower bound, max at the upper bound, linear between', () => {
  const range = { min: 7_500, max: 13_000 }
  it.each([
    [7_000, '7500.00'],
    [15_000, '10338.71'],
    [14_750, '10250.00'],
    [22_499, '12999.65'],
  ])('DPI tranche B at %s → %s', (activity, expected) => {
    const position = locate(scale, exact(activity))
    if (!position) throw new Error('no position')
    expect(formatCents(toCents(affineAmount(range, position)))).toBe(expected)
  })
})

describe('affineCents: the integer fast path agrees with the exact fraction', () => {
  it('on 5 000 seeded activities, percentages and ranges, fractional ones included', () => {
    let seed = 3
    const next = () => ((seed = (seed * 16_807) % 2_147_483_647), seed / 2_147_483_647)
    for (let i = 0; i < 5000; i++) {
      const activity = Math.round(next() * 2_000_000 * (i % 3 === 0 ? 100 : 2)) / (i % 3 === 0 ? 100 : 2)
      const position = locate(scale, activity)
      if (!position) throw new Error('no position')
      const min = i % 7 === 0 ? Math.round(next() * 1e6) / 100 : Math.floor(next() * 300_000)
      const range = { min, max: min + Math.floor(next() * 200_000) }
      const percent = [100, 90, 85, 80, 12.5, 33][i % 6] ?? 100
      const expected = toCents(applyPercentage(affineAmount(range, position), percent))
      expect(affineCents(range, position, percent)).toBe(expected)
    }
  })

  it('falls back to the exact fraction when integers would not be safe', () => {
    const position = locate(scale, exact('1234567.123456'))
    if (!position) throw new Error('no position')
    expect(Number.isNaN(position.num) || position.den > 1e9).toBe(true)
    const range = { min: 150_000, max: 320_000 }
    expect(affineCents(range, position, 85)).toBe(toCents(applyPercentage(affineAmount(range, position), 85)))
  })
})

describe('findStep: inclusive integer bounds, open last step', () => {
  const steps = [
    { code: 'A', from: 1, to: 15_000 },
    { code: 'B', from: 15_001, to: 30_000 },
    { code: 'H', from: 30_001, to: null },
  ]
  it.each([
    [0, null],
    [1, 'A'],
    [15_000, 'A'],
    [15_001, 'B'],
    [30_000, 'B'],
    [30_001, 'H'],
    [10_000_000, 'H'],
  ])('%s → %s', (value, code) => {
    expect(findStep(steps, value)?.code ?? null).toBe(code)
  })
})

describe('thresholds and targets', () => {
  it.each([
    [100, 'gt', false],
    [101, 'gt', true],
    [10, 'gte', true],
    [9, 'gte', false],
  ] as const)('%s against 100/10 (%s) → %s', (value, comparison, expected) => {
    expect(meets(exact(value), { value: comparison === 'gt' ? 100 : 10, comparison })).toBe(expected)
  })

  it('computes a rate exactly: 49 / 100 is exactly 49 %', () => {
    expect(toPlain(percentOf(exact(49), exact(100)))).toBe('49')
    expect(toPlain(percentOf(exact(1), exact(3)), 4)).toBe('33.3333')
  })
})

describe('allOf: joint targets', () => {
  it.each([
    [[true, true], true],
    [[true, false], false],
    [[null, false], false],
    [[true, null], null],
    [[], true],
  ] as const)('%j → %s', (parts, expected) => {
    expect(allOf(parts)).toBe(expected)
  })
})

describe('degressivity and payment split', () => {
  it.each([
    [100, '36387.10'],
    [90, '32748.39'],
    [85, '30929.03'],
    [80, '29109.68'],
  ])('36 387,096774… × %s %% → %s', (percent, expected) => {
    const forfait = { n: 24_000n * 15_500n + 24_000n * 8_000n, d: 15_500n }
    expect(formatCents(toCents(applyPercentage(forfait, percent)))).toBe(expected)
  })

  it.each([
    [1_000_000, 300_000, 700_000],
    [5, 2, 3], // 0,015 € rounds up to 0,02 €; the balance takes the rest so the total stays 0,05 €
    [1_234_567, 370_370, 864_197],
    [0, 0, 0],
  ])('%s cents → advance %s + balance %s', (total, advance, balance) => {
    expect(splitPayment(total, 30)).toEqual({ advance, balance })
  })

  it('splits like the exact fraction path on 5 000 seeded amounts and percentages', () => {
    let seed = 11
    const next = () => ((seed = (seed * 48_271) % 2_147_483_647), seed / 2_147_483_647)
    for (let i = 0; i < 5000; i++) {
      const total = Math.floor(next() * 10 ** (1 + (i % 13)))
      const percent = [30, 70, 33, 1, 99, 12.5][i % 6] ?? 30
      const expected = toCents(applyPercentage({ n: BigInt(total), d: 100n }, percent))
      expect(splitPayment(total, percent).advance).toBe(expected)
      expect(divideHalfUp(total * 3, 7)).toBe(toCents({ n: BigInt(total * 3), d: 700n }))
    }
  })
})

describe('calendar', () => {
  it('checks ISO dates, adds days in UTC and finds a window with inclusive bounds', () => {
    expect(isIsoDate('2021-02-29')).toBe(false)
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(addDays('2021-12-01', -120)).toBe('2021-08-03')
    expect(addDays('2024-03-31', 1)).toBe('2024-04-01')
    const windows = [{ n: 1, r: { from: '2021-09-01', to: '2021-10-31' } }]
    expect(findByDate(windows, '2021-10-31', (w) => w.r)?.n).toBe(1)
    expect(findByDate(windows, '2021-11-01', (w) => w.r)).toBeNull()
  })
})

describe('monthly windows', () => {
  it('lists the last months across a year boundary and reports missing months', () => {
    expect(lastPeriods('2024-02', 3)).toEqual(['2023-12', '2024-01', '2024-02'])
    const observations = [
      { period: '2023-12', n: 4 },
      { period: '2024-02', n: 3 },
      { period: '2023-11', n: 100 },
      { period: '2024-03', n: 1000 },
    ]
    expect(sumOverWindow(observations, (o) => o.n, '2024-02', 3)).toEqual({
      from: '2023-12',
      to: '2024-02',
      months: 3,
      sum: 7,
      missing: ['2024-01'],
    })
    expect(sumUpTo(observations, (o) => o.n, '2024-02')).toBe(107)
  })
})
