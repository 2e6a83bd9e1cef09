// IFAQ digital indicators (RULES §9, seed 004), as tables: both indicators, every year.
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'

describe('target by year, reached at the target exactly', () => {
  it.each([
    ['NUM1', 2022, 20, true],
    ['NUM1', 2023, 20, true],
    ['NUM1', 2024, 50, true],
    ['NUM2', 2022, 50, false],
    ['NUM2', 2023, 50, false],
    ['NUM2', 2024, 50, true],
  ] as const)('%s %s → target %s %% (stated %s)', (indicator, year, target, stated) => {
    const atTarget = simulate('ifaq', { indicator, year, numerator: target, denominator: 100 })
    expect([atTarget.target, atTarget.targetStated, atTarget.reached]).toEqual([target, stated, true])
    const below = simulate('ifaq', { indicator, year, numerator: target * 1000 - 1, denominator: 100_000 })
    expect(below.reached).toBe(false)
  })

  it.each([
    [1, 3, 33.33],
    [2, 3, 66.67],
    [0, 7, 0],
    [7, 7, 100],
  ])('%s / %s → %s %%', (numerator, denominator, rate) => {
    expect(simulate('ifaq', { indicator: 'NUM1', year: 2024, numerator, denominator }).rate).toBe(rate)
  })
})

describe('who must report: every establishment except PSY, PSY configurable', () => {
  it.each([
    [['MCO'], undefined, true],
    [['SSR', 'PSY'], undefined, true],
    [['HAD'], undefined, true],
    [['PSY'], undefined, false],
    [['PSY'], true, true],
    [['DIA'], undefined, false],
    [undefined, undefined, null],
  ] as const)('fields %j, psyMandatory %s → %s', (activityFields, psyMandatory, mustReport) => {
    const input = {
      indicator: 'NUM2',
      year: 2024,
      numerator: 1,
      denominator: 2,
      activityFields,
      psyMandatory,
    }
    expect(simulate('ifaq', input).mustReport).toBe(mustReport)
  })
})

describe('IFAQ bad input', () => {
  it.each([
    [{ indicator: 'NUM1', year: 2024, numerator: 3 }, 'denominator'],
    [{ indicator: 'NUM1', year: 2024, numerator: 3, denominator: 0 }, 'denominator'],
    [{ indicator: 'NUM1', year: 2024, numerator: 5, denominator: 4 }, 'numerator'],
    [{ indicator: 'NUM1', year: 2024, numerator: -1, denominator: 4 }, 'numerator'],
    [{ indicator: 'NUM1', year: 2021, numerator: 1, denominator: 4 }, 'year'],
    [{ indicator: 'NUM3', year: 2024, numerator: 1, denominator: 4 }, 'indicator'],
    [
      { indicator: 'NUM1', year: 2024, numerator: 1, denominator: 4, activityFields: ['USLD'] },
      'activityFields.0',
    ],
  ])('%j is refused on %s', (input, field) => {
    expect(() => simulate('ifaq', input)).toThrow(expect.objectContaining({ field }))
  })
})
