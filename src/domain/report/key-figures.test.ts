import { describe, expect, it } from 'vitest'
import type { Dashboard, StatusColumn } from '../contract/dashboard'
import { keyFigures } from './key-figures'

const column = (
  key: string,
  month: string | null,
  counts: Record<string, number>,
  empty: number,
  other: number,
  sites: number,
): StatusColumn => {
  const share = (n: number) => Math.round((n * 10_000) / sites) / 100
  return {
    key,
    label: key === 'suivi.meteo' ? 'Météo' : 'Commande DPI',
    theme: 'segur',
    month,
    statuses: Object.entries(counts).map(([code, count]) => ({
      code,
      label: code.toUpperCase(),
      count,
      share: share(count),
    })),
    empty: { count: empty, share: share(empty) },
    other: { count: other, share: share(other) },
  }
}

const board = (sites: number, columns: StatusColumn[]): Dashboard => ({
  period: '2022-09',
  sites,
  themes: [],
  statusColumns: columns,
  evolution: { months: [], charts: [] },
  tables: {
    insiCumulative: { month: null, rows: [] },
    insiMonth: { month: null, rows: [] },
    dmpMonth: { month: null, rows: [] },
    insStarted: { month: null, categories: [], total: { sites: 0, started: 0, share: 0 } },
  },
})

describe('keyFigures', () => {
  const region = board(4, [
    column('segur.commande.dpi', '2022-09', { signee: 3, 'non-signee': 0 }, 0, 1, 4),
    column('suivi.meteo', '2022-09', { alerte: 1 }, 3, 0, 4),
  ])
  const previous = board(2, [
    column('segur.commande.dpi', '2022-08', { signee: 1, 'non-signee': 1 }, 0, 0, 2),
  ])
  const nation = board(10, [
    column('segur.commande.dpi', '2022-09', { signee: 5, 'non-signee': 2 }, 3, 0, 10),
    column('suivi.meteo', '2022-09', { alerte: 4 }, 6, 0, 10),
  ])

  it('lines up each status of the région with the previous point and the nation', () => {
    const figures = keyFigures(region, previous, nation, new Set(['segur.commande.dpi']))
    expect(figures.sites).toEqual({ region: 4, previous: 2, nation: 10 })
    const dpi = figures.columns[0]
    expect(dpi).toMatchObject({
      key: 'segur.commande.dpi',
      themeLabel: 'Prestations Ségur',
      month: '2022-09',
    })
    expect(dpi?.previousMonth).toBe('2022-08')
    expect(dpi?.statuses).toEqual([
      {
        code: 'signee',
        label: 'SIGNEE',
        region: { count: 3, share: 75 },
        previous: { count: 1, share: 50 },
        nation: { count: 5, share: 50 },
      },
      {
        code: 'non-signee',
        label: 'NON-SIGNEE',
        region: { count: 0, share: 0 },
        previous: { count: 1, share: 50 },
        nation: { count: 2, share: 20 },
      },
      {
        code: null,
        label: 'Sans donnée',
        region: { count: 0, share: 0 },
        previous: { count: 0, share: 0 },
        nation: { count: 3, share: 30 },
      },
      {
        code: '*',
        label: 'Autre valeur',
        region: { count: 1, share: 25 },
        previous: { count: 0, share: 0 },
        nation: { count: 0, share: 0 },
      },
    ])
  })

  it('leaves out France where the user is not shown it, and the previous point without the column', () => {
    const meteo = keyFigures(region, previous, nation, new Set(['segur.commande.dpi'])).columns[1]
    expect(meteo?.previousMonth).toBeNull()
    // No "Autre valeur" line when no site has one.
    expect(meteo?.statuses.map((s) => [s.label, s.region.count, s.previous, s.nation])).toEqual([
      ['ALERTE', 1, null, null],
      ['Sans donnée', 3, null, null],
    ])
  })
})
