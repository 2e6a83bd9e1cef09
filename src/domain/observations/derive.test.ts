// Derived indicators of one structure (deployment statuses, Ségur orders, evolution), as tables at the
// boundaries the rules state (RULES §3, §4).
import { describe, expect, it } from 'vitest'
import { type DerivedResult, deriveForStructure, type MonthValue, type StructureHistory } from './derive'
import { DERIVED, DERIVED_INDICATORS } from './derived-indicators'

type Cell = string | { text?: string; numerator?: string; denominator?: string }

/** `{ 'insi.appels': { '2024-01': '60' } }`: numbers as text, statuses as `{ text }`. */
function history(cells: Record<string, Record<string, Cell>>, isEhpad = false): StructureHistory {
  const series = new Map<string, MonthValue[]>()
  for (const [indicator, months] of Object.entries(cells)) {
    const list = Object.entries(months)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, cell]) =>
        typeof cell === 'string'
          ? { period, number: cell, text: null, numerator: null, denominator: null }
          : {
              period,
              number: null,
              text: cell.text ?? null,
              numerator: cell.numerator ?? null,
              denominator: cell.denominator ?? null,
            },
      )
    series.set(indicator, list)
  }
  return { isEhpad, series }
}

const find = (results: DerivedResult[], indicator: string) => results.find((r) => r.indicator === indicator)

/** Twelve months of 2023 with the same count. */
const year2023 = (value: string): Record<string, string> =>
  Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`2023-${String(i + 1).padStart(2, '0')}`, value]))

describe('derive.ins-demarre: more than 100 INSi calls to date', () => {
  it.each([
    [{ '2024-01': '60', '2024-02': '40' }, 'non'],
    [{ '2024-01': '60', '2024-02': '41' }, 'oui'],
    [{ '2024-01': '60', '2024-03': '41' }, 'non'], // a later month does not count yet
    [{ '2024-01': '101' }, 'oui'],
  ])('%j as of 2024-02 → %s', (months, text) => {
    const result = find(deriveForStructure(history({ 'insi.appels': months }), '2024-02'), DERIVED.insStarted)
    expect(result?.text).toBe(text)
    expect(result?.explanation).toContain('seuil : plus de 100')
  })

  it('is left out without an INSi month up to asOf', () => {
    expect(find(deriveForStructure(history({}), '2024-02'), DERIVED.insStarted)).toBeUndefined()
    const later = history({ 'insi.appels': { '2024-03': '500' } })
    expect(find(deriveForStructure(later, '2024-02'), DERIVED.insStarted)).toBeUndefined()
  })

  it('takes the threshold as configuration', () => {
    const h = history({ 'insi.appels': { '2024-02': '50' } })
    const options = { thresholds: { insStarted: { value: 50, comparison: 'gte' as const } } }
    expect(find(deriveForStructure(h, '2024-02', options), DERIVED.insStarted)?.text).toBe('oui')
  })
})

describe('derive.dmp-alimente: at least 10 documents over 12 weeks, taken as 3 months', () => {
  it.each([
    [{ '2024-01': '3', '2024-02': '3', '2024-03': '4' }, 'oui'],
    [{ '2024-01': '3', '2024-02': '3', '2024-03': '3' }, 'non'],
    [{ '2023-12': '50', '2024-02': '3', '2024-03': '3' }, 'inconnu'], // January missing, not read as 0
    [{ '2024-02': '10' }, 'oui'], // reached whatever January says
    [{ '2024-01': 'n/a', '2024-02': '3', '2024-03': '3' }, 'inconnu'], // an unreadable month is missing
  ])('%j as of 2024-03 → %s', (months, status) => {
    const result = find(
      deriveForStructure(history({ 'dmp.documents': months }), '2024-03'),
      DERIVED.dmpFeeding,
    )
    expect(result?.text).toBe(status)
    expect(result?.explanation).toContain('12 semaines')
    expect(result?.explanation).toContain('la fenêtre est de 3 mois')
    if (status === 'inconnu') expect(result?.explanation).toContain('mois sans donnée : 2024-01')
  })

  it('says the configured window', () => {
    const h = history({ 'dmp.documents': { '2024-02': '5', '2024-03': '5' } })
    const result = find(
      deriveForStructure(h, '2024-03', { thresholds: { dmpFeedingMonths: 2 } }),
      DERIVED.dmpFeeding,
    )
    expect(result?.text).toBe('oui')
    expect(result?.explanation).toContain('la fenêtre est de 2 mois')
  })
})

describe('derive.ehpad-dmp: convention signée, équipé (≥ 1), actif (≥ 35 over 12 months)', () => {
  it.each([
    [{ 'dmp.dmp-alimentes': { ...year2023('2'), '2023-12': '13' } }, 'actif'], // 35
    [{ 'dmp.dmp-alimentes': { ...year2023('2'), '2023-12': '12' } }, 'equipe'], // 34
    [
      { 'dmp.dmp-alimentes': year2023('0'), 'dmp.convention': { '2023-03': { text: 'oui' } } },
      'convention-signee',
    ],
    [{ 'dmp.dmp-alimentes': year2023('0'), 'dmp.convention': { '2023-03': { text: 'non' } } }, 'aucun'],
    [{ 'dmp.convention': { '2023-03': { text: 'non' }, '2023-09': { text: 'oui' } } }, 'inconnu'], // no month fed
    [{ 'dmp.dmp-alimentes': year2023('0') }, 'inconnu'], // convention unknown
    [{ 'dmp.dmp-alimentes': { '2023-12': '20' } }, 'inconnu'], // eleven months missing, not yet actif
    [{ 'dmp.dmp-alimentes': { '2023-12': '35' } }, 'actif'], // reached whatever the others say
  ])('%j → %s', (cells, status) => {
    const result = find(deriveForStructure(history(cells, true), '2023-12'), DERIVED.ehpadDmp)
    expect(result?.text).toBe(status)
    expect(result?.explanation).toContain('au moins 35')
  })

  it('reads the latest convention up to asOf, and says which month', () => {
    const cells = { 'dmp.convention': { '2023-03': { text: 'oui' }, '2024-01': { text: 'non' } } }
    const h = history({ ...cells, 'dmp.dmp-alimentes': year2023('0') }, true)
    const result = find(deriveForStructure(h, '2023-12'), DERIVED.ehpadDmp)
    expect(result?.text).toBe('convention-signee')
    expect(result?.explanation).toContain('dernière valeur connue, de mars 2023')
  })

  it('applies to EHPAD only', () => {
    const h = history({ 'dmp.dmp-alimentes': year2023('5') }, false)
    expect(find(deriveForStructure(h, '2023-12'), DERIVED.ehpadDmp)).toBeUndefined()
  })
})

describe('derive.segur: orders signed over the kinds concerned, for the month', () => {
  const orders = (statuses: Record<string, string>, period = '2024-03') =>
    history(
      Object.fromEntries(
        Object.entries(statuses).map(([kind, text]) => [`segur.commande.${kind}`, { [period]: { text } }]),
      ),
    )
  it.each([
    // dpi, pfi, ri, loinc, sgl, radio; a kind the month does not mention is "pas de commande signée"
    [
      { dpi: 'signee', pfi: 'signee', ri: 'signee', loinc: 'signee', sgl: 'signee', radio: 'signee' },
      '6',
      '100',
      '6',
    ],
    [
      {
        dpi: 'signee',
        pfi: 'non-signee',
        ri: 'signee',
        loinc: 'non-concerne',
        sgl: 'non-concerne',
        radio: 'non-concerne',
      },
      '2',
      '66.67',
      '3',
    ],
    [{ dpi: 'signee', ri: 'non-concerne' }, '1', '20', '5'],
    [
      {
        dpi: 'non-concerne',
        pfi: 'non-concerne',
        ri: 'non-concerne',
        loinc: 'non-concerne',
        sgl: 'non-concerne',
        radio: 'non-concerne',
      },
      '0',
      null,
      null,
    ],
  ])('%j → %s signed, %s %% of %s', (statuses, signed, rate, denominator) => {
    const results = deriveForStructure(orders(statuses), '2024-03')
    expect(find(results, DERIVED.segurSigned)?.number).toBe(signed)
    const completeness = find(results, DERIVED.segurCompleteness)
    expect(completeness?.number).toBe(rate)
    expect(completeness?.numerator).toBe(rate === null ? null : signed)
    expect(completeness?.denominator).toBe(denominator)
    expect(completeness?.explanation).toContain('Commandes Ségur de mars 2024')
  })

  it('explains non concerné and the kinds without information', () => {
    const text = find(
      deriveForStructure(orders({ dpi: 'signee', ri: 'non-concerne' }), '2024-03'),
      DERIVED.segurCompleteness,
    )?.explanation
    expect(text).toContain('Non concerné, hors du dénominateur : RI')
    expect(text).toContain(
      'Sans information, compté « Pas de commande signée » (RULES §3) : PFI, LOINC, SGL, RADIO (RIS)',
    )
  })

  it('reads the asOf month only', () => {
    expect(deriveForStructure(orders({ dpi: 'signee' }, '2024-02'), '2024-03')).toEqual([])
  })
})

describe('derive.evolution: this month minus the previous one, exactly', () => {
  it.each([
    [{ '2024-02': '1000', '2024-03': '1200' }, '200'],
    [{ '2024-02': '1000', '2024-03': '990.5' }, '-9.5'],
    [{ '2024-02': '0.1', '2024-03': '0.3' }, '0.2'], // no binary rounding
    [{ '2024-02': '7', '2024-03': '7' }, '0'],
    [{ '2024-01': '1000', '2024-03': '1200' }, null], // February missing
    [{ '2024-02': '1000' }, null], // March missing
  ])('%j → %s', (months, number) => {
    const result = find(
      deriveForStructure(history({ 'mss.messages-envoyes': months }), '2024-03'),
      'derive.evolution.mss.messages-envoyes',
    )
    expect(result?.number).toBe(number)
    if (number === null) expect(result?.explanation).toContain('évolution non calculée')
  })

  it('names the missing month', () => {
    const h = history({ 'insi.appels': { '2024-01': '10', '2024-03': '30' } })
    const result = find(deriveForStructure(h, '2024-03'), 'derive.evolution.insi.appels')
    expect(result?.explanation).toBe(
      '30 appels en mars 2024 ; pas de donnée pour février 2024 : évolution non calculée (un mois manquant n’est pas compté comme zéro).',
    )
  })

  it('says the figures', () => {
    const h = history({ 'dmp.documents': { '2024-02': '1500', '2024-03': '1200' } })
    expect(find(deriveForStructure(h, '2024-03'), 'derive.evolution.dmp.documents')?.explanation).toBe(
      '1 200 documents en mars 2024 contre 1 500 en février 2024 : évolution de −300 documents.',
    )
  })
})

describe('deriveForStructure', () => {
  const full = history(
    {
      'insi.appels': { '2024-02': '80', '2024-03': '30' },
      'dmp.documents': { '2024-01': '3', '2024-02': '3', '2024-03': '4' },
      'dmp.dmp-alimentes': { '2024-03': '3' },
      'segur.commande.dpi': { '2024-03': { text: 'signee' } },
      'hopen2.P1.O1': { '2024-03': '79' },
      'ifaq.NUM1': { '2024-03': { numerator: '1', denominator: '2' } },
    },
    true,
  )

  it('gives only catalogued indicators, statuses among their values', () => {
    const byCode = new Map(DERIVED_INDICATORS.map((d) => [d.code, d]))
    for (const r of deriveForStructure(full, '2024-03')) {
      const definition = byCode.get(r.indicator)
      expect(definition, r.indicator).toBeDefined()
      if (definition?.kind === 'status') expect(definition.statuses?.map((s) => s.code)).toContain(r.text)
      if (definition?.kind === 'boolean') expect([null, 'oui', 'non']).toContain(r.text)
      expect(r.explanation.length).toBeGreaterThan(0)
    }
  })

  it('gives the same values without explanations', () => {
    const strip = (list: DerivedResult[]) => list.map((r) => ({ ...r, explanation: '' }))
    expect(deriveForStructure(full, '2024-03', { explain: false })).toEqual(
      strip(deriveForStructure(full, '2024-03')),
    )
  })

  it('refuses a month that is not one', () => {
    expect(() => deriveForStructure(full, '2024-13')).toThrow(RangeError)
  })
})
