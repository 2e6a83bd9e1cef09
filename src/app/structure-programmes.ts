// Use case: a site's programme targets and attainment at a month with the rules engine's explanation, and
// its funding forecast. Stored derived values carry no explanation (a batch derives without explaining):
// they are recomputed here from the site's observations, per reporting unit (EG, EJ, FINESS PMSI) as the
// batch derives them (recompute-derived.ts), so that the answer is the stored one, explained.
import type { ProgrammeAttainment, StructureProgrammes } from '../domain/contract/structure-history'
import { fundingForecast } from '../domain/forecast/forecast'
import { ALL_INDICATORS } from '../domain/observations/catalogue'
import { deriveForStructure, type StructureHistory } from '../domain/observations/derive'
import { valueAt } from '../domain/observations/derive-history'
import type { Period } from '../domain/observations/period'
import { programmeOf, programmeTargets } from '../domain/observations/programme-targets'
import type { StructurePlace } from '../domain/access/scope'
import type { Store } from '../store/database'
import { siteObservations, type ShownObservation } from '../store/observation-queries'
import { siteUnits } from '../store/site-history'
import { merged, seriesOf } from './observation-series'

/** One options object: the engine caches its configuration per object. */
const EXPLAIN = { explain: true } as const
/** The objective's name: the catalogue's label without its " : atteint" (the page says whether it is). */
const LABELS = new Map(
  ALL_INDICATORS.map((i) => [
    i.code,
    i.label.includes(' : ') ? i.label.slice(0, i.label.lastIndexOf(' : ')) : i.label,
  ]),
)
const EHPAD_CATEGORY = '500'

type Level = ProgrammeAttainment['level']

function byUnit(rows: readonly ShownObservation[]): Map<string, ShownObservation[]> {
  const units = new Map<string, ShownObservation[]>()
  for (const row of rows) {
    const key = `${row.level}|${row.finess}`
    const list = units.get(key)
    if (list) list.push(row)
    else units.set(key, [row])
  }
  return units
}

function attainments(history: StructureHistory, level: Level, finess: string, period: Period) {
  const out: ProgrammeAttainment[] = []
  for (const result of deriveForStructure(history, period, EXPLAIN)) {
    const programme = programmeOf(result.indicator)
    if (programme === null) continue
    out.push({
      indicator: result.indicator,
      programme,
      label: LABELS.get(result.indicator) ?? result.indicator,
      level,
      finess,
      reached: result.text,
      targets: programmeTargets(result.indicator, period).map((t) => {
        const measured = valueAt(history.series.get(t.indicator), period)
        return {
          ...t,
          rate: measured?.number ?? null,
          numerator: measured?.numerator ?? null,
          denominator: measured?.denominator ?? null,
        }
      }),
      explanation: result.explanation,
    })
  }
  return out
}

export async function structureProgrammes(
  store: Store,
  place: StructurePlace,
  period: Period,
): Promise<StructureProgrammes> {
  const units = await siteUnits(store.db, place.finess)
  const rows = (await siteObservations(store.db, place.finess)).filter((r) => r.period <= period)
  const found: ProgrammeAttainment[] = []
  for (const [key, unitRows] of byUnit(rows)) {
    const [level, finess] = key.split('|') as [Level, string]
    const isEhpad = level === 'EG' && units?.categoryCode === EHPAD_CATEGORY
    found.push(...attainments({ isEhpad, series: seriesOf(unitRows) }, level, finess, period))
  }
  const forecast = fundingForecast({ isEhpad: false, series: seriesOf(merged(rows)) }, period)
  return {
    finess: place.finess,
    period,
    finessPmsi: units?.finessPmsi ?? null,
    activity: forecast.activity,
    attainments: found.sort((a, b) => (a.indicator < b.indicator ? -1 : 1)),
    forecasts: forecast.forecasts,
  }
}
