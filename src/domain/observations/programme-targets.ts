// The targets behind each programme attainment the rules engine derives (derive-programmes.ts,
// derive-sun-es.ts), read from the same programme data, so that a page can show the measure beside its
// target: IFAQ by the month's year (RULES §9), HOPEN 2 by objective (§8), SUN-ES by measurement window (§7).
import { IFAQ_NUM_INDICATORS } from '../programmes/data/ifaq-num'
import { IFAQ_YEARS, SUN_ES_VOLET1 } from '../programmes/data/registry'
import { HOPEN_SOURCES } from './derive-programmes'
import { ifaqCode, sunEsCode } from './derived-indicators'
import { PROGRAMME_INDICATORS, programmeIndicatorCode } from './indicators'
import type { Period } from './period'

export type Programme = 'sun-es' | 'hopen2' | 'ifaq'

export interface TargetSpec {
  /** The measured indicator (`ifaq.NUM1`). */
  indicator: string
  label: string
  /** Percentage; null when no target is known for the month. */
  target: number | null
}

const LABELS = new Map(
  PROGRAMME_INDICATORS.map((p) => [programmeIndicatorCode(p.programme, p.code), p.label as string]),
)
const labelOf = (code: string) => LABELS.get(code) ?? code

/** The programme of a derived attainment indicator, or null for any other derived indicator. */
export function programmeOf(derived: string): Programme | null {
  if (derived.startsWith('derive.sun-es.')) return 'sun-es'
  if (derived.startsWith('derive.hopen2.')) return 'hopen2'
  if (derived.startsWith('derive.ifaq.')) return 'ifaq'
  return null
}

function ifaqTargets(derived: string, asOf: Period): TargetSpec[] | null {
  const year = Number(asOf.slice(0, 4))
  for (const id of Object.keys(IFAQ_NUM_INDICATORS)) {
    if (ifaqCode(id) !== derived) continue
    const indicator = programmeIndicatorCode('ifaq', id)
    const target = IFAQ_YEARS.find((y) => y.year === year)?.targets[id]?.value ?? null
    return [{ indicator, label: labelOf(indicator), target }]
  }
  return null
}

/**
 * HOPEN 2: the target the derivation applied. The SUN-ES result is not known from observations, so where it
 * matters the "otherwise" target applies (as derive-programmes.ts says in its explanation).
 */
function hopenTargets(derived: string): TargetSpec[] | null {
  const found = HOPEN_SOURCES.find((h) => h.code === derived)
  if (!found) return null
  return found.sources.map((indicator, index) => ({
    indicator,
    label: labelOf(indicator),
    target: found.objective.indicators[index]?.target.otherwise ?? null,
  }))
}

function sunEsTargets(derived: string, asOf: Period): TargetSpec[] | null {
  const domain = SUN_ES_VOLET1.domains.find((d) => sunEsCode(d.id) === derived)
  if (!domain) return null
  const window = SUN_ES_VOLET1.windows.find(
    (w) => asOf >= w.measurement.from.slice(0, 7) && asOf <= w.measurement.to.slice(0, 7),
  )
  const specs: TargetSpec[] = []
  for (const id of domain.bonus ? [...domain.indicators, domain.bonus] : domain.indicators) {
    const code = SUN_ES_VOLET1.indicators[id].code
    if (code === null) continue
    const indicator = programmeIndicatorCode('sun-es', code)
    specs.push({ indicator, label: labelOf(indicator), target: window ? window.targets[id] : null })
  }
  return specs
}

/** The measured indicators and targets of a derived attainment indicator at a month; [] for any other. */
export function programmeTargets(derived: string, asOf: Period): TargetSpec[] {
  return ifaqTargets(derived, asOf) ?? hopenTargets(derived) ?? sunEsTargets(derived, asOf) ?? []
}
