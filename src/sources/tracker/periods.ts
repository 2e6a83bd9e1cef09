// The months of a tracker sheet. The follow-up point (one tab per point: "Août 2022", "Suivi Ségur ES -
// 08-2022") dates the region's fields; each national theme carries the month of its own data in its title
// ("MSSanté - Juillet 2022" beside "INSi - Août 2022"), and the archive's file name repeats them
// (`…_Logiciels-082022_INS-082022_MSS-072022_DMP-082022_Certificats-082022`).
import { findPeriodIn, parsePeriod, type Period } from '../../domain/observations/period'
import { fold } from '../monthly/cell-values'
import type { TrackerTheme } from './themes'

/** Where a month was read: the tab's name, a title cell, the file name, the caller, or assumed. */
export type PeriodSource = 'sheet-name' | 'title' | 'file-name' | 'caller' | 'follow-up'

/** A theme's months as written in the archive's file name. */
export interface FileNamePeriods {
  segur: Period | null
  insi: Period | null
  mssante: Period | null
  dmp: Period | null
  certificates: Period | null
}

/**
 * "082022" (month first when it can be a month), "08-2022", "202208", "Août2022", "aout-2022"; null for
 * the template's "moisannée".
 */
export function parseMonthYear(text: string): Period | null {
  const compact = /^(\d{2})(\d{4})$/.exec(text.trim())
  const monthFirst = compact ? parsePeriod(`${compact[1]}/${compact[2]}`) : null
  return monthFirst ?? parsePeriod(text) ?? findPeriodIn(text)
}

const FILE_NAME_TOKENS: readonly [keyof FileNamePeriods, RegExp][] = [
  ['segur', /(?:^|_)logiciels?-([^_]+)/],
  ['insi', /(?:^|_)insi?-([^_]+)/],
  ['mssante', /(?:^|_)mss(?:ante)?-([^_]+)/],
  ['dmp', /(?:^|_)dmp-([^_]+)/],
  ['certificates', /(?:^|_)certificats?-([^_]+)/],
]

export function periodsFromFileName(fileName: string): FileNamePeriods {
  const base = fold(fileName.replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]{2,4}$/i, ''))
  const found: FileNamePeriods = { segur: null, insi: null, mssante: null, dmp: null, certificates: null }
  for (const [key, pattern] of FILE_NAME_TOKENS) {
    const match = pattern.exec(base)
    if (match?.[1]) found[key] = parseMonthYear(match[1])
  }
  return found
}

/**
 * The DMP title holds two months: "(1) données d'alimentation du DMP Août 2022, (2) commande des
 * certificats DMP Août 2022". Without a "(2)", both are the title's month.
 */
export function titlePeriods(title: string): { data: Period | null; certificates: Period | null } {
  const second = /\(\s*2\s*\)/.exec(title)
  if (!second) {
    const month = findPeriodIn(title)
    return { data: month, certificates: month }
  }
  const data = findPeriodIn(title.slice(0, second.index))
  return { data, certificates: findPeriodIn(title.slice(second.index)) ?? data }
}

export const fileNameKey = (theme: TrackerTheme): keyof FileNamePeriods | null =>
  theme === 'segur' || theme === 'insi' || theme === 'mssante' || theme === 'dmp' ? theme : null

/** The tabs that are not a follow-up point, by their name (seed 002). */
export function skippedSheetKind(name: string): 'methodology' | 'national-average' | null {
  const text = fold(name)
  if (/^(methodologie|notice|mode d'emploi)/.test(text)) return 'methodology'
  if (/moyenne nationale|comparaison nationale/.test(text)) return 'national-average'
  return null
}
