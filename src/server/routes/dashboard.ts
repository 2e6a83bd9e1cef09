// GET /api/dashboard: the dashboard of a région or of the nation at a follow-up point, within the user's
// scopes.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { dashboard } from '../../app/dashboard'
import { dashboard as dashboardSchema, dashboardQuery } from '../../domain/contract/dashboard'
import type { Store } from '../../store/database'
import { userOf } from '../auth'
import { failure as error } from './failure'

export function registerDashboardRoutes(app: FastifyInstance, store: Store): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/dashboard',
    {
      schema: {
        summary: 'Tableau de bord d’une région ou de la nation à un point de suivi',
        description:
          'Dans le périmètre de l’utilisateur et les filtres du référentiel (région, département, secteur, ' +
          'catégorie) : les établissements par statut de chaque colonne à statuts de la grille (les mêmes ' +
          'chiffres que la grille pour les mêmes filtres), l’évolution sur les derniers points de suivi des ' +
          'appels INSi, documents DMP, messages MSSanté, commandes et VA Ségur, et les tableaux du bilan INSi ' +
          '(dix premiers établissements, sites ayant démarré l’INS par catégorie).',
        tags: ['Suivi'],
        querystring: dashboardQuery,
        response: { 200: dashboardSchema, 400: error },
      },
    },
    async (request) => dashboard(store, userOf(request), request.query),
  )
}
