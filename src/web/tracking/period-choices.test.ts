import { describe, expect, it } from 'vitest'
import { periodChoices } from './period-choices'

const periods = { first: '2021-01', latest: '2021-04', withData: ['2021-02', '2021-04'] }

describe('periodChoices', () => {
  it('offers every month from the first to the latest with data, newest first, marked', () => {
    expect(periodChoices(periods, '2021-04', '2026-05')).toEqual([
      { period: '2021-04', hasData: true },
      { period: '2021-03', hasData: false },
      { period: '2021-02', hasData: true },
      { period: '2021-01', hasData: false },
    ])
  })

  it('keeps the point shown when it lies past the latest data or before the first point', () => {
    expect(periodChoices(periods, '2026-05', '2026-05').map((c) => c.period)).toEqual([
      '2026-05',
      '2021-04',
      '2021-03',
      '2021-02',
      '2021-01',
    ])
    expect(periodChoices(periods, '2020-12', '2026-05').at(-1)).toEqual({ period: '2020-12', hasData: false })
  })

  it('offers the months up to now, unmarked, while the months with data are unknown', () => {
    const choices = periodChoices(undefined, '2021-02', '2021-03')
    expect(choices).toEqual([
      { period: '2021-03', hasData: null },
      { period: '2021-02', hasData: null },
      { period: '2021-01', hasData: null },
    ])
  })

  it('offers the point shown alone with the first one before any import', () => {
    const none = { first: '2021-01', latest: null, withData: [] }
    expect(periodChoices(none, '2021-02', '2026-05')).toEqual([
      { period: '2021-02', hasData: false },
      { period: '2021-01', hasData: false },
    ])
  })
})
