// GET /api/grid: the tracking grid at a follow-up point, within the user's scopes.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { gridPage } from '../../app/grid'
import { gridAverages } from '../../app/grid-averages'
import {
  averagesQuery,
  gridAverages as gridAveragesSchema,
  gridPage as gridPageSchema,
  gridQuery,
} from '../../domain/contract/grid'
import type { Store } from '../../store/database'
import { userOf } from '../auth'

const error = z.object({ error: z.string() })

export function registerGridRoutes(app: FastifyInstance, store: Store): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.get(
    '/api/grid',
    {
      schema: {
        summary:
          'La grille de suivi à un point de suivi : une ligne par établissement, les colonnes demandées',
        description:
          'Filtres du référentiel (région, département, secteur, catégorie, EJ, GHT, texte), filtres sur ' +
          'les indicateurs (`where=insi.appels:lt:100`, `where=suivi.meteo:eq:alerte`), tri sur toute ' +
          'colonne, pagination ; `compare=true` ajoute les valeurs du point de suivi précédent.',
        tags: ['Suivi'],
        querystring: gridQuery,
        response: { 200: gridPageSchema, 400: error },
      },
    },
    async (request) => gridPage(store, userOf(request), request.query),
  )
  api.get(
    '/api/grid/averages',
    {
      schema: {
        summary: 'Moyennes nationale et régionale des colonnes quantitatives à un point de suivi',
        description:
          'Chaque structure compte une fois, au niveau où elle est déclarée (une EJ pour MSSanté) ; un taux ' +
          'est le rapport des numérateurs et dénominateurs cumulés quand la source les donne.',
        tags: ['Suivi'],
        querystring: averagesQuery,
        response: { 200: gridAveragesSchema, 400: error },
      },
    },
    async (request) => gridAverages(store, userOf(request), request.query),
  )
}
