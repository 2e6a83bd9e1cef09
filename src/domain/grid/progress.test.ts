import { describe, expect, it } from 'vitest'
import { findIndicator } from '../observations/indicators'
import { GRID_COLUMNS } from './columns'
import { canGetWorse, progressScale } from './progress'

describe('progress scales', () => {
  it('name only codes of their column’s vocabulary', () => {
    for (const column of GRID_COLUMNS) {
      const scale = progressScale(column)
      if (!scale || column.kind === 'boolean') continue
      const codes = (column.statuses ?? findIndicator(column.key)?.statuses ?? []).map((s) => s.code)
      expect(
        scale.filter((code) => !codes.includes(code)),
        column.key,
      ).toEqual([])
    }
  })

  it('compare numbers, yes/no and ordered statuses, not free text', () => {
    const worse = (key: string) => {
      const column = GRID_COLUMNS.find((c) => c.key === key)
      if (!column) throw new Error(`no column ${key}`)
      return canGetWorse(column)
    }
    expect(['insi.appels', 'suivi.meteo', 'segur.commande.dpi'].map(worse)).toEqual([true, true, true])
    expect(worse('suivi.commentaire.insi')).toBe(false)
  })
})
