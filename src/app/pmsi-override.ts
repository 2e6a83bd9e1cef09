// Use case: a person sets (or clears) the FINESS PMSI of a site where the rule of RULES §1 does not fit,
// for instance a private psychiatric group reporting its activity under one number. Logged with who and why.
import { isFinessShape, normalizeFiness } from '../domain/finess'
import { insertAuditEvents } from '../store/audit'
import type { Store } from '../store/database'
import type { Actor } from './access/actor'
import { refreshMonthlyTotals } from '../store/monthly-totals'
import { refreshStatusCounts } from './status-counts'
import { savePmsiOverride } from '../store/sites'
import { footprintOf } from '../store/status-counts'

export class PmsiOverrideError extends Error {}

export async function overridePmsi(
  store: Store,
  request: { finessEg: string; pmsi: string | null; actor: Actor; note: string },
): Promise<{ before: string | null; after: string | null }> {
  const after = request.pmsi === null ? null : normalizeFiness(request.pmsi)
  if (after !== null && !isFinessShape(after)) {
    throw new PmsiOverrideError(`« ${request.pmsi} » n'est pas un numéro FINESS (9 caractères)`)
  }
  if (request.note.trim().length < 3) {
    throw new PmsiOverrideError(
      'indiquez la raison de la saisie (--reason), elle est gardée dans l’historique',
    )
  }
  const result = await store.transaction(async (session) => {
    const saved = await savePmsiOverride(session, {
      finessEg: request.finessEg,
      value: after,
      actor: request.actor.label,
      note: request.note.trim(),
    })
    // The counts reported at FINESS PMSI level now add up in other places; the others do not move.
    if (saved) await refreshMonthlyTotals(session, { months: 'all', level: 'PMSI' })
    // The site now reads other values at PMSI level: its footprint's counts move, no other.
    const footprint = saved ? await footprintOf(session.db, request.finessEg) : undefined
    if (footprint) await refreshStatusCounts(session, { months: 'all', footprint })
    if (saved)
      await insertAuditEvents(session, [
        {
          actorId: request.actor.id,
          actorLabel: request.actor.label,
          action: 'pmsi.override',
          entityKind: 'site',
          entityId: request.finessEg,
          finess: request.finessEg,
          field: 'finess_pmsi',
          before: saved.before,
          after: { value: after, note: request.note.trim() },
        },
      ])
    return saved
  })
  if (!result) throw new PmsiOverrideError(`aucun établissement ${request.finessEg} dans le référentiel`)
  return { before: result.before, after }
}
