// A CRM's upsert: PUT /api/actions/external/:source/:externalId creates the action the first time and
// replaces it afterwards, so that the CRM can send its whole state again without making duplicates.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { upsertExternalAction } from '../../app/action-upsert'
import { externalActionInput, externalKey, followUpAction } from '../../domain/contract/actions'
import type { Store } from '../../store/database'
import { userOf } from '../auth'
import { ACTION_TAGS, failures } from './action-schemas'

export function registerActionExternalRoutes(app: FastifyInstance, store: Store): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.put(
    '/api/actions/external/:source/:externalId',
    {
      schema: {
        summary: 'Créer ou remplacer une action de suivi sous l’identifiant d’un CRM',
        description:
          '`source` nomme le CRM (lettres, chiffres, « . », « _ », « - » : par exemple `crm-ars-bretagne`) et ' +
          '`externalId` est son identifiant de l’action (120 caractères au plus). Le corps est l’action ' +
          'entière, `finess` compris ; un champ facultatif absent est effacé, sauf `ownerId` (absent : ' +
          'l’auteur à la création, inchangé ensuite). Réponse 201 à la création, 200 ensuite ; le même corps ' +
          'envoyé deux fois ne change rien et n’écrit rien au journal. Une action ne change pas ' +
          'd’établissement (409). Mêmes droits que la création.',
        tags: ACTION_TAGS,
        params: externalKey,
        body: externalActionInput,
        response: { 200: followUpAction, 201: followUpAction, ...failures },
      },
    },
    async (request, reply) => {
      const { action, created } = await upsertExternalAction(
        store,
        userOf(request),
        request.params,
        request.body,
      )
      return reply.code(created ? 201 : 200).send(action)
    },
  )
}
