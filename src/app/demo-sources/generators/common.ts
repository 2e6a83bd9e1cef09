// Shared helpers of the demo generators: adoption curves, seasons, and numbers written the way French
// national files write them.
import { FRENCH_MONTHS, type Period } from '../../../domain/observations/period'
import type { Profile } from '../profiles'
import { sCurve } from '../random'
import type { MonthContext } from './types'

export type Theme = keyof Profile['start']

/** 0 to 1: how far the structure has gone on a theme at this month. */
export function adoption(profile: Profile, theme: Theme, month: MonthContext, delay = 0): number {
  return sCurve(month.index, profile.start[theme] + delay, profile.width)
}

/** Activity dips in August and around Christmas. */
export function season(period: Period): number {
  const month = Number(period.slice(5, 7))
  return month === 8 ? 0.78 : month === 7 ? 0.9 : month === 12 ? 0.92 : 1
}

/** "2025-03" → "202503". */
export const compactPeriod = (period: Period): string => period.replace('-', '')

/** "2025-08" → "aout-2025": the month as producers write it in a file name, without accents. */
export function monthWord(period: Period): string {
  const name = FRENCH_MONTHS[Number(period.slice(5, 7)) - 1] ?? ''
  return `${name.normalize('NFD').replace(/\p{Diacritic}/gu, '')}-${period.slice(0, 4)}`
}

/** "août 2025". */
export function monthLabel(period: Period): string {
  return `${FRENCH_MONTHS[Number(period.slice(5, 7)) - 1] ?? ''} ${period.slice(0, 4)}`
}

/** A whole number, grouped by thousands with a no-break space when `grouped` ("12 480"). */
export function count(value: number, grouped = false): string {
  const n = Math.max(0, Math.round(value))
  return grouped ? n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0') : n.toString()
}

/** A percentage with one decimal, French comma ("47,5"). */
export function percent(value: number): string {
  const bounded = Math.min(100, Math.max(0, value))
  return (Math.round(bounded * 10) / 10).toFixed(1).replace('.', ',').replace(/,0$/, '')
}

/** Euros with cents, French comma ("8400,00"). */
export function euros(value: number): string {
  return (Math.round(value * 100) / 100).toFixed(2).replace('.', ',')
}
