// The one error the engine throws on bad input: French message naming the field and what it accepts, so
// the CLI can print it as is and the HTTP layer can answer 400 with the same text.

export class ProgrammeInputError extends Error {
  override readonly name = 'ProgrammeInputError'

  constructor(
    /** Path of the offending field in the input (`activity`, `rates.ldl`, `members.0.objectives.1.amount`). */
    readonly field: string,
    /** What the field accepts, in French (`un nombre positif ou nul`, `1, 2, 3 ou 4`). */
    readonly allowed: string,
    /** What went wrong, in French, without the field name. */
    readonly reason: string,
    /** Further problems found in the same input, when the schema reports several. */
    readonly others: readonly ProgrammeInputError[] = [],
  ) {
    super([`« ${field} » : ${reason} — attendu : ${allowed}.`, ...others.map((e) => e.message)].join('\n'))
  }

  toJSON(): { error: string; field: string; allowed: string; reason: string } {
    return { error: this.message, field: this.field, allowed: this.allowed, reason: this.reason }
  }
}

export function isProgrammeInputError(error: unknown): error is ProgrammeInputError {
  return error instanceof ProgrammeInputError
}
