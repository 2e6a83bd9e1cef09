// Programme attainment derived from reported rates (RULES §7–§9), and the catalogue of derived indicators.
import { describe, expect, it } from 'vitest'
import { type DerivedResult, deriveForStructure, type MonthValue, type StructureHistory } from './derive'
import { HOPEN_SOURCES } from './derive-programmes'
import { DERIVED_INDICATORS } from './derived-indicators'
import { findIndicator, INDICATORS } from './indicators'

type Rate = string | { numerator: string; denominator: string }

/** One month of rates: `{ 'ifaq.NUM1': { numerator: '30', denominator: '100' }, 'hopen2.P1.O1': '81' }`. */
function rates(
  period: string,
  cells: Record<string, Rate>,
  sunEsReached?: Record<string, boolean>,
): StructureHistory {
  const series = new Map<string, MonthValue[]>()
  for (const [indicator, cell] of Object.entries(cells)) {
    const value =
      typeof cell === 'string'
        ? { period, number: cell, text: null, numerator: null, denominator: null }
        : { period, number: null, text: null, ...cell }
    series.set(indicator, [value])
  }
  return sunEsReached ? { isEhpad: false, series, sunEsReached } : { isEhpad: false, series }
}

const only = (results: DerivedResult[], indicator: string) => {
  const found = results.filter((r) => r.indicator === indicator)
  expect(found.length).toBeLessThanOrEqual(1)
  return found[0]
}

describe('derive.ifaq: the rate of the month against the target of its year', () => {
  it.each([
    // NUM1: 20 % in 2022 and 2023, 50 % in 2024
    ['2023-05', 'NUM1', '20', '100', 'oui'],
    ['2023-05', 'NUM1', '19', '100', 'non'],
    ['2024-05', 'NUM1', '30', '100', 'non'],
    ['2024-05', 'NUM1', '50', '100', 'oui'],
    ['2024-05', 'NUM1', '49', '99', 'non'], // 49.49… %: compared exactly, not rounded to 49.5
    ['2022-11', 'NUM2', '1', '2', 'oui'],
  ])('%s %s %s / %s → %s', (asOf, id, numerator, denominator, text) => {
    const result = only(
      deriveForStructure(rates(asOf, { [`ifaq.${id}`]: { numerator, denominator } }), asOf),
      `derive.ifaq.${id}.atteint`,
    )
    expect(result?.text).toBe(text)
    expect([result?.numerator, result?.denominator]).toEqual([numerator, denominator])
    expect(result?.explanation).toContain(`cible ${asOf.slice(0, 4)}`)
  })

  it('says when the year’s target is a default', () => {
    const result = only(
      deriveForStructure(rates('2023-05', { 'ifaq.NUM2': { numerator: '1', denominator: '2' } }), '2023-05'),
      'derive.ifaq.NUM2.atteint',
    )
    expect(result?.explanation).toContain('cible non publiée pour 2023')
  })

  it.each([
    ['2025-01', { numerator: '1', denominator: '2' }, 'année 2025 sans cible connue'],
    ['2024-01', { numerator: '3', denominator: '2' }, 'taux de 100 % au plus'],
    ['2024-01', { numerator: '0', denominator: '0' }, 'un entier strictement positif'],
    ['2024-01', '45', 'numérateur et dénominateur non fournis (taux seul : 45 %)'],
  ])('%s %j → undetermined, saying why', (asOf, cell, why) => {
    const result = only(
      deriveForStructure(rates(asOf, { 'ifaq.NUM1': cell }), asOf),
      'derive.ifaq.NUM1.atteint',
    )
    expect(result?.text).toBeNull()
    expect(result?.explanation).toContain(why)
  })
})

describe('derive.hopen2: objectives, P1.O2 joint, SUN-ES result unknown → the "otherwise" target', () => {
  it.each([
    // P1.O2 otherwise: LDL 55 %, ordonnance 50 %; if SUN-ES reached: 70 % / 65 %
    [{ 'hopen2.P1.O2.LDL': '55', 'hopen2.P1.O2.ORD': '50' }, undefined, 'oui'],
    [{ 'hopen2.P1.O2.LDL': '55', 'hopen2.P1.O2.ORD': '49.99' }, undefined, 'non'],
    [{ 'hopen2.P1.O2.LDL': '54', 'hopen2.P1.O2.ORD': '90' }, undefined, 'non'],
    [{ 'hopen2.P1.O2.LDL': '60', 'hopen2.P1.O2.ORD': '60' }, true, 'non'], // 70 % / 65 % apply
    [{ 'hopen2.P1.O2.LDL': '70', 'hopen2.P1.O2.ORD': '65' }, true, 'oui'],
    [{ 'hopen2.P1.O2.LDL': '60', 'hopen2.P1.O2.ORD': '60' }, false, 'oui'],
    [{ 'hopen2.P1.O2.LDL': '90' }, undefined, null], // ordonnance not reported: open
    [{ 'hopen2.P1.O2.ORD': '10' }, undefined, 'non'], // one part failed: the whole fails
    [
      { 'hopen2.P1.O2.LDL': { numerator: '11', denominator: '20' }, 'hopen2.P1.O2.ORD': '50' },
      undefined,
      'oui',
    ],
  ])('%j, SUN-ES reached %s → %s', (cells, reached, text) => {
    const h = rates('2025-03', cells, reached === undefined ? undefined : { 'P1.O2': reached })
    const result = only(deriveForStructure(h, '2025-03'), 'derive.hopen2.P1.O2.atteint')
    expect(result?.text).toBe(text)
    expect(result?.explanation).toContain('cibles solidaires')
    const assumed =
      'domaine SUN-ES équivalent (DS1.1 / DS1.2) inconnu : compté non atteint, la cible « sinon » (55 % / 50 %) s’applique'
    if (reached === undefined) expect(result?.explanation).toContain(assumed)
    else expect(result?.explanation).not.toContain(assumed)
  })

  it.each([
    ['hopen2.P1.O1', '80', 'oui'],
    ['hopen2.P1.O1', '79.99', 'non'],
    ['hopen2.P1.O4', '50', 'oui'],
    ['hopen2.P1.O6', '45', 'oui'],
    ['hopen2.P1.O8', '49', 'non'],
  ])('%s at %s %% → %s', (source, rate, text) => {
    const objective = source.slice('hopen2.'.length)
    const result = only(
      deriveForStructure(rates('2025-03', { [source]: rate }), '2025-03'),
      `derive.hopen2.${objective}.atteint`,
    )
    expect(result?.text).toBe(text)
    // One target for all (P1.O1, P1.O4): nothing is assumed about SUN-ES.
    expect(result?.explanation.includes('compté non atteint')).toBe(!['P1.O1', 'P1.O4'].includes(objective))
    expect(result?.explanation).not.toContain('Prérequis')
  })

  it('reads every objective from a catalogued rate', () => {
    for (const { sources } of HOPEN_SOURCES)
      for (const s of sources) expect(findIndicator(s), s).toBeDefined()
  })
})

describe('derive.sun-es: domains in the measurement window of the month', () => {
  const d1 = { 'sun-es.DS1.1': '64', 'sun-es.DS1.2': '59' } // window 3 targets exactly
  it.each([
    ['2022-05', d1, undefined], // window 1 measures June 2022 only
    ['2022-06', d1, 'oui'],
    ['2022-09', { 'sun-es.DS1.1': '59', 'sun-es.DS1.2': '47' }, 'non'], // window 2: 59 % / 48 %
    ['2023-03', d1, 'oui'],
    ['2023-03', { 'sun-es.DS1.1': '64', 'sun-es.DS1.2': '58.9' }, 'non'],
    ['2023-03', { 'sun-es.DS1.1': '63' }, 'non'],
    ['2023-03', { 'sun-es.DS1.1': '64' }, null], // ordonnance not reported
    ['2023-10', d1, 'non'], // window 4: 69 % / 63 %
    ['2024-01', d1, undefined], // after the last window: nothing
  ])('%s %j → %s', (asOf, cells, text) => {
    const result = only(deriveForStructure(rates(asOf, cells), asOf), 'derive.sun-es.D1.atteint')
    if (text === undefined) expect(result).toBeUndefined()
    else {
      expect(result?.text).toBe(text)
      expect(result?.explanation).toContain('récupération INS')
    }
  })

  it('skips months outside every window', () => {
    expect(
      deriveForStructure(rates('2022-05', d1), '2022-05').filter((r) =>
        r.indicator.startsWith('derive.sun-es'),
      ),
    ).toEqual([])
  })

  it('applies the "récupération INS" gate when asked, which no source measures', () => {
    const result = only(
      deriveForStructure(rates('2023-03', d1), '2023-03', { sunEsInsRecoveryGate: true }),
      'derive.sun-es.D1.atteint',
    )
    expect(result?.text).toBeNull()
    expect(result?.explanation).toContain('Récupération INS')
  })

  it('evaluates biology and imaging only when their rate is reported', () => {
    const results = deriveForStructure(
      rates('2023-03', { 'sun-es.DS2.1': '59', 'sun-es.DS3.1': '58' }),
      '2023-03',
    )
    expect(only(results, 'derive.sun-es.D1.atteint')).toBeUndefined()
    expect(only(results, 'derive.sun-es.D2.atteint')?.text).toBe('oui')
    expect(only(results, 'derive.sun-es.D3.atteint')?.text).toBe('non')
    expect(only(results, 'derive.sun-es.D3.atteint')?.explanation).toContain('présumé')
  })
})

describe('DERIVED_INDICATORS', () => {
  it('are of theme derive, with codes unique and apart from the observed ones', () => {
    const codes = DERIVED_INDICATORS.map((d) => d.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const d of DERIVED_INDICATORS) {
      expect(d.theme).toBe('derive')
      expect(d.code.startsWith('derive.')).toBe(true)
      expect(INDICATORS.some((i) => i.code === d.code)).toBe(false)
    }
  })

  it('cover every programme target the engine knows', () => {
    const codes = DERIVED_INDICATORS.map((d) => d.code)
    expect(codes).toEqual(
      expect.arrayContaining([
        'derive.ins-demarre',
        'derive.dmp-alimente',
        'derive.ehpad-dmp',
        'derive.segur.completude',
        'derive.segur.commandes-signees',
        'derive.sun-es.D1.atteint',
        'derive.sun-es.D2.atteint',
        'derive.sun-es.D3.atteint',
        ...['O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7', 'O8'].map((o) => `derive.hopen2.P1.${o}.atteint`),
        'derive.ifaq.NUM1.atteint',
        'derive.ifaq.NUM2.atteint',
        'derive.evolution.insi.appels',
        'derive.evolution.dmp.documents',
        'derive.evolution.mss.messages-envoyes',
      ]),
    )
  })
})
