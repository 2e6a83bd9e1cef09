import { describe, expect, it } from 'vitest'
import { savedGridQuery, type GridView } from '../../domain/contract/grid-views'
import { groupViews, viewHref } from './grid-views-api'
import { readTrackingQuery, trackingParams } from './tracking-params'

const view = (id: number, name: string, region: string | null): GridView => ({
  id,
  name,
  query: '',
  region,
  ownerName: 'Rose Le Goff',
  mine: true,
  editable: true,
  createdAt: '2024-04-02T10:00:00Z',
  updatedAt: '2024-04-02T10:00:00Z',
})

describe('saved views in the page', () => {
  // The list marks the view shown by comparing the URL with the saved text: both must write it alike.
  it.each([
    'departement=29&category=500&where=suivi.meteo%3Aeq%3Aalerte',
    'period=2024-04&region=53&sector=medico-social&where=insi.appels%3Alt%3A100&where=esms.dui%3Aempty' +
      '&columns=insi.appels%2Csuivi.meteo&sort=insi.appels&order=desc&compare=true',
    'q=CH+de+Saint-Brieuc&ej=220000020&ght=GHT-1&sort=name&order=asc',
    '',
  ])('writes the query as the server saves it: %s', (search) => {
    const written = trackingParams(readTrackingQuery(new URLSearchParams(search))).toString()
    expect(written).toBe(search)
    expect(savedGridQuery.parse(written)).toBe(written)
  })

  it('opens a view at /suivi with its query', () => {
    expect(viewHref({ query: 'departement=29' })).toBe('/suivi?departement=29')
    expect(viewHref({ query: '' })).toBe('/suivi')
  })

  it('groups personal views first, then each région’s', () => {
    const groups = groupViews([
      view(1, 'A', null),
      view(2, 'B', '53'),
      view(3, 'C', '75'),
      view(4, 'D', '53'),
    ])
    expect(groups.map((g) => [g.label, g.views.map((v) => v.name)])).toEqual([
      ['Mes vues', ['A']],
      ['Partagées avec la région Bretagne', ['B', 'D']],
      ['Partagées avec la région Nouvelle-Aquitaine', ['C']],
    ])
    expect(groupViews([])).toEqual([])
  })
})
