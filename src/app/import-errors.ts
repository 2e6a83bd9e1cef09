// Errors of an import that refuses a whole file after reading it.
import type { RowIssue } from '../sources/source-error'

/** Strict mode, or nothing usable: the file has rejected rows, so nothing was imported. */
export class ImportRefusedError extends Error {
  readonly issues: RowIssue[]
  constructor(fileName: string, issues: RowIssue[], reason = 'fichier refusé en mode strict') {
    const rejected = issues.filter((i) => i.severity === 'rejected')
    const shown = rejected
      .slice(0, 5)
      .map((i) => `ligne ${i.line} : ${i.message}`)
      .join(' ; ')
    super(
      `${fileName} : ${reason}, ${rejected.length} ligne(s) rejetée(s) (${shown}${rejected.length > 5 ? ' ; …' : ''}). Rien n'a été importé.`,
    )
    this.name = 'ImportRefusedError'
    this.issues = issues
  }
}
