import { describe, expect, it } from 'vitest'
import { journalCsvHref, journalHref, readJournalFilter } from './journal-params'

describe('the journal’s filters in the URL', () => {
  it('reads what the URL says, without empty values', () => {
    const params = new URLSearchParams('finess=220000012&actor=&action=field.set&page=2&autre=x')
    expect(readJournalFilter(params)).toEqual({ finess: '220000012', action: 'field.set', page: '2' })
  })

  it('writes them in a stable order, without page 1', () => {
    expect(journalHref({ page: '1', action: 'field.set', finess: '220000012' })).toBe(
      '/journal?finess=220000012&action=field.set',
    )
    expect(journalHref({})).toBe('/journal')
  })

  it('downloads every page of the same filters as CSV', () => {
    expect(journalCsvHref({ finess: '220000012', from: '2024-01-01', page: '3' })).toBe(
      '/api/audit.csv?finess=220000012&from=2024-01-01',
    )
  })
})
