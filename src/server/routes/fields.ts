// GET and PUT /api/structures/:finess/fields: the fields people type (météo, comments, declarations), each
// written only by its owner within the user's scope.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { setField, structureFields } from '../../app/fields'
import {
  fieldValue,
  fieldWrite,
  periodParam,
  structureFields as fieldsSchema,
} from '../../domain/contract/access'
import { finessParam } from '../../domain/contract/structures'
import type { Store } from '../../store/database'
import { userOf } from '../auth'
import { readableStructure } from '../structure-access'
import { failure as error } from './failure'

function currentMonth(now: Date): string {
  return now.toISOString().slice(0, 7)
}

export function registerFieldRoutes(app: FastifyInstance, store: Store): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.get(
    '/api/structures/:finess/fields',
    {
      schema: {
        summary:
          'Les champs saisis d’un établissement (météo, commentaires, déclarations) à un mois de suivi',
        description:
          'Une valeur vaut de son mois jusqu’à ce qu’une saisie plus récente la remplace ; `editable` et ' +
          '`refusal` disent si l’utilisateur peut la modifier.',
        tags: ['Suivi'],
        params: z.object({ finess: finessParam }),
        querystring: z.object({ period: periodParam.optional() }),
        response: { 200: fieldsSchema, 403: error, 404: error },
      },
    },
    async (request) => {
      const place = await readableStructure(request, store, request.params.finess)
      return structureFields(store, userOf(request), place, request.query.period ?? currentMonth(new Date()))
    },
  )
  api.put(
    '/api/structures/:finess/fields/:field',
    {
      schema: {
        summary: 'Saisir un champ pour un mois de suivi (réservé à son propriétaire, journalisé)',
        tags: ['Suivi'],
        params: z.object({ finess: finessParam, field: z.string().min(1).max(64) }),
        body: fieldWrite,
        response: { 200: fieldValue, 400: error, 403: error, 404: error },
      },
    },
    async (request) => {
      const place = await readableStructure(request, store, request.params.finess)
      const user = userOf(request)
      return setField(store, user, place, {
        field: request.params.field,
        period: request.body.period,
        value: request.body.value,
      })
    },
  )
}
