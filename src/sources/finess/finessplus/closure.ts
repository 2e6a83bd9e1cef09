// When a legal entity or a site of a flow is closed: a FiNESS+ flow says so explicitly, object by object.
import { readDate } from '../../field-repairs'
import { clean, type Reporter } from './reporter'
import type { Event } from './schema'

/** The latest event date: when an inactive object has no closing date, its closure is its last event. */
function lastEventDate(events: readonly Event[] | null | undefined): string | null {
  let last: string | null = null
  for (const e of events ?? []) {
    const date = clean(e.dateEvenement)?.slice(0, 10) ?? ''
    if (readDate(date).ok && (last === null || date > last)) last = date
  }
  return last
}

/**
 * When an entity or a site is closed. `etatObjet` says whether (A active; I inactive and F closed both mean
 * closed), `dateFermeture` says when; an inactive object without it is closed at its last event, and
 * without any event at the date of the flow. An active object with a closing date stays open (warned): the
 * state is what FiNESS+ maintains, a date may be planned. An object without a state is closed if it has a
 * closing date.
 */
export function closure(
  report: Reporter,
  state: string | null,
  closingDate: string | null,
  events: readonly Event[] | null | undefined,
  flowDate: string,
): string | null {
  if (state === 'A') {
    if (closingDate)
      report.warn(
        'closure-ignored',
        'etatObjet',
        state,
        `actif (A) mais avec une dateFermeture ${closingDate} : l'état fait foi, reste ouvert`,
      )
    return null
  }
  if (state === 'I' || state === 'F') {
    if (closingDate) return closingDate
    const last = lastEventDate(events)
    report.warn(
      'closure-date-missing',
      'etatObjet',
      state,
      last
        ? `fermé (${state}) sans dateFermeture : fermé à la date de son dernier événement, ${last}`
        : `fermé (${state}) sans dateFermeture ni événement daté : fermé à la date du flux, ${flowDate}`,
    )
    return last ?? flowDate
  }
  if (state !== null)
    report.warn(
      'state-unknown',
      'etatObjet',
      state,
      `état « ${state} » inconnu (attendu A, I ou F) : ${closingDate ? 'fermé à sa dateFermeture' : 'considéré ouvert'}`,
    )
  return closingDate
}
