// The criteria table, the SUN-ES window a point is measured against, the grid queries of each criterion,
// the French reasons and the score, as tables of situation → expected result.
import { describe, expect, it } from 'vitest'
import { criterionRefusal, defaultCriteria, PRIORITY_CRITERIA, type ChosenCriterion } from './criteria'
import { gridHref, probeColumns, probesOf } from './probes'
import { findingText, percentText, reasonsOf, scoreOf, type Finding } from './reasons'
import { closingWindow, sunEsTargets } from './sun-es-window'
import { findGridColumn } from '../grid/columns'

describe('criterionRefusal', () => {
  it.each([
    [{ id: 'en-recul', weight: 1, parameters: {} }, null],
    [{ id: 'commande-sans-va', weight: 0, parameters: { months: 36 } }, null],
    [{ id: 'sans-donnee', weight: 10, parameters: { months: 1 } }, null],
    [{ id: 'autre', weight: 1, parameters: {} }, /^Critère inconnu : « autre »/],
    [{ id: 'en-recul', weight: 11, parameters: {} }, /poids doit être un entier de 0 à 10/],
    [{ id: 'en-recul', weight: -1, parameters: {} }, /poids/],
    [{ id: 'en-recul', weight: 1.5, parameters: {} }, /poids/],
    [{ id: 'en-recul', weight: 1, parameters: { months: 3 } }, /paramètre inconnu « months »/],
    [
      { id: 'commande-sans-va', weight: 1, parameters: { months: 0 } },
      /« Délai depuis la commande » .* de 1 à 36 mois/,
    ],
    [{ id: 'commande-sans-va', weight: 1, parameters: { months: 2.5 } }, /nombre entier/],
    [{ id: 'sun-es-sous-cible', weight: 1, parameters: { months: 13 } }, /de 0 à 12 mois/],
  ])('%j → %s', (chosen, expected) => {
    const refusal = criterionRefusal(chosen)
    if (expected === null) expect(refusal).toBeNull()
    else expect(refusal).toMatch(expected)
  })

  it('accepts every default', () => {
    expect(defaultCriteria().map((c) => criterionRefusal(c))).toEqual(PRIORITY_CRITERIA.map(() => null))
  })
})

describe('closingWindow', () => {
  it.each([
    ['2022-06', 3, { number: 1, monthsLeft: 0 }],
    ['2022-03', 3, { number: 1, monthsLeft: 3 }],
    ['2022-02', 3, null],
    ['2022-07', 3, null],
    ['2022-07', 6, { number: 2, monthsLeft: 5 }],
    ['2022-09', 3, { number: 2, monthsLeft: 3 }],
    ['2023-06', 0, { number: 3, monthsLeft: 0 }],
    ['2023-12', 12, { number: 4, monthsLeft: 0 }],
    ['2024-01', 12, null],
  ])('%s within %i months → %j', (period, months, expected) => {
    const window = closingWindow(period, months)
    if (expected === null) expect(window).toBeNull()
    else expect(window).toMatchObject(expected)
  })

  it('reads the targets that decide a domain, not the bonus', () => {
    expect(sunEsTargets(2)).toEqual([
      { indicator: 'sun-es.DS1.1', target: 59 },
      { indicator: 'sun-es.DS1.2', target: 48 },
      { indicator: 'sun-es.DS2.1', target: 54 },
      { indicator: 'sun-es.DS3.1', target: 54 },
    ])
  })
})

const chosen = (id: ChosenCriterion['id'], parameters: Record<string, number> = {}): ChosenCriterion => ({
  id,
  weight: 1,
  parameters,
})

describe('probesOf', () => {
  it.each([
    [
      chosen('sun-es-sous-cible'),
      '2022-09',
      ['identite.candidat-sun-es:filled', 'sun-es.DS1.1:lt:59'],
      4,
      true,
    ],
    [chosen('sun-es-sous-cible', { months: 1 }), '2022-09', null, 0, true],
    [chosen('ehpad-dmp-non-actif'), '2024-01', ['derive.ehpad-dmp:eq:convention-signee'], 2, true],
    [
      chosen('commande-sans-va'),
      '2024-01',
      ['segur.commande.dpi:eq:signee', 'segur.va.dpi:ne:oui'],
      6,
      false,
    ],
    [chosen('esms-sans-dui'), '2024-01', ['esms.finance:eq:oui', 'esms.dui:ne:oui'], 1, true],
    [chosen('en-recul'), '2024-01', ['suivi.meteo:worse'], 6, true],
    [chosen('sans-donnee'), '2024-01', null, 0, true],
  ])('%j at %s', (c, period, firstWhere, count, exact) => {
    const probes = probesOf(c, period)
    expect(probes).toHaveLength(count)
    if (firstWhere) expect(probes[0]?.where).toEqual(firstWhere)
    expect(probes.every((p) => p.exact === exact)).toBe(true)
  })

  it('names only grid columns', () => {
    for (const c of defaultCriteria())
      for (const probe of probesOf(c, '2022-09'))
        for (const key of probeColumns(probe)) expect(findGridColumn(key), key).toBeDefined()
  })

  it('links to /suivi with the place, the thresholds, the columns and the comparison', () => {
    const [probe] = probesOf(chosen('en-recul'), '2024-01')
    expect(probe && gridHref(probe, { period: '2024-01', region: '53', departement: '29' })).toBe(
      '/suivi?period=2024-01&region=53&departement=29&where=suivi.meteo%3Aworse&columns=suivi.meteo&compare=true',
    )
  })
})

describe('reasons', () => {
  it.each<[Finding, string]>([
    [
      {
        criterion: 'sun-es-sous-cible',
        indicator: 'sun-es.DS1.1',
        value: '35.50',
        target: 59,
        window: 'S2 2022',
        monthsLeft: 2,
      },
      'SUN-ES DS1.1 lettres de liaison : 35,5 % pour une cible de 59 % (fenêtre S2 2022, se termine dans 2 mois)',
    ],
    [
      {
        criterion: 'sun-es-sous-cible',
        indicator: 'sun-es.DS2.1',
        value: '0',
        target: 45,
        window: 'S1 2022',
        monthsLeft: 0,
      },
      'SUN-ES DS2.1 biologie : 0 % pour une cible de 45 % (fenêtre S1 2022, se termine ce mois-ci)',
    ],
    [
      { criterion: 'ehpad-dmp-non-actif', status: 'convention-signee' },
      'DMP en EHPAD : convention signée, pas encore actif',
    ],
    [{ criterion: 'ehpad-dmp-non-actif', status: 'equipe' }, 'DMP en EHPAD : équipé, pas encore actif'],
    [
      { criterion: 'commande-sans-va', kind: 'dpi', signedSince: '2024-01', months: 5 },
      'Commande DPI signée en janvier 2024, pas de VA après 5 mois',
    ],
    [{ criterion: 'esms-sans-dui' }, 'Financé par ESMS numérique, DUI pas en place'],
    [
      { criterion: 'en-recul', column: 'mss.raccordement', before: 'emetteur', after: 'non-raccorde' },
      'Raccordement MSSanté : ES Emetteur → Non raccordé',
    ],
    [
      { criterion: 'en-recul', column: 'derive.dmp-alimente', before: 'oui', after: null },
      'Alimente le DMP (12 semaines) : Alimente le DMP → non renseigné',
    ],
    [{ criterion: 'sans-donnee', lastMonth: null, months: null }, 'Aucune donnée nationale reçue'],
    [
      { criterion: 'sans-donnee', lastMonth: '2023-05', months: 8 },
      'Aucune donnée nationale depuis mai 2023 (8 mois)',
    ],
  ])('%j', (finding, text) => {
    expect(findingText(finding)).toBe(text)
  })

  it.each([
    ['40', '40 %'],
    ['40.00', '40 %'],
    ['12.50', '12,5 %'],
    ['0.05', '0,05 %'],
  ])('percentText(%s) = %s', (value, text) => expect(percentText(value)).toBe(text))

  it('gives one reason per criterion met, in the list order, and scores the sum of their weights', () => {
    const findings: Finding[] = [
      { criterion: 'commande-sans-va', kind: 'dpi', signedSince: '2024-01', months: 5 },
      { criterion: 'esms-sans-dui' },
      { criterion: 'commande-sans-va', kind: 'ri', signedSince: '2023-11', months: 7 },
    ]
    const weights = new Map([
      ['esms-sans-dui', 4],
      ['commande-sans-va', 2],
      ['en-recul', 1],
    ] as const)
    const reasons = reasonsOf(findings, weights)
    expect(reasons.map((r) => [r.criterion, r.weight, r.text])).toEqual([
      ['esms-sans-dui', 4, 'Financé par ESMS numérique, DUI pas en place'],
      [
        'commande-sans-va',
        2,
        'Commande DPI signée en janvier 2024, pas de VA après 5 mois ; Commande RI signée en novembre 2023, pas de VA après 7 mois',
      ],
    ])
    expect(scoreOf(reasons)).toBe(6)
    expect(scoreOf([])).toBe(0)
  })
})
