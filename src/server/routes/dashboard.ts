// GET /api/dashboard: the dashboard of a région or of the nation at a follow-up point, within the user's
// scopes; GET /api/dashboard/programmes: its programme views (loaded apart: the engine's forecasts take longer).
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { dashboard } from '../../app/dashboard'
import { programmeViews } from '../../app/dashboard-programmes'
import { programmeViews as programmeViewsSchema } from '../../domain/contract/dashboard-programmes'
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
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/dashboard/programmes',
    {
      schema: {
        summary: 'Programmes de financement d’une région ou de la nation à un point de suivi',
        description:
          'Dans le périmètre de l’utilisateur et les mêmes filtres que le tableau de bord : candidats SUN-ES, ' +
          'fenêtres de mesure avec les domaines atteints, atteinte de chaque objectif (SUN-ES, HOPEN 2, IFAQ ; ' +
          'les mêmes chiffres que la grille filtrée sur `derive.…atteint`), montants engagés (ESMS numérique, ' +
          'chaque montant une fois à son niveau) et prévisions du moteur de règles (SUN-ES, HOPEN 2) avec ' +
          'leur explication ; un montant que le moteur ne peut calculer est compté « indéterminé ».',
        tags: ['Suivi'],
        querystring: dashboardQuery,
        response: { 200: programmeViewsSchema, 400: error },
      },
    },
    async (request) => programmeViews(store, userOf(request), request.query),
  )
}
