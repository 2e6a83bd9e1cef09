import { describe, expect, it } from 'vitest'
import {
  computeFinessPmsi,
  departementFromFiness,
  hasValidFinessKey,
  normalizeFiness,
  repairEightDigitFiness,
} from './finess'

describe('FINESS check key (Luhn over 9 characters, 2A → 21, 2B → 22)', () => {
  it.each([
    ['010000024', true],
    ['010780054', true],
    ['970400024', true],
    ['980501506', true],
    ['2A0000139', true],
    ['2B0000038', true],
    ['010000025', false],
    ['2A0000130', false],
    ['01000002', false],
    ['ABCDEFGHI', false],
  ])('%s → %s', (finess, valid) => {
    expect(hasValidFinessKey(finess)).toBe(valid)
  })
})

describe('département from the FINESS number (RULES §1)', () => {
  it.each([
    ['010000024', '01'],
    ['2A0000139', '2A'],
    ['2B0000038', '2B'],
    ['750712184', '75'],
    ['970100012', '971'],
    ['970210126', '972'],
    ['970300026', '973'],
    ['970400024', '974'],
    ['970500012', '975'],
    ['980501506', '976'],
    ['980600027', '986'],
    ['970600012', null],
    ['981000012', null],
    ['000000000', null],
  ])('%s → %s', (finess, departement) => {
    expect(departementFromFiness(finess)).toBe(departement)
  })
})

describe('reading what people and spreadsheets write', () => {
  it('strips the spaces of NN NNN NNN N, non-breaking ones included', () => {
    expect(normalizeFiness('01 000 002 4')).toBe('010000024')
    expect(normalizeFiness('2a\u00a0000 013 9')).toBe('2A0000139')
  })

  it('restores a lost leading zero only when the key confirms it', () => {
    expect(repairEightDigitFiness('10000024')).toBe('010000024')
    expect(repairEightDigitFiness('10000025')).toBeNull()
    expect(repairEightDigitFiness('010000024')).toBeNull()
  })
})

describe('FINESS PMSI: EJ for a public hospital, EG for a private one, sanitaire only', () => {
  const site = { finessEg: '010000024', finessEj: '010780054' }
  it.each([
    [
      { sector: 'sanitaire', isPublic: true },
      { finessPmsi: '010780054', basis: 'ej-public' },
    ],
    [
      { sector: 'sanitaire', isPublic: false },
      { finessPmsi: '010000024', basis: 'eg-private' },
    ],
    [
      { sector: 'medico-social', isPublic: true },
      { finessPmsi: null, basis: 'not-applicable' },
    ],
    [
      { sector: 'sanitaire', isPublic: false, override: '690000880' },
      { finessPmsi: '690000880', basis: 'override' },
    ],
  ])('%o → %o', (input, expected) => {
    expect(computeFinessPmsi({ ...site, ...input })).toEqual(expected)
  })
})
