// The priorities page's URL and the criteria form's draft, as tables: what is read back is what was written.
import { describe, expect, it } from 'vitest'
import { defaultCriteria } from '../../domain/priorities/criteria'
import { criteriaOf, draftOf } from './criteria-draft'
import { prioritiesHref, prioritiesParams, readPrioritiesView } from './priorities-params'

describe('priorities URL', () => {
  it.each([
    ['', { page: 1 }],
    [
      '?period=2022-09&region=75&departement=16&list=4&page=3',
      { period: '2022-09', region: '75', departement: '16', list: 4, page: 3 },
    ],
    ['?period=2022-13&list=abc&page=-2', { page: 1 }],
    ['?list=0&page=1.5', { page: 1 }],
  ])('%s', (search, view) => {
    expect(readPrioritiesView(new URLSearchParams(search))).toEqual(view)
  })

  it('writes the page back, and pages the API by offset and limit', () => {
    const view = { period: '2022-09', list: 4, page: 3 }
    expect(prioritiesHref(view)).toBe('/priorites?period=2022-09&list=4&page=3')
    expect(prioritiesHref({ page: 1 })).toBe('/priorites')
    expect(prioritiesParams(view, { paged: true }).toString()).toBe(
      'period=2022-09&list=4&offset=100&limit=50',
    )
  })
})

describe('criteria draft', () => {
  it('round-trips the default criteria', () => {
    expect(criteriaOf(draftOf(null))).toEqual(defaultCriteria())
  })

  it('keeps a list’s choices, leaves the others unchecked with their defaults', () => {
    const draft = draftOf([{ id: 'commande-sans-va', weight: 5, parameters: { months: 9 } }])
    expect(draft['commande-sans-va']).toEqual({ used: true, weight: '5', parameters: { months: '9' } })
    expect(draft['sans-donnee']).toEqual({ used: false, weight: '1', parameters: { months: '6' } })
    expect(criteriaOf({ ...draft, 'en-recul': { used: true, weight: '2', parameters: {} } })).toEqual([
      { id: 'commande-sans-va', weight: 5, parameters: { months: 9 } },
      { id: 'en-recul', weight: 2, parameters: {} },
    ])
  })
})
