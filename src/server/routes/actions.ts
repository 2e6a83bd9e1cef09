// Follow-up actions over HTTP: an establishment's log (GET, POST /api/structures/:finess/actions) and one
// action (GET, PUT, DELETE /api/actions/:id); the list, its CSV and the CRM's upsert are registered from
// action-list.ts and action-external.ts. Permissions: src/domain/access/action-permissions.ts.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { changeAction, createAction, deleteAction } from '../../app/action-writes'
import { readAction, structureActions } from '../../app/actions'
import {
  actionChanges,
  actionFiness,
  actionId,
  actionInput,
  followUpAction,
  structureActions as structureActionsSchema,
} from '../../domain/contract/actions'
import type { Store } from '../../store/database'
import { userOf } from '../auth'
import { readableStructure } from '../structure-access'
import { registerActionExternalRoutes } from './action-external'
import { ACTION_TAGS, failures } from './action-schemas'
import { registerActionListRoutes } from './action-list'

const FIELDS_HELP =
  '`kind` parmi contact, reunion, relance, visite, autre ; `status` parmi a_faire (par défaut), fait, ' +
  'abandonne ; `theme` (facultatif) parmi segur, sih, insi, dmp, mssante, programmes, esms ; `dueOn` au ' +
  'format AAAA-MM-JJ, à partir du 1er janvier 2020 ; `subject` (200 caractères au plus), `nextStep` (500), ' +
  '`notes` (4 000). `ownerId` : le compte responsable (par défaut, l’auteur), qui doit pouvoir écrire les ' +
  'actions de cet établissement. Un champ inconnu est refusé (400, champ nommé).'

export function registerActionRoutes(app: FastifyInstance, store: Store): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.get(
    '/api/structures/:finess/actions',
    {
      schema: {
        summary: 'Les actions de suivi d’un établissement',
        description:
          'Contacts, réunions, relances et visites, celles à faire d’abord (par échéance). Lisibles par ' +
          'quiconque lit l’établissement ; `canWrite` dit si l’utilisateur peut en ajouter, `owners` qui ' +
          'peut en être chargé.',
        tags: ACTION_TAGS,
        params: actionFiness,
        response: { 200: structureActionsSchema, ...failures },
      },
    },
    async (request) => {
      const place = await readableStructure(request, store, request.params.finess)
      return structureActions(store, userOf(request), place)
    },
  )
  api.post(
    '/api/structures/:finess/actions',
    {
      schema: {
        summary: 'Ajouter une action de suivi à un établissement',
        description: `Contributeurs régionaux dans leur périmètre, contributeurs nationaux, administrateur. ${FIELDS_HELP} Journalisé.`,
        tags: ACTION_TAGS,
        params: actionFiness,
        body: actionInput,
        response: { 201: followUpAction, ...failures },
      },
    },
    async (request, reply) => {
      const place = await readableStructure(request, store, request.params.finess)
      return reply.code(201).send(await createAction(store, userOf(request), place, request.body))
    },
  )
  api.get(
    '/api/actions/:id',
    {
      schema: {
        summary: 'Une action de suivi',
        description:
          'Une action hors du périmètre de l’utilisateur répond 404, comme une action inexistante.',
        tags: ACTION_TAGS,
        params: actionId,
        response: { 200: followUpAction, ...failures },
      },
    },
    async (request) => readAction(store, userOf(request), request.params.id),
  )
  api.put(
    '/api/actions/:id',
    {
      schema: {
        summary: 'Modifier une action de suivi (par exemple la marquer faite)',
        description: `Seuls les champs envoyés changent ; \`null\` efface un champ facultatif. ${FIELDS_HELP} Journalisé.`,
        tags: ACTION_TAGS,
        params: actionId,
        body: actionChanges,
        response: { 200: followUpAction, ...failures },
      },
    },
    async (request) => changeAction(store, userOf(request), request.params.id, request.body),
  )
  api.delete(
    '/api/actions/:id',
    {
      schema: {
        summary: 'Supprimer une action de suivi',
        description: 'Mêmes droits que pour la modifier. Journalisé (l’action supprimée reste au journal).',
        tags: ACTION_TAGS,
        params: actionId,
        response: { 204: z.null(), ...failures },
      },
    },
    async (request, reply) => {
      await deleteAction(store, userOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
  registerActionListRoutes(app, store)
  registerActionExternalRoutes(app, store)
}
