// The journal line of a FINESS import (Etalab extract or FiNESS+ flow), written in the import's transaction.
import { insertAuditEvents } from '../store/audit'
import type { Session } from '../store/database'
import type { Actor } from './access/actor'

/** Imports started before accounts existed, or by code that does not say who runs it. */
export const UNNAMED_ACTOR: Actor = { id: null, label: 'non renseigné' }

export async function journalFinessImport(
  session: Session,
  actor: Actor | undefined,
  entry: { importId: number; fileName: string; format: string; counts: unknown },
): Promise<void> {
  const who = actor ?? UNNAMED_ACTOR
  await insertAuditEvents(session, [
    {
      actorId: who.id,
      actorLabel: who.label,
      action: 'finess.import',
      entityKind: 'finess_import',
      entityId: String(entry.importId),
      after: { file: entry.fileName, format: entry.format, counts: entry.counts },
    },
  ])
}
