import { describe, expect, it } from 'vitest'
import { ORDER_STATUSES } from '../../domain/observations/indicators'
import {
  looksLikeFormula,
  readAmount,
  readBoolean,
  readCount,
  readDecimal,
  readRate,
  readStatus,
  readText,
} from './cell-values'

const value = <T>(reading: { ok: true; value: T } | { ok: false; reason: string }): T | string =>
  reading.ok ? reading.value : `refus: ${reading.reason}`

describe('French numbers', () => {
  it.each([
    ['1830', '1830'],
    ['1 830', '1830'],
    ['1\u00a0830', '1830'],
    ['1\u202f830', '1830'],
    ['47,5', '47.5'],
    ['47.5', '47.5'],
    ['1.830,25', '1830.25'],
    ['1.234.567', '1234567'],
    ['12 345,67 €', '12345.67'],
    ['1830,0', '1830'],
    ['007', '7'],
    ['+12', '12'],
    ['-5', '-5'],
    ['\u22125', '-5'],
    ['-0', '0'],
    ['0.475', '0.475'],
    ['1.125', '1.125'],
  ])('reads %s as %s', (raw, expected) => {
    expect(value(readDecimal(raw))).toBe(expected)
  })

  it.each(['abc', '1,2,3', '12 %', '1e5', '=1+1'])('refuses %s', (raw) => {
    expect(readDecimal(raw).ok).toBe(false)
  })

  it('reads counts as whole numbers, a point before three digits grouping thousands', () => {
    expect(value(readCount('1.830'))).toBe('1830')
    expect(value(readCount('10 980'))).toBe('10980')
    expect(value(readCount('1830,0'))).toBe('1830')
    expect(value(readCount('12,5'))).toContain('nombre entier')
    expect(value(readCount('-5'))).toContain('négatif')
  })

  it('reads amounts with at most two decimals and refuses an ambiguous point', () => {
    expect(value(readAmount('8 400,00 €'))).toBe('8400')
    expect(value(readAmount('19600,5'))).toBe('19600.5')
    expect(value(readAmount('7.500'))).toContain('ambigu')
    expect(value(readAmount('1,234'))).toContain('deux décimales')
    expect(value(readAmount('-1'))).toContain('négatif')
  })
})

describe('rates', () => {
  it.each([
    ['47', '47'],
    ['47,5 %', '47.5'],
    ['47,5%', '47.5'],
    ['100', '100'],
    ['0,475', '0.475'],
  ])('reads %s percent as %s', (raw, expected) => {
    expect(value(readRate(raw))).toBe(expected)
  })

  it.each([
    ['0,475', '47.5'],
    ['1', '100'],
    ['0.5', '50'],
    ['0.05', '5'],
    ['0.005', '0.5'],
    ['0.0005', '0.05'],
    ['0.0001234', '0.01234'],
    ['0.12345', '12.345'],
  ])('reads %s as a fraction: %s %%', (raw, expected) => {
    expect(value(readRate(raw, 'fraction'))).toBe(expected)
  })

  it('refuses a rate out of range or not a number', () => {
    expect(value(readRate('101'))).toContain('entre 0 et 100')
    expect(value(readRate('1.5', 'fraction'))).toContain('entre 0 et 1')
    expect(value(readRate('beaucoup'))).toContain("n'est pas un taux")
  })
})

describe('yes / no and statuses', () => {
  it.each([
    ['Oui', 'oui'],
    ['OUI', 'oui'],
    ['oui.', 'oui'],
    ['X', 'oui'],
    ['Non', 'non'],
    ['0', 'non'],
  ])('reads %s', (raw, expected) => {
    expect(value(readBoolean(raw))).toBe(expected)
  })

  it('reads a status by label, code or synonym, whatever the case, accents and punctuation', () => {
    expect(value(readStatus('Commande signée', ORDER_STATUSES))).toBe('signee')
    expect(value(readStatus('COMMANDE SIGNEE.', ORDER_STATUSES))).toBe('signee')
    expect(value(readStatus('non-signee', ORDER_STATUSES))).toBe('non-signee')
    expect(value(readStatus('Devis signé', ORDER_STATUSES, { 'devis signe': 'signee' }))).toBe('signee')
    const refused = value(readStatus('Peut-être', ORDER_STATUSES))
    expect(refused).toContain('« Commande signée », « Pas de commande signée », « Non concerné »')
  })
})

describe('spreadsheet formulas', () => {
  it.each(["=cmd|' /C calc'!A0", '@SUM(A1:A9)', '+cmd|x', '-2+3+cmd|x', '=HYPERLINK("http://x")', '\t=1+1'])(
    'sees %s as a formula and refuses it as text',
    (raw) => {
      expect(looksLikeFormula(raw)).toBe(true)
      expect(value(readText(raw))).toContain('formule')
    },
  )

  it.each(['+1', '-5', '+33 6 12 34 56 78', '- 5', 'Éditeur A', '10 %'])('%s is not a formula', (raw) => {
    expect(looksLikeFormula(raw)).toBe(false)
  })

  it('reads a signed number as a number', () => {
    expect(value(readDecimal('+1'))).toBe('1')
    expect(value(readDecimal('-5'))).toBe('-5')
  })

  it('refuses control characters and overlong text', () => {
    expect(value(readText('a\u0007b'))).toContain('contrôle')
    expect(value(readText('x'.repeat(4001)))).toContain('limite')
    expect(value(readText('  Difficulté avec Editeurs (vu avec CRIV/ANS) '))).toBe(
      'Difficulté avec Editeurs (vu avec CRIV/ANS)',
    )
  })
})
