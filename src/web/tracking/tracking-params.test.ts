import { describe, expect, it } from 'vitest'
import { joinMeteo, readTrackingQuery, shownPeriod, splitMeteo, trackingHref } from './tracking-params'

const read = (search: string) => readTrackingQuery(new URLSearchParams(search))

describe('the tracking view in the URL', () => {
  it('reads back what it writes, in a stable order', () => {
    const href =
      '/suivi?period=2024-04&departement=22&ght=GHT-1&where=suivi.meteo%3Aeq%3Aalerte&where=insi.appels%3Alt%3A100' +
      '&columns=insi.appels%2Csuivi.meteo&sort=insi.appels&order=desc&compare=true'
    const query = read(href.split('?')[1] ?? '')
    expect(query).toEqual({
      period: '2024-04',
      place: { departement: '22', ght: 'GHT-1' },
      where: [
        { key: 'suivi.meteo', op: 'eq', value: 'alerte' },
        { key: 'insi.appels', op: 'lt', value: '100' },
      ],
      columns: ['insi.appels', 'suivi.meteo'],
      sort: 'insi.appels',
      order: 'desc',
      compare: true,
    })
    expect(trackingHref(query)).toBe(href)
  })

  it('leaves out what is unset or malformed', () => {
    expect(trackingHref(read('period=2024-13&where=x:bad&where=y:lt&where=z:empty:1&order=up'))).toBe(
      '/suivi',
    )
    expect(read('where=esms.dui:new&where=insi.appels:worse').where).toEqual([
      { key: 'esms.dui', op: 'new', value: null },
      { key: 'insi.appels', op: 'worse', value: null },
    ])
  })

  it('shows the current month when no point is asked for', () => {
    expect(shownPeriod(read(''), new Date(2024, 4, 15))).toBe('2024-05')
    expect(shownPeriod(read('period=2023-12'), new Date(2024, 4, 15))).toBe('2023-12')
  })

  it('keeps the météo apart from the other thresholds', () => {
    const where = read('where=insi.appels:gte:10&where=suivi.meteo:eq:alerte').where
    const split = splitMeteo(where)
    expect(split).toEqual({ meteo: 'alerte', thresholds: [{ key: 'insi.appels', op: 'gte', value: '10' }] })
    expect(joinMeteo(split.meteo, split.thresholds)).toHaveLength(2)
    expect(joinMeteo('', split.thresholds)).toEqual(split.thresholds)
  })
})
