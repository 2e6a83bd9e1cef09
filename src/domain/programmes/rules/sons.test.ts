// SONS ceilings and checks (RULES §6, seed 003), as tables: every tranche bound of every barème.
import Decimal from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'

// The seed's table, restated here by hand so that the test checks the data file, not itself.
const BOUNDS = [
  ['A', 0, 7_000],
  ['B', 7_000, 22_500],
  ['C', 22_500, 230_000],
  ['D', 230_000, 1_600_000],
] as const
const SEED = {
  DPI: [
    [5_500, 7_500],
    [7_500, 13_000],
    [13_000, 40_000],
    [40_000, 85_000],
  ],
  RI: [
    [5_000, 6_500],
    [6_500, 11_500],
    [11_500, 25_000],
    [25_000, 43_000],
  ],
  PFI: [
    [5_500, 6_500],
    [6_500, 8_000],
    [8_000, 20_000],
    [20_000, 38_000],
  ],
  ALL: [
    [16_000, 20_500],
    [20_500, 32_500],
    [32_500, 85_000],
    [85_000, 166_000],
  ],
} as const
type Dsr = keyof typeof SEED

const euros = (value: number | Decimal): string => new Decimal(value).toFixed(2)

const boundRows = (Object.keys(SEED) as Dsr[]).flatMap((dsr) =>
  BOUNDS.flatMap(([code, from, to], i) => {
    const [min, max] = SEED[dsr][i] ?? [NaN, NaN]
    const last = i === BOUNDS.length - 1
    return [
      [dsr, from, code, euros(min)],
      // At the upper bound: the next letter (last: D itself), the same amount thanks to continuity.
      [dsr, to, last ? 'D' : (BOUNDS[i + 1]?.[0] ?? ''), euros(max)],
      [dsr, (from + to) / 2, code, euros(new Decimal(min).plus(max).div(2))],
    ] as const
  }),
)

describe('SONS ceiling at every tranche bound and mid-tranche', () => {
  it.each(boundRows)('%s at %s → tranche %s, %s €', (dsr, activity, code, amount) => {
    const result = simulate('sons', { dsr, activity })
    expect(result.category?.code).toBe(code)
    expect(result.tranche?.code).toBe(code)
    expect(result.amount).toBe(amount)
  })
})

describe('SONS ceiling inside a tranche: exact linear interpolation, rounded once half up', () => {
  it.each([
    ['DPI', 15_000, 'B', '10338.71'],
    ['DPI', 1_234.5, 'A', '5852.71'],
    ['RI', 100_000, 'C', '16542.17'],
    ['PFI', 3_000, 'A', '5928.57'],
    ['ALL', 500_000, 'D', '100963.50'],
  ] as const)('%s at %s → %s, %s €', (dsr, activity, code, amount) => {
    const result = simulate('sons', { dsr, activity })
    expect([result.category?.code, result.amount]).toEqual([code, amount])
  })

  it('agrees with decimal.js on 400 seeded activities', () => {
    let seed = 7
    const next = () => ((seed = (seed * 16_807) % 2_147_483_647), seed / 2_147_483_647)
    for (let i = 0; i < 400; i++) {
      const dsr = (['DPI', 'RI', 'PFI', 'ALL'] as const)[i % 4] ?? 'DPI'
      const activity = Math.round(next() * 1_600_000 * 2) / 2
      const index = BOUNDS.findIndex(([, from, to], k) => activity >= from && (activity < to || k === 3))
      const [, from, to] = BOUNDS[index] ?? BOUNDS[0]
      const [min, max] = SEED[dsr][index] ?? [0, 0]
      const oracle = new Decimal(min).plus(new Decimal(max - min).times(activity - from).div(to - from))
      expect(simulate('sons', { dsr, activity }).amount).toBe(
        oracle.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
      )
    }
  })
})

describe('SONS above the last tranche: amount stays at Max D', () => {
  it.each([
    ['DPI', '85000.00'],
    ['RI', '43000.00'],
    ['PFI', '38000.00'],
    ['ALL', '166000.00'],
  ] as const)('%s at 2 500 000 → %s €, capped', (dsr, amount) => {
    const result = simulate('sons', { dsr, activity: 2_500_000 })
    expect(result.amount).toBe(amount)
    expect(result.category).toEqual({ code: 'D', from: 230_000, to: 1_600_000, capped: true })
  })
})

describe('RIS ceiling by annual exams, TTC and HT, at every step bound', () => {
  const RIS = [
    ['A', 1, 15_000, 4_500, 3_750],
    ['B', 15_001, 30_000, 8_000, 6_667],
    ['C', 30_001, 60_000, 12_620, 10_517],
    ['D', 60_001, 120_000, 18_718, 15_598],
    ['E', 120_001, 240_000, 26_768, 22_307],
    ['F', 240_001, 480_000, 37_394, 31_162],
    ['G', 480_001, 960_000, 51_420, 42_850],
    ['H', 960_001, 5_000_000, 69_935, 58_279],
  ] as const
  it.each(
    RIS.flatMap(
      ([code, from, to, ttc, ht]) =>
        [
          [from, code, ttc, ht],
          [to, code, ttc, ht],
        ] as const,
    ),
  )('%s exams → %s, %s € TTC, %s € HT', (exams, code, ttc, ht) => {
    const result = simulate('sons', { dsr: 'RIS', exams })
    expect([result.tranche?.code, result.amount, result.amountHt]).toEqual([code, euros(ttc), euros(ht)])
  })
})

describe('SONS checks say which condition fails', () => {
  it.each([
    ['2021-08-11', '2021-12-01', 'ok', 'ok'],
    ['2021-08-10', '2021-12-01', 'failed', 'ok'],
    ['2021-08-03', '2021-12-01', 'failed', 'ok'],
    ['2021-09-03', '2022-01-01', 'ok', 'ok'], // 2022-01-01 − 120 days = 2021-09-03: the bound is allowed
    ['2021-09-02', '2022-01-01', 'ok', 'failed'],
    ['2022-03-01', '2022-01-01', 'ok', 'ok'], // an order after the deposit is not limited by the rule
  ])('order %s, proof deposit %s → arrêté %s, 120 days %s', (orderDate, proofDepositDate, arrete, delay) => {
    const result = simulate('sons', { dsr: 'DPI', activity: 10_000, orderDate, proofDepositDate })
    const status = (id: string) => result.checks.find((c) => c.id === id)?.status
    expect([status('order-after-arrete'), status('order-within-delay')]).toEqual([arrete, delay])
  })

  it('lists the proof deposit date as missing when only the order date is given', () => {
    const result = simulate('sons', { dsr: 'RI', activity: 10_000, orderDate: '2021-09-01' })
    expect(result.missing.map((m) => m.field)).toEqual(['proofDepositDate'])
    expect(result.checksPassed).toBeNull()
  })

  it.each([
    ['PFI', { vaSigned: true, dmpReportsWithQualifiedIns: 10, mssReportsWithQualifiedIns: 10 }, true, []],
    [
      'PFI',
      { vaSigned: true, dmpReportsWithQualifiedIns: 10, mssReportsWithQualifiedIns: 9 },
      false,
      ['balance-mss-reports'],
    ],
    ['RI', { vaSigned: true, insDiffused: true, insiCalled: false }, false, ['balance-insi-called']],
    ['DPI', { vaSigned: true, insReceivedFromRi: true, documentsSentToPfi: true }, true, []],
    ['RIS', { vaSigned: false, documentsSentWithQualifiedIns: 12 }, false, ['balance-va']],
    ['LOINC', { vaSigned: true, catalogueTranscoded: true, catalogueImported: true }, true, []],
  ] as const)('%s balance %j → passed %s, failing %j', (dsr, balance, passed, failing) => {
    const base = dsr === 'RIS' ? { exams: 20_000 } : dsr === 'LOINC' ? {} : { activity: 10_000 }
    const result = simulate('sons', { dsr, ...base, balance })
    expect(result.checksPassed).toBe(passed)
    expect(result.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual(failing)
  })

  it('checks all three DSR conditions for ALL, the VA once', () => {
    const result = simulate('sons', { dsr: 'ALL', activity: 10_000, balance: { vaSigned: true } })
    expect(result.checks.map((c) => c.id)).toEqual([
      'balance-va',
      'balance-ins-diffused',
      'balance-insi-called',
      'balance-ins-from-ri',
      'balance-documents-to-pfi',
      'balance-dmp-reports',
      'balance-mss-reports',
    ])
    expect(result.missing).toHaveLength(6)
  })

  it.each([
    ['2022-07-15', 'ok'],
    ['2022-07-16', 'failed'],
  ])('financing request on %s → %s', (financingRequestDate, status) => {
    const result = simulate('sons', { dsr: 'PFI', activity: 100, financingRequestDate })
    expect(result.checks[0]?.status).toBe(status)
  })

  it('says the RIS arrêté is unknown rather than borrowing the hospital one', () => {
    const result = simulate('sons', {
      dsr: 'RIS',
      exams: 100,
      orderDate: '2021-01-01',
      proofDepositDate: '2021-02-01',
    })
    expect(result.checks.map((c) => c.status)).toEqual(['unknown', 'ok'])
  })
})

describe('SONS bad input', () => {
  it.each([
    [{ dsr: 'DPI', activity: -1 }, 'activity'],
    [{ dsr: 'DPI', activity: 'mille' }, 'activity'],
    [{ dsr: 'DPI', activity: Number.NaN }, 'activity'],
    [{ dsr: 'RIS', exams: 0 }, 'exams'],
    [{ dsr: 'RIS', exams: 12.5 }, 'exams'],
    [{ dsr: 'RIS', activity: 12 }, 'activity'],
    [{ dsr: 'DPI', exams: 12 }, 'exams'],
    [{ dsr: 'SIH', activity: 12 }, 'dsr'],
    [{ dsr: 'DPI', activity: 12, orderDate: '2021-02-30' }, 'orderDate'],
  ])('%j is refused on %s', (input, field) => {
    expect(() => simulate('sons', input)).toThrow(expect.objectContaining({ field }))
  })
})
