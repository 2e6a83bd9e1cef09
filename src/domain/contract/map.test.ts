import { describe, expect, it } from 'vitest'
import { findGridColumn, GRID_COLUMNS, type GridColumn } from '../grid/columns'
import { defaultStatus, isMappable, mapQuery, mapStatuses } from './map'

const column = (key: string) => findGridColumn(key) as GridColumn

/** The fields a refused query names. */
function refusedFields(query: Record<string, string>): string[] {
  const result = mapQuery.safeParse(query)
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'))
}

describe('map contract', () => {
  it('maps status, yes/no and quantitative columns, not free text', () => {
    expect(isMappable(column('suivi.meteo'))).toBe(true)
    expect(isMappable(column('segur.va.dpi'))).toBe(true)
    expect(isMappable(column('insi.appels'))).toBe(true)
    expect(isMappable(column('suivi.commentaire.insi'))).toBe(false)
    // Every mappable column has either statuses or numbers, never both.
    for (const c of GRID_COLUMNS.filter(isMappable)) expect(mapStatuses(c) !== null).not.toBe(c.quantitative)
  })

  it('counts the best status of an ordered scale by default, else the first', () => {
    expect(defaultStatus(column('suivi.meteo'))).toBe('deploye')
    expect(defaultStatus(column('segur.commande.dpi'))).toBe('signee')
    expect(defaultStatus(column('segur.va.dpi'))).toBe('oui')
    expect(defaultStatus(column('esms.niveau-contractualisation'))).toBe('EJ')
    expect(defaultStatus(column('insi.appels'))).toBeNull()
  })

  it('refuses bad input naming the field', () => {
    const ok = { period: '2022-09', indicator: 'suivi.meteo' }
    expect(mapQuery.parse(ok)).toMatchObject({ level: 'departement' })
    expect(refusedFields({ ...ok, status: 'alerte' })).toEqual([])
    expect(refusedFields({ ...ok, indicator: 'inconnu' })).toEqual(['indicator'])
    expect(refusedFields({ ...ok, indicator: 'suivi.commentaire.insi' })).toEqual(['indicator'])
    expect(refusedFields({ ...ok, status: 'soleil' })).toEqual(['status'])
    expect(refusedFields({ ...ok, indicator: 'insi.appels', status: 'oui' })).toEqual(['status'])
    expect(refusedFields({ ...ok, level: 'commune' })).toEqual(['level'])
    expect(refusedFields({ ...ok, period: '2022-13' })).toEqual(['period'])
  })
})
