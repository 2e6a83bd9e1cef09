// Use case: recompute the derived indicators (rules engine) from a month on, after an import changed it.
// Runs inside the import's transaction, so the derived values always match the observations.
import { DERIVATION_INPUTS } from '../domain/observations/catalogue'
import { deriveForStructure, historyOf } from '../domain/observations/derive'
import type { Observation } from '../domain/observations/observation'
import { periodRange, type Period } from '../domain/observations/period'
import type { Session } from '../store/database'
import {
  copyDerived,
  deleteDerivedFrom,
  derivationInputs,
  ehpadSites,
  latestObservationPeriod,
  type DerivedRow,
} from '../store/derived'

const BATCH_SIZE = 50_000
/** One options object for the whole batch (the engine caches per object); explanations on demand only. */
const BATCH_OPTIONS = { explain: false } as const

export interface DerivedCounts {
  from: Period | null
  to: Period | null
  structures: number
  values: number
}

export async function recomputeDerived(
  session: Session,
  from: Period,
  ids: ReadonlyMap<string, number>,
): Promise<DerivedCounts> {
  await deleteDerivedFrom(session, from)
  const latest = await latestObservationPeriod(session.db)
  if (latest === null || latest < from) return { from: null, to: null, structures: 0, values: 0 }
  const months = periodRange(from, latest)
  const inputs = await derivationInputs(session.db, DERIVATION_INPUTS, latest)
  const ehpad = await ehpadSites(session.db)
  let batch: DerivedRow[] = []
  let structures = 0
  let values = 0
  const flush = async () => {
    await copyDerived(session, batch)
    values += batch.length
    batch = []
  }
  // Inputs come ordered by structure: each structure's rows are one contiguous run.
  for (let start = 0; start < inputs.length;) {
    const first = inputs[start] as Omit<Observation, 'line'>
    let end = start
    while (end < inputs.length && inputs[end]?.finess === first.finess && inputs[end]?.level === first.level)
      end++
    const history = historyOf(
      inputs.slice(start, end) as Observation[],
      first.level === 'EG' && ehpad.has(first.finess),
    )
    structures++
    for (const month of months)
      for (const result of deriveForStructure(history, month, BATCH_OPTIONS)) {
        const indicatorId = ids.get(result.indicator)
        if (indicatorId === undefined)
          throw new Error(`derived indicator ${result.indicator} is not in the catalogue`)
        if (result.number === null && result.text === null) continue
        batch.push({
          period: month,
          indicatorId,
          level: first.level,
          finess: first.finess,
          number: result.number,
          text: result.text,
          numerator: result.numerator,
          denominator: result.denominator,
        })
      }
    if (batch.length >= BATCH_SIZE) await flush()
    start = end
  }
  if (batch.length > 0) await flush()
  return { from, to: latest, structures, values }
}
