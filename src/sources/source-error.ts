// What a source parser reports: a whole-file refusal, or row-level issues with their line.

/** A file that cannot be imported at all. The message names the file and, when it can, the line. */
export class SourceFileError extends Error {
  readonly fileName: string
  readonly line: number | null
  readonly reason: string

  constructor(fileName: string, reason: string, line: number | null = null) {
    super(`${fileName}${line === null ? '' : `, ligne ${line}`} : ${reason}`)
    this.name = 'SourceFileError'
    this.fileName = fileName
    this.line = line
    this.reason = reason
  }
}

/** `rejected`: the row is skipped. `warning`: the row is kept, possibly repaired, and the repair is said. */
export type IssueSeverity = 'rejected' | 'warning'

export interface RowIssue {
  line: number
  severity: IssueSeverity
  /** Stable machine code, e.g. `finess-repaired`, `too-few-fields`. */
  code: string
  /** The layout field concerned, when there is one. */
  field: string | null
  finess: string | null
  value: string | null
  /** French, for the user. */
  message: string
}

/** Issues sorted by line then severity, as a user reads a report. */
export function sortIssues(issues: RowIssue[]): RowIssue[] {
  return issues.sort(
    (a, b) => a.line - b.line || (a.severity === b.severity ? 0 : a.severity === 'rejected' ? -1 : 1),
  )
}
