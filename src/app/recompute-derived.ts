// Use case: recompute the derived indicators (rules engine) from a month on, after an import changed it.
// Runs inside the import's transaction, so the derived values always match the observations.
//
// An import only changes the history of the structures it (or the import it replaces) names, so only
// those are recomputed for the months already derived; months never derived before (the import brought a
// new latest month) are derived for every structure, since statuses carry on without a new value. The
// result is the same as a full recomputation (tested), at a fraction of its cost once history is long.
import { DERIVATION_INPUTS } from '../domain/observations/catalogue'
import { deriveForStructure, historyOf } from '../domain/observations/derive'
import type { Observation } from '../domain/observations/observation'
import { addMonths, periodRange, type Period } from '../domain/observations/period'
import type { Session, Store } from '../store/database'
import {
  copyDerived,
  deleteDerived,
  derivationInputs,
  ehpadSites,
  latestDerivedPeriod,
  latestObservationPeriod,
  type DerivationScope,
  type DerivedRow,
} from '../store/derived'
import { indicatorIds } from '../store/observations'
import { refreshDerivedCounts } from './status-counts'

const BATCH_SIZE = 50_000
/** One options object for the whole batch (the engine caches per object); explanations on demand only. */
const BATCH_OPTIONS = { explain: false } as const

export interface DerivedCounts {
  from: Period | null
  to: Period | null
  structures: number
  values: number
}

/**
 * Recomputes from `from` on. `scoped`: scopeDerivation was called earlier in this transaction (before the
 * replaced import's observations were deleted), and only its structures are recomputed for the months
 * already derived; otherwise every structure is.
 */
export async function recomputeDerived(
  session: Session,
  from: Period,
  ids: ReadonlyMap<string, number>,
  scoped = false,
): Promise<DerivedCounts> {
  const latest = await latestObservationPeriod(session.db)
  const derivedUntil = scoped ? await latestDerivedPeriod(session.db) : null
  // Derived months after the latest observation can no longer be right: none is kept.
  await deleteDerived(session, { from: latest === null ? from : addMonths(latest, 1), scope: 'all' })
  if (latest === null || latest < from) return { from: null, to: null, structures: 0, values: 0 }
  let counts: DerivedCounts = { from, to: latest, structures: 0, values: 0 }
  const add = (more: { structures: number; values: number }) => {
    counts = {
      ...counts,
      structures: counts.structures + more.structures,
      values: counts.values + more.values,
    }
  }
  const touchedUntil = derivedUntil === null || derivedUntil < from ? null : min(derivedUntil, latest)
  if (touchedUntil !== null) {
    await deleteDerived(session, { from, until: touchedUntil, scope: 'touched' })
    add(await derive(session, periodRange(from, touchedUntil), touchedUntil, ids, 'touched'))
  }
  const newFrom = touchedUntil === null ? from : addMonths(touchedUntil, 1)
  if (newFrom <= latest) {
    await deleteDerived(session, { from: newFrom, until: latest, scope: 'all' })
    add(await derive(session, periodRange(newFrom, latest), latest, ids, 'all'))
  }
  return counts
}

const min = (a: Period, b: Period): Period => (a < b ? a : b)

/**
 * Derives every structure from a month on, in one transaction: after a batch of history files imported
 * with `deriveLater`, the same derived values as if each file had derived its own (tested), reading the
 * history once instead of once per file.
 */
export async function recomputeAllDerived(store: Store, from: Period): Promise<DerivedCounts> {
  const ids = await indicatorIds(store.db)
  return store.transaction(async (session) => {
    const counts = await recomputeDerived(session, from, ids, false)
    // Analysed before the dashboards' counts read them: millions of values planned on an empty table's
    // statistics would be read through nested loops.
    await session.exec('analyze derived_observation')
    await refreshDerivedCounts(session, counts)
    return counts
  })
}

async function derive(
  session: Session,
  months: readonly Period[],
  until: Period,
  ids: ReadonlyMap<string, number>,
  scope: DerivationScope,
): Promise<{ structures: number; values: number }> {
  const inputs = await derivationInputs(session.db, DERIVATION_INPUTS, until, scope)
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
  return { structures, values }
}
