// Activité combinée and its category (RULES §5, seed 003), as tables.
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'

const zero = {
  mcoDays: 0,
  mcoSessions: 0,
  ambulatoryStays: 0,
  ssrDays: 0,
  psyDays: 0,
  hadDays: 0,
  usldDays: 0,
}

describe('activité combinée = MCO days + 0.5 sessions + 1.5 ambulatory stays + 0.5 (SSR + PSY + HAD + USLD)', () => {
  it.each([
    [{ mcoDays: 1 }, 1],
    [{ mcoSessions: 1 }, 0.5],
    [{ ambulatoryStays: 1 }, 1.5],
    [{ ssrDays: 1 }, 0.5],
    [{ psyDays: 1 }, 0.5],
    [{ hadDays: 1 }, 0.5],
    [{ usldDays: 1 }, 0.5],
    [
      {
        mcoDays: 10_000,
        mcoSessions: 2_000,
        ambulatoryStays: 1_000,
        ssrDays: 1_000,
        psyDays: 500,
        hadDays: 300,
        usldDays: 201,
      },
      13_500.5,
    ],
  ])('%j → %s', (components, expected) => {
    expect(simulate('activite', { ...zero, ...components }).activiteCombinee).toBe(expected)
  })
})

describe('category A–D: lower bound inclusive, upper exclusive, D includes 1 600 000 and caps above', () => {
  it.each([
    [0, 'A', false],
    [6_999, 'A', false],
    [7_000, 'B', false],
    [22_499, 'B', false],
    [22_500, 'C', false],
    [229_999, 'C', false],
    [230_000, 'D', false],
    [1_600_000, 'D', false],
    [1_600_001, 'D', true],
  ])('%s MCO days → %s (capped %s)', (mcoDays, code, capped) => {
    const result = simulate('activite', { ...zero, mcoDays })
    expect(result.category?.code).toBe(code)
    expect(result.category?.capped).toBe(capped)
  })

  it('reaches a bound through the weights: 13 999 sessions + 1 SSR day = 7 000 → B', () => {
    expect(simulate('activite', { ...zero, mcoSessions: 13_999, ssrDays: 1 }).category?.code).toBe('B')
    expect(simulate('activite', { ...zero, mcoSessions: 13_999 }).category?.code).toBe('A')
  })
})

describe('missing components are listed, never taken as zero', () => {
  it('gives no value and names each missing field', () => {
    const result = simulate('activite', { mcoDays: 10_000, ssrDays: 20 })
    expect(result.activiteCombinee).toBeNull()
    expect(result.category).toBeNull()
    expect(result.missing.map((m) => m.field)).toEqual([
      'mcoSessions',
      'ambulatoryStays',
      'psyDays',
      'hadDays',
      'usldDays',
    ])
  })
})

describe('bad input', () => {
  it.each([
    [{ ...zero, mcoDays: -1 }, 'mcoDays'],
    [{ ...zero, ssrDays: 'beaucoup' }, 'ssrDays'],
    [{ ...zero, hadDays: 1.5 }, 'hadDays'],
    [{ ...zero, extra: 1 }, 'extra'],
  ])('%j is refused on %s', (input, field) => {
    expect(() => simulate('activite', input)).toThrow(
      expect.objectContaining({ name: 'ProgrammeInputError', field }),
    )
  })
})
