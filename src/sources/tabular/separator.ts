// Which separator a CSV file uses, told from its first records: the one that splits them, outside quotes,
// into the same number of columns (more than one) most often.

export const SEPARATORS = [';', ',', '\t', '|'] as const
export type Separator = (typeof SEPARATORS)[number]

const SAMPLE_CHARS = 65536
const SAMPLE_RECORDS = 50

/**
 * Field counts of the sample's records for one separator. A quote opens a quoted field only at the start of
 * a field (elsewhere it is text, as csv-parse reads it with `relax_quotes`); blank lines are left out, and
 * so is a last record that the sample may have cut.
 */
export function fieldCounts(sample: string, separator: string, complete: boolean): number[] {
  const counts: number[] = []
  let fields = 1
  let fieldStart = true
  let quoted = false
  let blank = true
  for (let i = 0; i < sample.length && counts.length < SAMPLE_RECORDS; i++) {
    const c = sample[i]
    if (quoted) {
      if (c === '"') {
        if (sample[i + 1] === '"') i++
        else quoted = false
      }
      continue
    }
    if (c === '\n' || c === '\r') {
      if (!blank) counts.push(fields)
      fields = 1
      fieldStart = true
      blank = true
      continue
    }
    blank = false
    if (c === separator) {
      fields++
      fieldStart = true
    } else {
      if (c === '"' && fieldStart) quoted = true
      fieldStart = false
    }
  }
  if (complete && !quoted && !blank && counts.length < SAMPLE_RECORDS) counts.push(fields)
  return counts
}

interface Candidate {
  separator: Separator
  /** Share of the records that have the most frequent column count. */
  agreement: number
  columns: number
}

function candidate(separator: Separator, counts: number[]): Candidate | null {
  const frequency = new Map<number, number>()
  for (const count of counts) if (count > 1) frequency.set(count, (frequency.get(count) ?? 0) + 1)
  let best: Candidate | null = null
  for (const [columns, times] of frequency) {
    const agreement = times / counts.length
    if (!best || agreement > best.agreement || (agreement === best.agreement && columns > best.columns))
      best = { separator, agreement, columns }
  }
  return best
}

/**
 * The separator of a CSV text. A title line above the header or a short last line do not matter: what
 * counts is the column count most records share. Ties go to the first of `; , tab |`, the semicolon being
 * what French spreadsheets write; a one-column file gets the semicolon too, which is harmless.
 */
export function detectSeparator(text: string): Separator {
  const sample = text.slice(0, SAMPLE_CHARS)
  const complete = sample.length === text.length
  let best: Candidate | null = null
  for (const separator of SEPARATORS) {
    const found = candidate(separator, fieldCounts(sample, separator, complete))
    if (found && (!best || found.agreement > best.agreement)) best = found
  }
  return best?.separator ?? ';'
}
