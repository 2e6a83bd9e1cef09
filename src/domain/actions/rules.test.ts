import { describe, expect, it } from 'vitest'
import { cleanActionText, dueOnProblem, isCalendarDate, isOverdue } from './rules'

describe('cleanActionText', () => {
  it.each([
    ['  Appel du DSI  ', false, 'Appel du DSI'],
    ['Ligne 1\nLigne 2', false, 'Ligne 1 Ligne 2'],
    ['Ligne 1\r\nLigne 2', true, 'Ligne 1\nLigne 2'],
    ['Bip\u0007 ici\u0000', true, 'Bip ici'],
    ['   ', true, null],
    ['<b>gras</b>', false, '<b>gras</b>'],
  ])('%j (multi-line %s) → %j', (raw, multiline, expected) => {
    expect(cleanActionText(raw, multiline)).toBe(expected)
  })
})

describe('due dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['24-01-01', false],
    ['2024-1-1', false],
  ])('%s is a calendar date: %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected)
  })

  it.each([
    ['2025-06-30', null],
    ['2020-01-01', null],
    ['2019-12-31', /2020/],
    ['2101-01-01', /2100/],
    ['2025-02-30', /AAAA-MM-JJ/],
    ['30/06/2025', /AAAA-MM-JJ/],
  ])('%s → %s', (text, expected) => {
    const problem = dueOnProblem(text)
    if (expected === null) expect(problem).toBeNull()
    else expect(problem).toMatch(expected)
  })
})

describe('isOverdue', () => {
  it.each([
    ['a_faire', '2025-03-01', true],
    ['a_faire', '2025-03-02', false],
    ['a_faire', null, false],
    ['fait', '2025-01-01', false],
    ['abandonne', '2025-01-01', false],
  ] as const)('%s due %s, on 2025-03-02: %s', (status, dueOn, expected) => {
    expect(isOverdue({ status, dueOn }, '2025-03-02')).toBe(expected)
  })
})
