// One value per structure, indicator and month across the sheets of a workbook: the first one read is
// kept. The tracker repeats an EJ's MSSanté count on each of its sites, and two tabs may carry the same
// theme month when a title was not updated.
import type { Observation } from '../../domain/observations/observation'

export interface LedgerEntry {
  sheet: string
  line: number
  /** The value as stored, to show in a message. */
  shown: string
}

const keyOf = (o: Observation): string => [o.level, o.finess, o.indicator, o.period].join('\u0001')

export const shownValue = (o: Observation): string => o.number ?? o.text ?? ''

export class ObservationLedger {
  private readonly entries = new Map<string, LedgerEntry>()

  /** The earlier entry when this structure, indicator and month were already read; else records it. */
  claim(observation: Observation, sheet: string): LedgerEntry | null {
    const key = keyOf(observation)
    const earlier = this.entries.get(key)
    if (earlier) return earlier
    this.entries.set(key, { sheet, line: observation.line, shown: shownValue(observation) })
    return null
  }
}
