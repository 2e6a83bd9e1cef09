import { describe, expect, it } from 'vitest'
import { aggregateLevels, sectorOfAggregate } from './sector'

describe('sector from the category aggregate (RULES §1)', () => {
  it.each([
    ['1102', 'sanitaire'], // level 1 1000: centres hospitaliers
    ['2202', 'sanitaire'], // level 1 2000: PMI
    ['3101', 'sanitaire'], // level 1 3000
    ['4101', 'medico-social'], // level 2 4100: disabled children
    ['4301', 'medico-social'], // level 2 4300: disabled adults
    ['4401', 'medico-social'], // level 2 4400: elderly (EHPAD)
    ['4604', 'medico-social'],
    ['4605', 'medico-social'], // multi-clientèle (SSIAD, SAAD…)
    ['4606', 'medico-social'],
    ['4609', 'medico-social'],
    ['4502', 'social'], // level 2 4500: child protection
    ['4601', 'social'],
    ['4602', 'social'],
    ['4603', 'social'],
    ['4607', 'social'],
    ['4608', 'social'], // protection des majeurs
    ['5101', 'social'], // level 1 5000
    ['6101', 'autre'], // training schools
    ['0101', 'autre'], // closed administration aggregate
    ['4610', 'autre'],
    [null, 'autre'],
    ['12', 'autre'],
  ])('%s → %s', (aggregate, sector) => {
    expect(sectorOfAggregate(aggregate)).toBe(sector)
  })

  it('reads the hierarchy by position', () => {
    expect(aggregateLevels('1102')).toEqual({ level1: '1000', level2: '1100', level3: '1102' })
  })
})
