import { describe, expect, it } from 'vitest'
import { findGridColumn, type GridColumn } from '../../domain/grid/columns'
import { areaGridHref, mapHref, mapQueryString, readMapView } from './map-params'

const column = (key: string) => findGridColumn(key) as GridColumn

describe('map URL', () => {
  it('reads the view from the URL, with defaults, and writes it back under the API’s names', () => {
    const view = readMapView(
      new URLSearchParams(
        'period=2022-09&indicator=suivi.meteo&status=alerte&level=region&sector=sanitaire&x=1',
      ),
    )
    expect(view).toEqual({
      period: '2022-09',
      indicator: 'suivi.meteo',
      status: 'alerte',
      level: 'region',
      filters: { sector: 'sanitaire' },
    })
    expect(mapHref(view)).toBe(
      '/carte?period=2022-09&indicator=suivi.meteo&status=alerte&level=region&sector=sanitaire',
    )
    const defaults = readMapView(new URLSearchParams('period=2022-13&level=commune'))
    expect(defaults).toEqual({ indicator: 'segur.commande.dpi', level: 'departement', filters: {} })
    expect(mapQueryString(defaults)).toBe('indicator=segur.commande.dpi&level=departement')
  })

  it('links an area to the grid: the sites with the status there', () => {
    const href = areaGridHref(
      {
        period: '2022-09',
        indicator: 'segur.commande.dpi',
        level: 'departement',
        filters: { sector: 'sanitaire' },
      },
      { level: 'departement', code: '2A' },
      { column: column('segur.commande.dpi'), status: 'signee', defaultColumns: [] },
    )
    expect(href).toBe(
      '/suivi?period=2022-09&departement=2A&sector=sanitaire&where=segur.commande.dpi%3Aeq%3Asignee',
    )
  })

  it('links an area to the grid sorted on a number, adding the column when it is not shown by default', () => {
    const view = {
      period: '2022-09',
      indicator: 'mss.bal',
      level: 'region' as const,
      filters: { region: '53' },
    }
    const hidden = areaGridHref(
      view,
      { level: 'region', code: '84' },
      { column: column('mss.bal'), status: null, defaultColumns: ['insi.appels'] },
    )
    const url = new URL(hidden, 'http://jalon')
    expect(url.searchParams.get('region')).toBe('84')
    expect(url.searchParams.get('columns')).toBe('insi.appels,mss.bal')
    expect(url.searchParams.get('sort')).toBe('mss.bal')
    expect(url.searchParams.get('order')).toBe('desc')
    expect(url.searchParams.getAll('where')).toEqual([])
    const shown = areaGridHref(
      { ...view, indicator: 'insi.appels' },
      { level: 'region', code: '84' },
      { column: column('insi.appels'), status: null, defaultColumns: ['insi.appels'] },
    )
    expect(new URL(shown, 'http://jalon').searchParams.get('columns')).toBeNull()
  })
})
