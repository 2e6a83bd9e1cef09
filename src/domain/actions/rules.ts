// The rules a follow-up action's values follow, as pure functions: texts cleaned of control characters,
// due dates that are real calendar days within Jalon's years, and what "late" means.
import { DUE_ON_MAX, DUE_ON_MIN, type ActionStatus } from './kinds'

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g

/**
 * A text as stored: control characters removed (they break exports), trimmed; line breaks kept only in
 * multi-line texts (notes), turned into spaces elsewhere. Empty becomes null.
 */
export function cleanActionText(raw: string, multiline: boolean): string | null {
  const text = (multiline ? raw.replace(/\r\n?/g, '\n') : raw.replace(/[\t\n\r]+/g, ' '))
    .replace(CONTROL, '')
    .trim()
  return text === '' ? null : text
}

/** Whether `text` is a day of the calendar written `AAAA-MM-JJ` (2024-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

/** Why a due date is refused, in French, or null when it is acceptable. */
export function dueOnProblem(text: string): string | null {
  if (!isCalendarDate(text)) return 'date attendue au format AAAA-MM-JJ (un jour qui existe)'
  if (text < DUE_ON_MIN) return 'date antérieure au 1er janvier 2020 : vérifiez l’année'
  if (text > DUE_ON_MAX) return 'date postérieure à 2100 : vérifiez l’année'
  return null
}

/** Late: still to do and its due date (`AAAA-MM-JJ`) is before `today` (same format, given by the caller). */
export function isOverdue(action: { status: ActionStatus; dueOn: string | null }, today: string): boolean {
  return action.status === 'a_faire' && action.dueOn !== null && action.dueOn < today
}
