// GET /api/grid: the tracking grid at a follow-up point, within the user's scopes.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { gridPage } from '../../app/grid'
import { gridAverages } from '../../app/grid-averages'
import { gridPeriods } from '../../app/grid-periods'
import { gridCsv } from '../../app/grid-csv'
import { gridWorkbook } from '../../app/grid-xlsx'
import {
  averagesQuery,
  gridAverages as gridAveragesSchema,
  gridPage as gridPageSchema,
  gridQuery,
} from '../../domain/contract/grid'
import { gridPeriods as gridPeriodsSchema } from '../../domain/contract/grid-periods'
import type { Store } from '../../store/database'
import { userOf } from '../auth'
import { sendFile } from '../file-download'
import { failure as error } from './failure'

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

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
  api.get(
    '/api/grid/periods',
    {
      schema: {
        summary:
          'Les points de suivi : chaque mois depuis janvier 2021, et ceux pour lesquels des données existent',
        tags: ['Suivi'],
        response: { 200: gridPeriodsSchema },
      },
    },
    async () => gridPeriods(store),
  )
  const exportSchema = (format: string) => ({
    summary: `Exporter la vue filtrée (${format}) : toutes les lignes, les colonnes choisies`,
    description:
      'Mêmes paramètres que /api/grid (offset et limit ignorés). Le classeur reprend la présentation du ' +
      'fichier « Suivi Ségur ES » : onglet du point de suivi, moyenne nationale, méthodologie.',
    tags: ['Suivi'],
    querystring: gridQuery,
  })
  api.get('/api/grid/export.xlsx', { schema: exportSchema('Excel') }, async (request, reply) => {
    const user = userOf(request)
    const workbook = await gridWorkbook(store, user, request.query, user.email)
    return sendFile(request, reply, { ...workbook, type: XLSX_TYPE })
  })
  api.get('/api/grid/export.csv', { schema: exportSchema('CSV') }, async (request, reply) => {
    const csv = await gridCsv(store, userOf(request), request.query)
    return sendFile(request, reply, { ...csv, type: 'text/csv; charset=utf-8' })
  })
}
