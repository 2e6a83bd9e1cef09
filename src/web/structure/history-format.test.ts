// Money from exact decimal text, digit by digit; rates and points as the establishment page shows them.
import { describe, expect, it } from 'vitest'
import { formatEuros, formatRate, pointText } from './history-format'

const point = { month: '2024-03', level: 'EG', finess: '240000372', source: 'insi' } as const

describe('history formats', () => {
  it.each([
    ['24281.45', '24\u202f281,45\u00a0€'],
    ['90617.35', '90\u202f617,35\u00a0€'],
    ['1234567890123.10', '1\u202f234\u202f567\u202f890\u202f123,10\u00a0€'],
    ['0.05', '0,05\u00a0€'],
    [null, '—'],
  ])('formats %s as %s', (amount, expected) => {
    expect(formatEuros(amount)).toBe(expected)
  })

  it('shows a rate with its fraction, a count with its unit, a status by its label', () => {
    const rate = { kind: 'rate', unit: '%', statuses: null }
    expect(pointText(rate, { ...point, value: '59.22', numerator: '1214', denominator: '2050' })).toBe(
      '59,2\u00a0% (1\u202f214 / 2\u202f050)',
    )
    const count = { kind: 'count', unit: 'appels', statuses: null }
    expect(pointText(count, { ...point, value: '1200', numerator: null, denominator: null })).toBe(
      '1\u202f200\u00a0appels',
    )
    const status = { kind: 'status', unit: null, statuses: [{ code: 'alerte', label: 'Alerte' }] }
    expect(pointText(status, { ...point, value: 'alerte', numerator: null, denominator: null })).toBe(
      'Alerte',
    )
    expect(pointText(count, null)).toBe('—')
    expect(formatRate('59.22')).toBe('59,22\u00a0%')
  })
})
