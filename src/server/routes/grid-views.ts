// Saved views of the tracking grid over HTTP: GET and POST /api/grid/views, PUT and DELETE
// /api/grid/views/:id. Who sees and changes what is decided by app/grid-views.ts on the domain's rules.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { changeGridView, createGridView, deleteGridView, listGridViews } from '../../app/grid-views'
import {
  gridView,
  gridViewChanges,
  gridViewId,
  gridViewInput,
  gridViewList,
} from '../../domain/contract/grid-views'
import type { Store } from '../../store/database'
import { userOf } from '../auth'
import { failure, failures } from './failure'

const tags = ['Suivi']
const QUERY_HELP =
  '`query` est la requête de la page /suivi (ex. `departement=29&category=500&where=suivi.meteo:eq:alerte`), ' +
  'vérifiée comme celle de GET /api/grid (sans `offset` ni `limit`) et enregistrée dans un ordre canonique ; ' +
  'sans `period`, la vue s’ouvre sur le mois en cours.'

export function registerGridViewRoutes(app: FastifyInstance, store: Store): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.get(
    '/api/grid/views',
    {
      schema: {
        summary:
          'Les vues enregistrées de la grille de suivi : les miennes et celles partagées avec ma région',
        description:
          'Une vue personnelle n’est visible que de son auteur ; une vue partagée avec une région l’est de ' +
          'tout utilisateur dont le périmètre est dans cette région (ou la couvre) et des rôles nationaux. ' +
          '`shareRegions` liste les régions avec lesquelles l’utilisateur peut partager une vue.',
        tags,
        response: { 200: gridViewList, 401: failure },
      },
    },
    async (request) => listGridViews(store, userOf(request)),
  )
  api.post(
    '/api/grid/views',
    {
      schema: {
        summary: 'Enregistrer une vue de la grille de suivi, personnelle ou partagée avec une région',
        description:
          `${QUERY_HELP} Partager (\`region\`) est réservé aux contributeurs régionaux de cette région et ` +
          'aux rôles nationaux. Un nom (1 à 80 caractères) ne sert qu’une fois par auteur. Journalisé.',
        tags,
        body: gridViewInput,
        response: { 201: gridView, ...failures },
      },
    },
    async (request, reply) => {
      const view = await createGridView(store, userOf(request), request.body)
      return reply.code(201).send(view)
    },
  )
  api.put(
    '/api/grid/views/:id',
    {
      schema: {
        summary: 'Renommer une vue, changer sa requête ou son partage',
        description:
          `${QUERY_HELP} Réservé à l’auteur de la vue, ou à un rôle national pour une vue partagée ; ` +
          '`region: null` la rend personnelle. Journalisé.',
        tags,
        params: gridViewId,
        body: gridViewChanges,
        response: { 200: gridView, ...failures },
      },
    },
    async (request) => changeGridView(store, userOf(request), request.params.id, request.body),
  )
  api.delete(
    '/api/grid/views/:id',
    {
      schema: {
        summary: 'Supprimer une vue enregistrée',
        description: 'Réservé à l’auteur de la vue, ou à un rôle national pour une vue partagée. Journalisé.',
        tags,
        params: gridViewId,
        response: { 204: z.null(), ...failures },
      },
    },
    async (request, reply) => {
      await deleteGridView(store, userOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}
