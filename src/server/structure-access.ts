// The check every per-structure route makes first: the site exists (404) and the user may read it (403).
import type { FastifyRequest } from 'fastify'
import { structurePlace } from '../app/structures'
import { canReadStructure } from '../domain/access/permissions'
import type { StructurePlace } from '../domain/access/scope'
import type { Store } from '../store/database'
import { demand, HttpError, userOf } from './auth'

export async function readableStructure(
  request: FastifyRequest,
  store: Store,
  finess: string,
): Promise<StructurePlace> {
  const place = await structurePlace(store, finess)
  if (!place) throw new HttpError(404, `Aucun établissement ${finess}`)
  demand(
    request,
    canReadStructure(userOf(request), place),
    `L’établissement ${finess} est hors de votre périmètre.`,
  )
  return place
}
