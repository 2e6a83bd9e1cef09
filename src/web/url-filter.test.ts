import { describe, expect, it } from 'vitest'
import { currentPage, readUrlFilter, urlFilterQuery, withoutPage } from './url-filter'

const KEYS = ['region', 'status', 'page'] as const

describe('a list page’s filters in the URL', () => {
  it('reads the known keys, trimmed, without empty values', () => {
    const params = new URLSearchParams('status=%20fait%20&region=&autre=x&page=2')
    expect(readUrlFilter(params, KEYS)).toEqual({ status: 'fait', page: '2' })
  })

  it('writes them in the keys’ order, without empty values nor page 1', () => {
    expect(urlFilterQuery({ page: '1', status: 'fait', region: '53' }, KEYS)).toBe('?region=53&status=fait')
    expect(urlFilterQuery({ page: '3', region: ' ' }, KEYS)).toBe('?page=3')
    expect(urlFilterQuery({}, KEYS)).toBe('')
  })

  it('leaves the page out of a download', () => {
    expect(urlFilterQuery({ status: 'fait', page: '3' }, withoutPage(KEYS))).toBe('?status=fait')
  })

  it.each([
    [undefined, 1],
    ['4', 4],
    ['0', 1],
    ['2.5', 1],
    ['deux', 1],
  ])('reads page %s as %s', (page, expected) => {
    expect(currentPage(page === undefined ? {} : { page })).toBe(expected)
  })
})
