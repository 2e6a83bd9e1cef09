// zod field builders whose error message is the French description of what the field accepts, and the
// translation of zod issues into one ProgrammeInputError naming the field, the value refused and the range.
import { z } from 'zod'
import { ProgrammeInputError } from './errors'
import { isIsoDate } from './mechanisms/calendar'
import { isPeriod } from './mechanisms/monthly-window'

// Convention: the `error` of every builder below is the allowed range, never a sentence about the failure;
// `toInputError` writes the failure from the issue code and the value received.

export const count = (allowed = 'un entier positif ou nul') =>
  z.int({ error: allowed }).min(0, { error: allowed })

export const nonNegative = (allowed = 'un nombre positif ou nul') =>
  z.number({ error: allowed }).min(0, { error: allowed })

export const percentage = (allowed = 'un pourcentage de 0 à 100') =>
  z.number({ error: allowed }).min(0, { error: allowed }).max(100, { error: allowed })

export const money = (allowed = 'un montant en euros positif ou nul, au centime près') =>
  nonNegative(allowed).refine(hasAtMostCents, { error: allowed })

/** Read through the number's shortest decimal form, as the exact engine reads it. */
function hasAtMostCents(value: number): boolean {
  const text = String(value)
  return /e/i.test(text) ? Number.isInteger(value) : (text.split('.')[1] ?? '').length <= 2
}

export const yesNo = (allowed = 'true ou false') => z.boolean({ error: allowed })

export const isoDate = (allowed = 'une date AAAA-MM-JJ') =>
  z.string({ error: allowed }).refine(isIsoDate, { error: allowed })

export const period = (allowed = 'un mois AAAA-MM') =>
  z.string({ error: allowed }).refine(isPeriod, { error: allowed })

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `l’une des valeurs ${values.join(', ')}` })

/** A strict object: an unknown key is refused with the list of the accepted ones. */
export const object = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `les champs ${Object.keys(shape).join(', ')}` : 'un objet JSON',
  })

/** A measured rate: a percentage, or its numerator and denominator (counts), kept as given. */
export const rateInput = () =>
  z.union(
    [
      percentage(),
      object({
        numerator: count(),
        denominator: count('un entier strictement positif').min(1, {
          error: 'un entier strictement positif',
        }),
      }).refine((fraction) => fraction.numerator <= fraction.denominator, {
        error: 'un numérateur au plus égal au dénominateur (taux de 100 % au plus)',
        path: ['numerator'],
      }),
    ],
    { error: 'un pourcentage de 0 à 100, ou { numerator, denominator }' },
  )

export type RateInput = z.infer<ReturnType<typeof rateInput>>

/** Parses `input` or throws a ProgrammeInputError listing every problem, the first one in front. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input, { reportInput: true })
  if (result.success) return result.data
  const errors = result.error.issues.flatMap((issue) => toInputErrors(issue, []))
  const [first, ...others] = errors
  if (!first) throw new ProgrammeInputError('(entrée)', 'un objet JSON', 'entrée refusée')
  throw new ProgrammeInputError(first.field, first.allowed, first.reason, others)
}

interface Issue {
  code: string
  path: PropertyKey[]
  message: string
  input?: unknown
  keys?: string[]
  errors?: Issue[][]
}

function toInputErrors(issue: Issue, prefix: PropertyKey[]): ProgrammeInputError[] {
  const path = [...prefix, ...issue.path]
  if (issue.code === 'invalid_union' && issue.errors) {
    // The branch that got past the type check is the one the caller meant (an object with a bad field).
    const meant = issue.errors.find(
      (branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0),
    )
    if (meant) return meant.flatMap((i) => toInputErrors(i, path))
  }
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return issue.keys.map(
      (key) => new ProgrammeInputError(fieldName([...path, key]), issue.message, 'champ inconnu'),
    )
  }
  return [new ProgrammeInputError(fieldName(path), issue.message, reason(issue))]
}

function reason(issue: Issue): string {
  if (issue.input === undefined) return 'valeur manquante'
  const shown = typeof issue.input === 'string' ? `« ${issue.input} »` : JSON.stringify(issue.input)
  return `valeur ${shown ?? String(issue.input)} refusée`
}

function fieldName(path: PropertyKey[]): string {
  return path.length === 0 ? '(entrée)' : path.map(String).join('.')
}

/** Errors found by the rules themselves (a window not in the data, a date outside every window). */
export function inputError(field: string, allowed: string, reason: string): ProgrammeInputError {
  return new ProgrammeInputError(field, allowed, reason)
}
