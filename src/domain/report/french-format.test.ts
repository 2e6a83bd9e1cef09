import { describe, expect, it } from 'vitest'
import {
  frenchCount,
  frenchCountChange,
  frenchDate,
  frenchEuros,
  frenchMonth,
  frenchNumber,
  frenchPointChange,
  frenchShare,
} from './french-format'

describe('the report’s French formats', () => {
  it('groups thousands with spaces and writes a decimal comma', () => {
    expect(frenchNumber(138635)).toBe('138 635')
    expect(frenchNumber('1234.5')).toBe('1 234,5')
    expect(frenchNumber(null)).toBe('—')
    expect(frenchCount(1, 'établissement')).toBe('1 établissement')
    expect(frenchCount(0, 'établissement')).toBe('0 établissement')
    expect(frenchCount(1200, 'établissement')).toBe('1 200 établissements')
  })
  it('formats exact decimal text without binary rounding', () => {
    expect(frenchNumber('90071992547409931')).toBe('90 071 992 547 409 931')
    expect(frenchEuros('1234567.89')).toBe('1 234 567,89 €')
    expect(frenchEuros(null)).toBe('—')
  })
  it('writes shares and their change in points', () => {
    expect(frenchShare(12.34)).toBe('12,34 %')
    expect(frenchShare(null)).toBe('—')
    expect(frenchPointChange(40, 38.5)).toBe('+1,5 pt')
    expect(frenchPointChange(0.3, 0.1)).toBe('+0,2 pt')
    expect(frenchPointChange(10, 22)).toBe('−12 pts')
    expect(frenchPointChange(10, 10)).toBe('=')
    expect(frenchPointChange(10, null)).toBe('—')
    expect(frenchCountChange(5, 2)).toBe('+3')
    expect(frenchCountChange(1, 1001)).toBe('−1 000')
    expect(frenchCountChange(1, null)).toBe('—')
  })
  it('writes months and dates in words', () => {
    expect(frenchMonth('2022-09')).toBe('septembre 2022')
    expect(frenchMonth(null)).toBe('—')
    expect(frenchDate('2026-12-02')).toBe('2 décembre 2026')
    expect(frenchDate('2026-08-01')).toBe('1er août 2026')
  })
})
