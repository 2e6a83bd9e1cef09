// Reconciling a source file's FINESS numbers with the referential: a number is looked up at the level the
// source declares first, then at the other levels (a file that says "EG" but gives an EJ is still usable).
import type { FinessLevel } from '../domain/observations/observation'
import type { FinessResolver } from '../sources/monthly/interpret'
import type { KnownFiness } from '../store/reconcile'

export function finessResolver(known: KnownFiness): FinessResolver {
  const maps: Record<FinessLevel, Map<string, string | null>> = {
    EG: known.sites,
    EJ: known.legalEntities,
    PMSI: known.pmsi,
  }
  const order: Record<FinessLevel, FinessLevel[]> = {
    EG: ['EG', 'EJ', 'PMSI'],
    EJ: ['EJ', 'PMSI', 'EG'],
    PMSI: ['PMSI', 'EJ', 'EG'],
  }
  return (finess, declared) => {
    for (const level of order[declared]) {
      const closedOn = maps[level].get(finess)
      if (closedOn !== undefined) return { status: 'known', level, closedOn }
    }
    return { status: 'unknown' }
  }
}
