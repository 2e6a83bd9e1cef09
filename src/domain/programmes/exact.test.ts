import Decimal from 'decimal.js'
import { describe, expect, it } from 'vitest'
import {
  add,
  centsOf,
  cmp,
  div,
  exact,
  formatCents,
  mul,
  sub,
  toCents,
  toFixed,
  toNumber,
  toPlain,
} from './exact'

const Oracle = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP })

describe('exact: reading decimal literals', () => {
  it.each([
    [0, '0'],
    [15000, '15000'],
    [0.1, '0.1'],
    ['12345.67', '12345.67'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    ['-2.50', '-2.5'],
  ])('%s reads as %s', (input, expected) => {
    expect(toPlain(exact(input), 12)).toBe(expected)
  })

  it.each(['abc', '', '1,5', 'NaN', 'Infinity'])('refuses %j', (input) => {
    expect(() => exact(input)).toThrow(RangeError)
  })

  it('has no binary float error: 0.1 + 0.2 is 0.3', () => {
    expect(cmp(add(exact(0.1), exact(0.2)), exact('0.3'))).toBe(0)
  })
})

describe('exact: rounding once, to the cent, half up', () => {
  it.each([
    ['0.005', '0.01'],
    ['0.00499999', '0.00'],
    ['2.675', '2.68'], // 2.675 is 2.67499… as a binary float: exact decimals round it up
    ['1.005', '1.01'],
    ['10338.7096774', '10338.71'],
    ['-0.005', '-0.01'], // half away from zero
    ['7', '7.00'],
  ])('%s → %s', (input, expected) => {
    expect(formatCents(toCents(exact(input)))).toBe(expected)
  })

  it('rounds a fraction with no finite decimal expansion exactly', () => {
    // 5 500 × 8 000 / 15 500 = 2 838.709677… (DPI at 15 000, RULES §6)
    const value = add(exact(7500), div(mul(exact(5500), exact(8000)), exact(15500)))
    expect(formatCents(toCents(value))).toBe('10338.71')
    expect(toFixed(value, 6)).toBe('10338.709677')
    expect(toNumber(sub(value, exact(7500)), 3)).toBe(2838.71)
  })

  it('agrees with decimal.js on 2 000 seeded interpolations', () => {
    let seed = 42
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed / 2 ** 31)
    for (let i = 0; i < 2000; i++) {
      const min = Math.floor(next() * 300_000)
      const span = Math.floor(next() * 200_000)
      const width = 1 + Math.floor(next() * 1_400_000)
      const offset = Math.floor(next() * width * 2) / 2
      const percent = [100, 90, 85, 80][i % 4] ?? 100
      const ours = div(
        mul(add(exact(min), div(mul(exact(span), exact(offset)), exact(width))), exact(percent)),
        exact(100),
      )
      const oracle = new Oracle(min).plus(new Oracle(span).times(offset).div(width)).times(percent).div(100)
      expect(formatCents(toCents(ours))).toBe(oracle.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2))
    }
  })
})

describe('exact: money strings and cents', () => {
  it.each([
    [12345.67, 1234567],
    [0.1, 10],
    [10.005, 1001], // more than two decimals: the exact path rounds half up
    [1.005, 101],
    [2.675, 268],
  ])('%s € → %s cents', (euros, cents) => {
    expect(centsOf(euros)).toBe(cents)
  })

  it('refuses an amount whose cents are not exact as a number', () => {
    expect(() => toCents(exact('1e16'))).toThrow(RangeError)
  })

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [1033871, '10338.71'],
    [-150, '-1.50'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%s cents → %s', (cents, expected) => {
    expect(formatCents(cents)).toBe(expected)
  })
})
