import { describe, expect, it } from 'vitest'
import { areasShown } from './map'

const DEPARTEMENTS = [
  { code: '01', name: 'Ain', region: '84' },
  { code: '16', name: 'Charente', region: '75' },
  { code: '24', name: 'Dordogne', region: '75' },
  { code: '29', name: 'Finistère', region: '53' },
]
const codes = (areas: { code: string }[]) => areas.map((a) => a.code)

describe('areas shown on the map', () => {
  it('shows all France to a national user, or the région asked for', () => {
    const level = 'departement' as const
    expect(codes(areasShown(DEPARTEMENTS, { level }, null, new Set()))).toEqual(['01', '16', '24', '29'])
    expect(codes(areasShown(DEPARTEMENTS, { level, region: '75' }, null, new Set()))).toEqual(['16', '24'])
  })

  it('keeps others to the areas their scopes name and those where they have sites', () => {
    const level = 'departement' as const
    const regional = [{ kind: 'region' as const, code: '75' }]
    expect(codes(areasShown(DEPARTEMENTS, { level }, regional, new Set()))).toEqual(['16', '24'])
    expect(codes(areasShown(DEPARTEMENTS, { level, region: '84' }, regional, new Set()))).toEqual([])
    const departemental = [{ kind: 'departement' as const, code: '29' }]
    expect(codes(areasShown(DEPARTEMENTS, { level }, departemental, new Set()))).toEqual(['29'])
    // An EJ's sites: where they are.
    const ej = [{ kind: 'ej' as const, code: '010780054' }]
    expect(codes(areasShown(DEPARTEMENTS, { level }, ej, new Set(['01'])))).toEqual(['01'])
  })
})
