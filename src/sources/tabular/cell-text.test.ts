import { describe, expect, it } from 'vitest'
import { cellText, dateText, isDateFormat, numberText } from './cell-text'

describe('numbers as text', () => {
  it.each([
    [240000372, '240000372'],
    [10000024, '10000024'],
    [47.5, '47.5'],
    [0.1 + 0.2, '0.3'],
    [1.1 * 3, '3.3'],
    [-12.25, '-12.25'],
    [-0, '0'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-2.5e-8, '-0.000000025'],
    [123456789012345.6, '123456789012346'],
    [2 ** 53, '9007199254740992'],
  ])('%d reads "%s"', (value, text) => {
    expect(numberText(value)).toBe(text)
  })
})

describe('dates as text', () => {
  it('writes the ISO date, without the time of day', () => {
    expect(dateText(new Date(Date.UTC(2024, 2, 1)))).toBe('2024-03-01')
    expect(dateText(new Date(Date.UTC(2024, 2, 1, 14, 30)))).toBe('2024-03-01')
  })

  it('writes a time alone (day 0 of the 1900 calendar) as a time', () => {
    expect(dateText(new Date(Date.UTC(1899, 11, 30, 8, 5)))).toBe('08:05')
    expect(dateText(new Date(Date.UTC(1899, 11, 30, 8, 5, 9)))).toBe('08:05:09')
  })

  it('writes nothing for an invalid date', () => {
    expect(dateText(new Date(Number.NaN))).toBe('')
  })

  it.each([
    ['dd/mm/yyyy', true],
    ['mm-dd-yy', true],
    ['[$-40C]d mmmm yyyy', true],
    ['h:mm', true],
    ['General', false],
    ['0.00', false],
    ['#,##0 "jours"', false],
    ['[Red]0.00', false],
    [undefined, false],
  ])('"%s" is a date format: %s', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected)
  })
})

describe('cell values as text', () => {
  it('reads plain values', () => {
    expect(cellText(null)).toBe('')
    expect(cellText(undefined)).toBe('')
    expect(cellText('  Libellé  ')).toBe('  Libellé  ')
    expect(cellText(1830)).toBe('1830')
    expect(cellText(true)).toBe('Oui')
    expect(cellText(false)).toBe('Non')
    expect(cellText(new Date(Date.UTC(2023, 11, 31)))).toBe('2023-12-31')
  })

  it('joins rich text runs, even an empty one', () => {
    expect(
      cellText({
        richText: [{ text: 'Centre ' }, { font: { bold: true }, text: 'Hospitalier' }, { text: null }],
      }),
    ).toBe('Centre Hospitalier')
  })

  it('reads a hyperlink as its text', () => {
    expect(cellText({ text: 'Fiche', hyperlink: 'https://example.org' })).toBe('Fiche')
    expect(cellText({ text: { richText: [{ text: 'Fi' }, { text: 'che' }] }, hyperlink: 'https://x' })).toBe(
      'Fiche',
    )
  })

  it('reads an error as its code', () => {
    expect(cellText({ error: '#N/A' })).toBe('#N/A')
    expect(cellText({ error: '#DIV/0!' })).toBe('#DIV/0!')
  })

  it('reads a formula as its cached result', () => {
    expect(cellText({ formula: 'A1*2', result: 4 })).toBe('4')
    expect(cellText({ formula: 'A1&"x"', result: 'ax' })).toBe('ax')
    expect(cellText({ formula: 'B1/3', result: 0.1 + 0.2 })).toBe('0.3')
    // The child of a shared formula has no text of its own in the streaming reader.
    expect(cellText({ formula: '', result: 7 })).toBe('7')
    expect(cellText({ sharedFormula: 'A1', result: 8 })).toBe('8')
  })

  it('reads a number formatted as a percentage as Excel shows it', () => {
    expect(cellText(0.475, { numFmt: '0.0%' })).toBe('47.5%')
    expect(cellText(0.07, { numFmt: '0%' })).toBe('7%')
    expect(cellText({ formula: 'A1/B1', result: 0.5 }, { numFmt: '0.00%' })).toBe('50%')
    expect(cellText(0.475, { numFmt: '0.0" %age"' })).toBe('0.475')
    expect(cellText(0.475, { numFmt: '0.0\\%' })).toBe('0.475')
  })

  it('reads a formula whose result is a date serial as the date, when its format is a date', () => {
    expect(cellText({ formula: 'A1+1', result: 45352 }, { numFmt: 'dd/mm/yyyy' })).toBe('2024-03-01')
    expect(cellText({ formula: 'A1+1', result: 43890 }, { numFmt: 'dd/mm/yyyy', date1904: true })).toBe(
      '2024-03-01',
    )
    expect(cellText({ formula: 'A1+1', result: 45352 }, { numFmt: '0' })).toBe('45352')
  })

  it('reads a formula without a usable result as the formula, for the consumers to refuse', () => {
    expect(cellText({ formula: 'TODAY()' })).toBe('=TODAY()')
    expect(cellText({ formula: '1/0', result: Number.NaN })).toBe('=1/0')
    expect(cellText({ sharedFormula: 'A1' })).toBe('=A1')
  })
})
