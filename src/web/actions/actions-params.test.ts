import { describe, expect, it } from 'vitest'
import { actionsCsvHref, actionsHref, readActionsFilter } from './actions-params'

describe('the /actions URL', () => {
  it('keeps the known filters, trimmed, in a stable order', () => {
    const filter = readActionsFilter(
      new URLSearchParams('status=a_faire&region=%2053%20&q=x&page=1&dueBefore=2025-06-30'),
    )
    expect(filter).toEqual({ region: '53', status: 'a_faire', page: '1', dueBefore: '2025-06-30' })
    expect(actionsHref(filter)).toBe('/actions?region=53&status=a_faire&dueBefore=2025-06-30')
    expect(actionsHref({})).toBe('/actions')
  })

  it('gives the CSV the same filters without the page', () => {
    expect(actionsCsvHref({ owner: '7', page: '3' })).toBe('/api/actions/export.csv?owner=7')
  })
})
