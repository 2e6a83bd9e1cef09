// Programme results from oSIS, for a handful of hospitals, on the months a programme measures (RULES §7–§9):
// SUN-ES over June and December 2022–2023, HOPEN 2 each month up to July 2025, IFAQ over March each year.
// A result belongs to the month its measurement ends. Rates grow with the hospital's DMP curve.
import type { Period } from '../../../domain/observations/period'
import { SURGICAL, WITH_LAB, type Profile } from '../profiles'
import { Random } from '../random'
import { adoption, compactPeriod, count, percent } from './common'
import type { DemoRow, MonthContext, SourceGenerator } from './types'

interface Measure {
  programme: 'SUN-ES' | 'HOPEN 2' | 'IFAQ'
  indicator: string
  /** Which curve the rate follows and where it levels off. */
  theme: 'dmp' | 'insi' | 'mss'
  ceiling: number
  needs?: 'surgical' | 'lab'
}

const SUN_ES: readonly Measure[] = [
  { programme: 'SUN-ES', indicator: 'DS1.1', theme: 'dmp', ceiling: 75 },
  { programme: 'SUN-ES', indicator: 'DS1.2', theme: 'dmp', ceiling: 68 },
  { programme: 'SUN-ES', indicator: 'DS1.3', theme: 'dmp', ceiling: 72, needs: 'surgical' },
  { programme: 'SUN-ES', indicator: 'DS2.1', theme: 'dmp', ceiling: 70, needs: 'lab' },
  { programme: 'SUN-ES', indicator: 'DS3.1', theme: 'dmp', ceiling: 65, needs: 'surgical' },
]
const HOPEN2: readonly Measure[] = [
  { programme: 'HOPEN 2', indicator: 'P1.O1', theme: 'insi', ceiling: 90 },
  { programme: 'HOPEN 2', indicator: 'P1.O2 LDL', theme: 'dmp', ceiling: 80 },
  { programme: 'HOPEN 2', indicator: 'P1.O2 ORD', theme: 'dmp', ceiling: 72 },
  { programme: 'HOPEN 2', indicator: 'P1.O3', theme: 'dmp', ceiling: 78, needs: 'surgical' },
  { programme: 'HOPEN 2', indicator: 'P1.O5', theme: 'dmp', ceiling: 74, needs: 'lab' },
  { programme: 'HOPEN 2', indicator: 'P1.O7', theme: 'mss', ceiling: 82 },
]
const IFAQ: readonly Measure[] = [
  { programme: 'IFAQ', indicator: 'NUM1', theme: 'dmp', ceiling: 65 },
  { programme: 'IFAQ', indicator: 'NUM2', theme: 'mss', ceiling: 70 },
]

/** What is measured over the month `period`. */
export function measuresOf(period: Period): readonly Measure[] {
  const year = Number(period.slice(0, 4))
  const month = Number(period.slice(5, 7))
  const out: Measure[] = []
  if ((year === 2022 || year === 2023) && (month === 6 || month === 12)) out.push(...SUN_ES)
  if (year === 2025 && month <= 7) out.push(...HOPEN2)
  if (year >= 2022 && month === 3) out.push(...IFAQ)
  return out
}

const lastDay = (period: Period): string => {
  const [y = 2000, m = 1] = period.split('-').map(Number)
  return `${String(new Date(Date.UTC(y, m, 0)).getUTCDate())}/${period.slice(5, 7)}/${period.slice(0, 4)}`
}

/** The candidates: hospitals with a FINESS PMSI and enough activity, one per PMSI, at most a dozen. */
function candidates(profiles: readonly Profile[]): Profile[] {
  const byPmsi = new Map<string, Profile>()
  for (const p of profiles) {
    if (p.role !== 'hospital' || !p.site.finessPmsi || !p.active.dmp || p.scale < 1500) continue
    const previous = byPmsi.get(p.site.finessPmsi)
    if (!previous || previous.scale < p.scale) byPmsi.set(p.site.finessPmsi, p)
  }
  return [...byPmsi.values()]
    .filter((p) => Random.for('programmes', p.site.finessPmsi ?? '').chance(0.5))
    .slice(0, 12)
}

export const programmesGenerator: SourceGenerator = {
  code: 'programmes',
  columns: ['finess', 'programme', 'indicator', 'numerator', 'denominator', 'rate', 'debut', 'periode'],
  extraHeaders: ['Raison sociale'],
  fileName: (period) => `oSIS-resultats-${compactPeriod(period)}.csv`,
  table(profiles, month: MonthContext) {
    const measures = measuresOf(month.period)
    if (measures.length === 0) return { preamble: [], rows: [] }
    const rows: DemoRow[] = []
    for (const p of candidates(profiles)) {
      const pmsi = p.site.finessPmsi ?? ''
      const stays = Math.round((p.scale * Random.for('programmes-stays', pmsi).int(15, 30)) / 100)
      for (const m of measures) {
        if (m.needs === 'surgical' && !(p.kind && SURGICAL.has(p.kind))) continue
        if (m.needs === 'lab' && !(p.kind && WITH_LAB.has(p.kind))) continue
        const r = Random.for('programmes', pmsi, m.indicator, month.period)
        const rate = Math.min(99, m.ceiling * adoption(p, m.theme, month, 2) * r.noise(0.08))
        const numerator = Math.round((stays * rate) / 100)
        rows.push({
          cells: {
            finess: pmsi,
            programme: m.programme,
            indicator: m.indicator,
            numerator: count(numerator),
            denominator: count(stays),
            rate: percent((numerator / Math.max(stays, 1)) * 100),
            debut: `01/${month.period.slice(5, 7)}/${month.period.slice(0, 4)}`,
            periode: lastDay(month.period),
          },
          extra: { 'Raison sociale': p.site.name },
        })
      }
    }
    return { preamble: [], rows }
  },
}
