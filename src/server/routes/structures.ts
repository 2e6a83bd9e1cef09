// GET /api/structures and GET /api/structures/:finess
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { getStructure, searchStructures } from '../../app/structures'
import {
  finessParam,
  structureDetail,
  structureListQuery,
  structurePage,
} from '../../domain/contract/structures'
import { seesAllFrance } from '../../domain/access/permissions'
import type { Store } from '../../store/database'
import { userOf } from '../auth'
import { readableStructure } from '../structure-access'
import { failure as notFound } from './failure'

export function registerStructureRoutes(app: FastifyInstance, store: Store): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.get(
    '/api/structures',
    {
      schema: {
        summary: 'Rechercher des établissements',
        description: 'Filtres combinables, tri et pagination. Par défaut, les établissements ouverts.',
        tags: ['Référentiel'],
        querystring: structureListQuery,
        response: { 200: structurePage },
      },
    },
    async (request) => {
      const user = userOf(request)
      return searchStructures(store, request.query, seesAllFrance(user) ? null : user.scopes)
    },
  )
  api.get(
    '/api/structures/:finess',
    {
      schema: {
        summary: 'Un établissement, son entité juridique, ses sites voisins et son historique',
        tags: ['Référentiel'],
        params: z.object({ finess: finessParam }),
        response: { 200: structureDetail, 403: notFound, 404: notFound },
      },
    },
    async (request, reply) => {
      await readableStructure(request, store, request.params.finess)
      const detail = await getStructure(store, request.params.finess)
      if (!detail) return reply.code(404).send({ error: `Aucun établissement ${request.params.finess}` })
      return detail
    },
  )
}
