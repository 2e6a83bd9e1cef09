// One tracker cell read by its column's kind, with the cell readers of the monthly sources.
import {
  fold,
  looksLikeFormula,
  readBoolean,
  readCount,
  readRate,
  readText,
  type CellReading,
} from '../monthly/cell-values'
import type { CellKind } from './fields'
import { looseSpelling, readTrackerStatus } from './vocabulary'

export interface CellValue {
  number: string | null
  text: string | null
}

export type TrackerCellReading = { ok: true; value: CellValue } | { ok: false; code: string; reason: string }

const asNumber = (reading: CellReading<string>): TrackerCellReading =>
  reading.ok
    ? { ok: true, value: { number: reading.value, text: null } }
    : { ok: false, code: 'invalid-value', reason: reading.reason }

const asText = (reading: CellReading<string>): TrackerCellReading =>
  reading.ok
    ? { ok: true, value: { number: null, text: reading.value } }
    : { ok: false, code: 'invalid-value', reason: reading.reason }

/** `raw` is trimmed and not a "no value" word (the caller checked `isMissing`). */
export function readTrackerCell(raw: string, cell: CellKind): TrackerCellReading {
  switch (cell.kind) {
    case 'boolean':
      return asText(readBoolean(raw))
    case 'marker': {
      // The pilot column repeats its header in the cell ("ES Pilote MES") for a pilot site.
      if (looseSpelling(raw) === looseSpelling(cell.marker) || fold(raw) === 'pilote')
        return { ok: true, value: { number: null, text: 'oui' } }
      const reading = readBoolean(raw)
      return reading.ok
        ? asText(reading)
        : {
            ok: false,
            code: 'invalid-value',
            reason: `« ${raw} » n'est ni « ${cell.marker} », ni Oui, ni Non`,
          }
    }
    case 'status':
      return asText(readTrackerStatus(raw, cell.vocabulary))
    case 'text': {
      const reading = readText(raw)
      if (!reading.ok && looksLikeFormula(raw))
        return { ok: false, code: 'formula-refused', reason: reading.reason }
      return asText(reading)
    }
    case 'count':
      return asNumber(readCount(raw))
    case 'rate':
      return asNumber(readRate(raw, 'percent'))
  }
}
