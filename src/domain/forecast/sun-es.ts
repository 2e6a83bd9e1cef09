// SUN-ES volet 1 (RULES §7): the amount at stake and, when the prerequisites are known, the amount earned,
// for the latest measurement window (up to the month asked) in which the structure reported a DS rate.
// Jalon holds no prerequisite: the engine lists them as missing and leaves the earned amount undetermined.
import type { FundingForecast } from '../contract/structure-history'
import { latestAt, rateOf, type StructureHistory } from '../observations/derive-history'
import { programmeIndicatorCode } from '../observations/indicators'
import { type Period, periodLabel } from '../observations/period'
import { SUN_ES_VOLET1 } from '../programmes/data/registry'
import type { SunEsIndicator, SunEsWindow } from '../programmes/data/sun-es-volet1'
import { presentSunEs } from '../programmes/present/sun-es'
import { evaluateSunEs } from '../programmes/rules/sun-es'
import type { SunEsInput } from '../programmes/schemas'
import type { RateInput } from '../programmes/validation'
import { forecastOf, pricedForecast, type ForecastDetail } from './common'

const INDICATORS = (Object.keys(SUN_ES_VOLET1.indicators) as SunEsIndicator[]).flatMap((indicator) => {
  const code = SUN_ES_VOLET1.indicators[indicator].code
  return code === null ? [] : [{ indicator, source: programmeIndicatorCode('sun-es', code) }]
})

/** The rates of a window: each indicator's latest month inside the measurement, up to `asOf`. */
function windowRates(history: StructureHistory, window: SunEsWindow, asOf: Period) {
  const from = window.measurement.from.slice(0, 7)
  const to = window.measurement.to.slice(0, 7)
  const until = (asOf < to ? asOf : to) as Period
  const rates: Partial<Record<SunEsIndicator, RateInput>> = {}
  const read: string[] = []
  for (const { indicator, source } of INDICATORS) {
    const value = latestAt(history.series.get(source), until)
    if (value === null || value.period < from) continue
    const rate = rateOf(value)
    if (rate === null) continue
    rates[indicator] = rate
    read.push(`${source} de ${periodLabel(value.period)}`)
  }
  return { rates, read }
}

export function sunEsForecast(
  history: StructureHistory,
  asOf: Period,
  activity: number | null,
  detail: ForecastDetail = 'full',
): FundingForecast | null {
  const started = SUN_ES_VOLET1.windows.filter((w) => w.measurement.from.slice(0, 7) <= asOf)
  for (const window of [...started].reverse()) {
    const { rates, read } = windowRates(history, window, asOf)
    if (read.length === 0) continue
    // As the derivation does: a domain is evaluated when one of its rates is reported, and a domain reserved
    // to an own laboratory or imaging is presumed so when its rate is reported.
    const domains = SUN_ES_VOLET1.domains
      .filter((d) => d.volet === 1 && d.indicators.some((i) => rates[i] !== undefined))
      .map((d) => d.id)
    if (domains.length === 0) continue
    const input: SunEsInput = {
      window: window.number,
      domains,
      rates,
      ...(activity === null ? {} : { activity }),
      ...(domains.includes('D2') ? { ownLaboratory: true } : {}),
      ...(domains.includes('D3') ? { ownImaging: true } : {}),
      insRecoveryGate: false,
    }
    const heading = {
      id: 'sun-es',
      label: `SUN-ES volet 1 — fenêtre ${window.number}`,
      amountLabel: 'Montant en jeu',
    }
    const evaluation = evaluateSunEs(input)
    if (detail === 'priced') return pricedForecast(heading, evaluation.amountCents)
    const basis = [
      `Fenêtre ${window.number} (mesure ${window.measurement.label}) : ${read.join(', ')}.`,
      'Cible « récupération INS » non appliquée : aucune source ne la mesure.',
    ]
    if (activity !== null) basis.push('Activité combinée calculée ci-dessus.')
    return forecastOf(heading, presentSunEs(evaluation, input), basis)
  }
  return null
}
