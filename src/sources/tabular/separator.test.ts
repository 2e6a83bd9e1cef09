import { describe, expect, it } from 'vitest'
import { detectSeparator, fieldCounts } from './separator'

describe('CSV separator detection', () => {
  it.each([
    ['semicolon', 'finess;raison sociale;montant\n010000024;CH Bourg;1,5\n010000032;CH Belley;2,5\n', ';'],
    ['comma', 'finess,raison sociale,montant\n010000024,CH Bourg,1.5\n010000032,CH Belley,2.5\n', ','],
    ['tab', 'finess\traison sociale\tmontant\n010000024\tCH, Bourg\t1,5\n', '\t'],
    ['pipe', 'finess|raison sociale|montant\n010000024|CH Bourg|1,5\n', '|'],
  ])('finds the %s', (_label, text, separator) => {
    expect(detectSeparator(text)).toBe(separator)
  })

  it('does not count separators inside quoted fields, even across lines', () => {
    const text = 'a,b,c\n"x; y; z",2,3\n"multi\nline; text",5,6\n'
    expect(detectSeparator(text)).toBe(',')
    expect(fieldCounts(text, ',', true)).toEqual([3, 3, 3])
  })

  it('prefers the semicolon when decimal commas are as regular as the columns', () => {
    // Every data line has two decimal commas: the header line, without any, tells them apart.
    const text = 'code;taux;montant\nA;1,5;2,5\nB;3,5;4,5\n'
    expect(detectSeparator(text)).toBe(';')
  })

  it('looks past a title line and a short last line', () => {
    const text =
      'Suivi mensuel - janvier 2024\n\nfiness;nom;valeur\n1;a;2\n3;b;4\n5;c;6\nTotal;;12\nsource : ARS\n'
    expect(detectSeparator(text)).toBe(';')
  })

  it('takes a quote inside an unquoted field as text', () => {
    expect(fieldCounts('a;Centre "Les; Tilleuls";c\n', ';', true)).toEqual([4])
  })

  it('leaves out blank lines and a last record the sample may have cut', () => {
    expect(fieldCounts('a;b\r\n\r\n1;2\r\n3', ';', true)).toEqual([2, 2, 1])
    expect(fieldCounts('a;b\r\n\r\n1;2\r\n3', ';', false)).toEqual([2, 2])
    expect(fieldCounts('a;b\n"open;quote', ';', true)).toEqual([2])
  })

  it('falls back to the semicolon for a one-column file', () => {
    expect(detectSeparator('finess\n010000024\n010000032\n')).toBe(';')
  })
})
