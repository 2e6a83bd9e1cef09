// Deployment statuses from monthly observations (RULES §4, seeds 000 and 001), as tables.
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'

const months = (values: Record<string, number>, field: string) =>
  Object.entries(values).map(([period, value]) => ({ period, [field]: value }))

describe('INS started: more than 100 INSi calls', () => {
  it.each([
    [{ '2022-01': 60, '2022-02': 40 }, '2022-02', false],
    [{ '2022-01': 60, '2022-02': 41 }, '2022-02', true],
    [{ '2022-01': 60, '2022-03': 41 }, '2022-02', false], // a later month does not count yet
  ])('%j as of %s → %s', (values, asOf, started) => {
    expect(simulate('ins-started', { asOf, observations: months(values, 'insiCalls') }).reached).toBe(started)
  })

  it('takes the threshold and the nominal rhythm as configuration', () => {
    const input = { asOf: '2022-02', observations: months({ '2022-02': 50 }, 'insiCalls') }
    expect(
      simulate('ins-started', { ...input, thresholds: { insStarted: { value: 50, comparison: 'gte' } } })
        .reached,
    ).toBe(true)
    expect(simulate('ins-started', input).nominal).toBeNull()
    expect(simulate('ins-started', { ...input, thresholds: { insNominalMonthlyCalls: 40 } }).nominal).toBe(
      true,
    )
  })
})

describe('feeds the DMP: at least 10 documents over the last 12 weeks (3 months)', () => {
  it.each([
    [{ '2022-01': 3, '2022-02': 3, '2022-03': 4 }, true],
    [{ '2022-01': 3, '2022-02': 3, '2022-03': 3 }, false],
    [{ '2021-12': 50, '2022-02': 3, '2022-03': 3 }, null], // January missing: not guessed as zero
    [{ '2022-02': 10 }, true], // already reached whatever January says
  ])('%j as of 2022-03 → %s', (values, reached) => {
    const result = simulate('dmp-feeding', { asOf: '2022-03', observations: months(values, 'documents') })
    expect(result.reached).toBe(reached)
    if (reached === null) expect(result.missing.map((m) => m.field)).toEqual(['observations.2022-01'])
  })
})

describe('DMP in EHPAD: convention signed, équipé (≥ 1 fed), actif (≥ 35 over 12 months)', () => {
  const year = (value: number) =>
    Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`2021-${String(i + 1).padStart(2, '0')}`, value]),
    )
  it.each([
    [{ ...year(3) }, undefined, 'actif'],
    [{ ...year(2), '2021-12': 13 }, undefined, 'actif'],
    [{ ...year(2), '2021-12': 12 }, undefined, 'equipe'],
    [{ ...year(0) }, true, 'convention-signee'],
    [{ ...year(0) }, false, 'aucun'],
    [{ ...year(0) }, undefined, null],
    [{ '2021-12': 20 }, undefined, null], // eleven months missing and not yet actif
  ])('%j, convention %s → %s', (values, conventionSigned, status) => {
    const result = simulate('ehpad-dmp', {
      asOf: '2021-12',
      conventionSigned,
      observations: months(values, 'dmpFed'),
    })
    expect(result.status).toBe(status)
  })

  it('reads "plus de 35" when configured so', () => {
    const input = { asOf: '2021-12', observations: months({ '2021-12': 35 }, 'dmpFed') }
    expect(simulate('ehpad-dmp', { ...input, thresholds: { ehpadActiveMonths: 1 } }).status).toBe('actif')
    const strict = { ehpadActiveMonths: 1, ehpadActive: { value: 35, comparison: 'gt' } }
    expect(simulate('ehpad-dmp', { ...input, thresholds: strict }).status).toBe('equipe')
  })

  it.each([
    [{ asOf: '2021-13', observations: [] }, 'asOf'],
    [{ asOf: '2021-12', observations: [{ period: '2021-12', dmpFed: -1 }] }, 'observations.0.dmpFed'],
    [
      {
        asOf: '2021-12',
        observations: [
          { period: '2021-12', dmpFed: 1 },
          { period: '2021-12', dmpFed: 2 },
        ],
      },
      'observations',
    ],
  ])('%j is refused on %s', (input, field) => {
    expect(() => simulate('ehpad-dmp', input)).toThrow(expect.objectContaining({ field }))
  })
})
