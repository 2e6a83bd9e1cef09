// SUN-ES volet 1 domain attainment (RULES §7) from the DS rates of a month inside a measurement window:
// June 2022 (window 1), S2 2022, S1 2023, S2 2023. Outside them there is no target to compare with: nothing.
import { SUN_ES_VOLET1 } from '../programmes/data/registry'
import type { SunEsDomain, SunEsIndicator, SunEsWindow } from '../programmes/data/sun-es-volet1'
import { reachedText } from '../programmes/format-fr'
import { presentSunEs } from '../programmes/present/sun-es'
import { evaluateSunEs } from '../programmes/rules/sun-es'
import type { SunEsInput } from '../programmes/schemas'
import type { RateInput } from '../programmes/validation'
import { explain } from './derive-explain'
import { rateOf, valueAt, type StructureHistory } from './derive-history'
import { type DeriveConfig, type DerivedResult, derived, yesNoText } from './derive-result'
import { sunEsCode } from './derived-indicators'
import { programmeIndicatorCode } from './indicators'
import { type Period, periodLabel } from './period'

const VERSION = SUN_ES_VOLET1

/** Observation code of a SUN-ES indicator (`sun-es.DS1.1`); null for "récupération INS", never reported. */
const sourceOf = (indicator: SunEsIndicator): string | null => {
  const code = VERSION.indicators[indicator].code
  return code === null ? null : programmeIndicatorCode('sun-es', code)
}

const WINDOWS = VERSION.windows.map((window) => ({
  window,
  from: window.measurement.from.slice(0, 7),
  to: window.measurement.to.slice(0, 7),
}))

const DOMAINS = VERSION.domains
  .filter((domain) => domain.volet === 1)
  .map((domain) => ({
    domain,
    /** Targets that decide the domain; the bonus is read but decides nothing. */
    indicators: domain.indicators.flatMap((i) => {
      const source = sourceOf(i)
      return source === null ? [] : [{ indicator: i, source }]
    }),
    bonus: domain.bonus === null ? null : { indicator: domain.bonus, source: sourceOf(domain.bonus) },
  }))

/** The window whose measurement months include `asOf`. */
function windowOf(asOf: Period): SunEsWindow | null {
  for (const w of WINDOWS) if (asOf >= w.from && asOf <= w.to) return w.window
  return null
}

/** `derive.sun-es.<domain>.atteint` for each volet 1 domain with a rate this month, inside a window. */
export function deriveSunEs(
  history: StructureHistory,
  asOf: Period,
  config: DeriveConfig,
  out: DerivedResult[],
): void {
  const window = windowOf(asOf)
  if (window === null) return
  let rates: Partial<Record<SunEsIndicator, RateInput>> | null = null
  let domains: SunEsDomain['id'][] | null = null
  for (const { domain, indicators, bonus } of DOMAINS) {
    let present = false
    for (const { indicator, source } of indicators) {
      const value = valueAt(history.series.get(source), asOf)
      if (value === null) continue
      present = true
      const rate = rateOf(value)
      if (rate !== null) (rates ??= {})[indicator] = rate
    }
    if (!present) continue
    ;(domains ??= []).push(domain.id)
    const bonusRate = bonus?.source ? rateOf(valueAt(history.series.get(bonus.source), asOf)) : null
    if (bonus && bonusRate !== null) (rates ??= {})[bonus.indicator] = bonusRate
  }
  if (domains === null) return
  const input: SunEsInput = {
    window: window.number,
    domains,
    rates: rates ?? undefined,
    // A domain reserved to an own laboratory or imaging is evaluated only when its rate is reported.
    ownLaboratory: domains.includes('D2') ? true : undefined,
    ownImaging: domains.includes('D3') ? true : undefined,
    insRecoveryGate: config.insRecoveryGate,
  }
  const evaluation = evaluateSunEs(input)
  const result = config.explain ? presentSunEs(evaluation, input) : null
  for (const d of evaluation.domains) {
    const code = sunEsCode(d.domain.id)
    if (result === null) {
      out.push(derived(code, null, yesNoText(d.reached), ''))
      continue
    }
    const prefix = `${d.domain.id} — `
    const fields = d.domain.indicators.map((i) => `rates.${i}`)
    if (config.insRecoveryGate) fields.push('rates.insRecovery')
    const notes = [
      `Taux de ${periodLabel(asOf)}, pris comme mesure de la fenêtre ${window.number} (${window.measurement.label}).`,
      config.insRecoveryGate
        ? 'La cible « récupération INS » (sans numérateur publié) est appliquée ; elle peut être levée par paramétrage.'
        : 'La cible « récupération INS » n’a pas de numérateur publié et aucune source ne la mesure : elle n’est pas appliquée (paramétrable).',
    ]
    if (d.domain.eligibility !== null) {
      notes.push('Domaine réservé au plateau propre (même EJ) : présumé tel puisque son taux est déclaré.')
    }
    const text = explain(result, {
      summary: `SUN-ES fenêtre ${window.number}, ${d.domain.label} : ${reachedText(d.reached, 'm')}.`,
      step: (s) => s.label.startsWith(prefix) || s.label.startsWith('Fenêtre '),
      missing: (m) => fields.includes(m.field),
      notes,
    })
    out.push(derived(code, null, yesNoText(d.reached), text))
  }
}
