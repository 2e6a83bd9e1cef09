// The targets shown beside each derived programme attainment: the engine's data for the month asked.
import { describe, expect, it } from 'vitest'
import { programmeOf, programmeTargets } from './programme-targets'

describe('programme targets', () => {
  it.each([
    // IFAQ: the target of the month's year; none for a year without one.
    ['derive.ifaq.NUM1.atteint', '2023-03', [['ifaq.NUM1', 20]]],
    ['derive.ifaq.NUM1.atteint', '2024-03', [['ifaq.NUM1', 50]]],
    ['derive.ifaq.NUM2.atteint', '2021-03', [['ifaq.NUM2', null]]],
    // HOPEN 2: the "otherwise" target, as the derivation applies it without the SUN-ES result.
    [
      'derive.hopen2.P1.O2.atteint',
      '2025-03',
      [
        ['hopen2.P1.O2.LDL', 55],
        ['hopen2.P1.O2.ORD', 50],
      ],
    ],
    ['derive.hopen2.P1.O1.atteint', '2025-03', [['hopen2.P1.O1', 80]]],
    // SUN-ES: the window whose measurement holds the month, the bonus with the domain's targets.
    [
      'derive.sun-es.D1.atteint',
      '2022-12',
      [
        ['sun-es.DS1.1', 59],
        ['sun-es.DS1.2', 48],
        ['sun-es.DS1.3', 59],
      ],
    ],
    ['derive.sun-es.D2.atteint', '2024-01', [['sun-es.DS2.1', null]]],
    ['derive.ins-demarre', '2024-01', []],
  ] as const)('%s in %s', (code, month, expected) => {
    expect(programmeTargets(code, month).map((t) => [t.indicator, t.target])).toEqual(expected)
  })

  it('tells a programme attainment from the other derived indicators', () => {
    expect(programmeOf('derive.sun-es.D3.atteint')).toBe('sun-es')
    expect(programmeOf('derive.hopen2.P1.O7.atteint')).toBe('hopen2')
    expect(programmeOf('derive.ifaq.NUM2.atteint')).toBe('ifaq')
    expect(programmeOf('derive.dmp-alimente')).toBeNull()
  })
})
