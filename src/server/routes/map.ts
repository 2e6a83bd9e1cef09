// GET /api/map: one grid indicator per département or région at a follow-up point, within the user's scopes.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { mapFigures } from '../../app/map'
import { mapAnswer, mapQuery } from '../../domain/contract/map'
import type { Store } from '../../store/database'
import { userOf } from '../auth'
import { failure as error } from './failure'

export function registerMapRoutes(app: FastifyInstance, store: Store): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/map',
    {
      schema: {
        summary: 'Carte d’un indicateur de la grille par département ou par région',
        description:
          'Dans le périmètre de l’utilisateur et les filtres du référentiel (région, secteur, catégorie), ' +
          'pour chaque département (`level=departement`) ou région (`level=region`) : les établissements ' +
          'affichés et, pour une colonne à statuts, combien ont le statut demandé (`status`, par défaut le ' +
          'plus avancé) et leur part — le total de la grille filtrée sur la zone et ' +
          '`where=INDICATEUR:eq:STATUT` ; pour une colonne chiffrée, la moyenne de la zone calculée comme ' +
          'celle du pied de la grille.',
        tags: ['Suivi'],
        querystring: mapQuery,
        response: { 200: mapAnswer, 400: error },
      },
    },
    async (request) => mapFigures(store, userOf(request), request.query),
  )
}
