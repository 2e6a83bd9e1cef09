// The import page's pure parts: the month a file name gives, stored timestamps in French time, and what
// the progress bar shows for each step the server names.
import { describe, expect, it } from 'vitest'
import { formatDateTime, formatPeriod, periodFromFileName, progressView } from './import-format'

describe('the month in a file name', () => {
  it.each([
    ['M1271_V02_TLSt_Publication donnees INSI-202403.csv', '2024-03'],
    ['insi_2024-03.xlsx', '2024-03'],
    ['export DMP mars 2024.csv.gz', '2024-03'],
    ['suivi-03-2024.csv', '2024-03'],
    ['M1271_V02_TLSt_Publication donnees INSI-AAAAMM.csv', null],
    ['insi-202413.csv', null],
  ])('%s → %s', (name, period) => {
    expect(periodFromFileName(name)).toBe(period)
  })
})

describe('French dates and months', () => {
  const plain = (text: string) => text.replace(/\s+/g, ' ')
  it.each([
    ['2024-03-14 10:22:33.123456+00', '14/03/2024 à 11:22'],
    ['2024-07-14T10:22:33Z', '14/07/2024 à 12:22'],
    ['2024-07-14 10:22:33+02', '14/07/2024 à 10:22'],
    ['2024-07-14T10:22:33.5+05:30', '14/07/2024 à 06:52'],
  ])('%s → %s (Paris time)', (stored, shown) => {
    expect(plain(formatDateTime(stored))).toBe(shown)
  })
  it('keeps what it cannot read, and marks what is missing', () => {
    expect(formatDateTime('hier')).toBe('hier')
    expect(formatDateTime(null)).toBe('—')
  })
  it('names months in French', () => {
    expect(formatPeriod('2024-08')).toBe('août 2024')
    expect(formatPeriod('2024-13')).toBe('2024-13')
  })
})

describe('the progress of a job', () => {
  it('is indeterminate before the first step', () => {
    expect(progressView('en attente', 0)).toEqual({ value: null, max: 3, text: 'En attente' })
  })
  it('counts the steps done and says the values loaded so far', () => {
    const view = progressView('lecture des lignes', 150_000)
    expect(view.value).toBe(1)
    expect(view.text.replace(/\s/g, ' ')).toBe('Étape 2 sur 3 : lecture des lignes — 150 000 valeurs')
    expect(progressView('lecture du référentiel', 0).text).toBe('Étape 1 sur 3 : lecture du référentiel')
  })
})
