import { describe, expect, it } from 'vitest'
import { FIELDS } from '../../sources/tracker/fields'
import { GRID_COLUMNS, GRID_THEME_INFO } from './columns'

describe('grid columns', () => {
  it('are unique, each with an owner and a catalogue entry', () => {
    const keys = GRID_COLUMNS.map((c) => c.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(GRID_COLUMNS.every((c) => c.owner && c.label)).toBe(true)
  })

  it('hold every column of seed 002’s tracker, in its order', () => {
    const trackerIndicators = FIELDS.flatMap((f) => (f.indicator ? [f.indicator] : []))
    const shown = GRID_COLUMNS.map((c) => c.key).filter((k) => trackerIndicators.includes(k))
    expect(shown).toEqual(trackerIndicators.filter((k) => shown.includes(k)))
    expect(trackerIndicators.filter((k) => !shown.includes(k))).toEqual([])
  })

  it('dates imported values by a national source and typed ones by the follow-up point', () => {
    for (const c of GRID_COLUMNS) {
      if (c.entry === 'manual') continue
      if (c.entry === 'import') expect(GRID_THEME_INFO[c.theme].source, c.key).not.toBeNull()
    }
    expect(GRID_COLUMNS.filter((c) => c.quantitative).map((c) => c.key)).toContain('insi.appels')
  })
})
