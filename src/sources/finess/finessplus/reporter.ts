// The issues of one object of a flow, and the field readers that report them: an issue names the object's
// line, the JSON path of the field and the FINESS it concerns once known.
import {
  finessKeyWarning,
  readDate,
  readFiness,
  readPaddedCode,
  type FieldReading,
} from '../../field-repairs'
import type { RowIssue } from '../../source-error'

/** Strings are padded with spaces in the source: trimmed, and empty means absent. */
export function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim()
  return trimmed ? trimmed : null
}

export class Reporter {
  finess: string | null = null
  constructor(
    private readonly issues: RowIssue[],
    readonly line: number,
    readonly path: string,
  ) {}

  add(severity: RowIssue['severity'], code: string, field: string, value: string | null, detail: string) {
    const path = `${this.path}.${field}`
    this.issues.push({
      line: this.line,
      severity,
      code,
      field: path,
      finess: this.finess,
      value,
      message: `${path} : ${detail}`,
    })
  }
  warn(code: string, field: string, value: string | null, detail: string) {
    this.add('warning', code, field, value, detail)
  }

  /** A FINESS number; null (rejected) when it cannot be read, since the object is then nobody's. */
  number(raw: string, field: string): string | null {
    const reading = readFiness(raw)
    if (!reading.ok) {
      this.add('rejected', 'finess-invalid', field, raw, reading.reason)
      return null
    }
    this.finess = reading.value
    if (reading.repaired) this.warn('finess-repaired', field, raw, reading.repaired)
    const keyWarning = finessKeyWarning(reading.value)
    if (keyWarning) this.warn('finess-key', field, raw, keyWarning)
    return reading.value
  }

  date(raw: string | null | undefined, field: string): string | null {
    return this.repaired(raw, field, 'date', readDate)
  }

  code(raw: string | null | undefined, field: string, length: number): string | null {
    return this.repaired(raw, field, 'code', (value) => readPaddedCode(value, length))
  }

  /** A value read by `read`: null when absent or unreadable (warned), repaired with a warning. */
  repaired(
    raw: string | null | undefined,
    field: string,
    kind: string,
    read: (value: string) => FieldReading<string | null>,
  ): string | null {
    const value = clean(raw)
    if (value === null) return null
    const reading = read(value)
    if (!reading.ok) {
      this.warn(`${kind}-invalid`, field, value, `${reading.reason} : valeur ignorée`)
      return null
    }
    if (reading.repaired) this.warn(`${kind}-repaired`, field, value, reading.repaired)
    return reading.value
  }

  /** A second object with a FINESS already read: the first is kept. */
  duplicate(field: string, finess: string, firstLine: number, same: boolean) {
    this.add(
      same ? 'warning' : 'rejected',
      same ? 'duplicate-identical' : 'duplicate-conflict',
      field,
      finess,
      same
        ? `FINESS ${finess} déjà lu ligne ${firstLine} avec le même contenu : doublon ignoré`
        : `FINESS ${finess} déjà lu ligne ${firstLine} avec un contenu différent : ignoré, la ligne ${firstLine} est conservée`,
    )
  }
}
