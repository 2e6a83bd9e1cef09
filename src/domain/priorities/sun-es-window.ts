// The SUN-ES measurement window "close" to a follow-up point (issue 7 §3): the first window whose
// measurement ends at or after the point and within the chosen number of months, with its targets. A point
// inside a window has that window; before it, the rates already measured show how far the site still is.
import { SUN_ES_VOLET1 } from '../programmes/data/registry'
import { programmeIndicatorCode } from '../observations/indicators'
import { monthsBetween, type Period } from '../observations/period'

export interface ClosingWindow {
  number: number
  /** "S2 2022" */
  label: string
  /** The last month of the measurement. */
  end: Period
  /** Months from the point to the end of the measurement: 0 in its last month. */
  monthsLeft: number
}

export function closingWindow(period: Period, withinMonths: number): ClosingWindow | null {
  for (const window of SUN_ES_VOLET1.windows) {
    const end = window.measurement.to.slice(0, 7)
    const left = monthsBetween(period, end)
    if (left >= 0 && left <= withinMonths)
      return { number: window.number, label: window.measurement.label, end, monthsLeft: left }
  }
  return null
}

export interface SunEsTarget {
  /** The measured indicator (`sun-es.DS1.1`). */
  indicator: string
  /** Percentage to reach in the window. */
  target: number
}

/**
 * The targets that decide a volet 1 domain in a window: LDL and ordonnance (D1), biologie (D2), imagerie
 * (D3). The CRO bonus decides nothing and "récupération INS" has no published numerator: neither is here.
 */
export function sunEsTargets(windowNumber: number): SunEsTarget[] {
  const window = SUN_ES_VOLET1.windows.find((w) => w.number === windowNumber)
  if (!window) return []
  const out: SunEsTarget[] = []
  for (const domain of SUN_ES_VOLET1.domains) {
    if (domain.volet !== 1) continue
    for (const id of domain.indicators) {
      const code = SUN_ES_VOLET1.indicators[id].code
      if (code !== null)
        out.push({ indicator: programmeIndicatorCode('sun-es', code), target: window.targets[id] })
    }
  }
  return out
}
