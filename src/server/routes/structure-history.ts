// GET /api/structures/:finess/history, /averages, /programmes and /comments: an establishment's follow-up
// over time, within the user's scope and limited to the columns and fields the user's role reads.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { structureAverages } from '../../app/structure-averages'
import { structureComments } from '../../app/structure-comments'
import { structureHistory } from '../../app/structure-history'
import { structureProgrammes } from '../../app/structure-programmes'
import {
  periodQuery,
  structureAverages as averagesSchema,
  structureComments as commentsSchema,
  structureHistory as historySchema,
  structureProgrammes as programmesSchema,
} from '../../domain/contract/structure-history'
import { finessParam } from '../../domain/contract/structures'
import type { Period } from '../../domain/observations/period'
import type { Store } from '../../store/database'
import { userOf } from '../auth'
import { readableStructure } from '../structure-access'
import { failure as error } from './failure'

const params = z.object({ finess: finessParam })
const TAGS = ['Suivi']

export function registerStructureHistoryRoutes(app: FastifyInstance, store: Store): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.get(
    '/api/structures/:finess/history',
    {
      schema: {
        summary: 'Chaque thème de la grille de suivi d’un établissement, mois par mois',
        description:
          'Par colonne visible pour le rôle de l’utilisateur : la série mensuelle (valeur, numérateur et ' +
          'dénominateur, niveau FINESS, source). Une valeur saisie remplace celle du fichier de suivi importé.',
        tags: TAGS,
        params,
        response: { 200: historySchema, 403: error, 404: error },
      },
    },
    async (request) => {
      const place = await readableStructure(request, store, request.params.finess)
      return structureHistory(store, userOf(request), place)
    },
  )
  api.get(
    '/api/structures/:finess/averages',
    {
      schema: {
        summary: 'La valeur de l’établissement et les moyennes régionale et nationale à un point de suivi',
        description:
          'Colonnes quantitatives ; chaque structure compte une fois, au niveau où elle est déclarée ; un taux ' +
          'est le rapport des numérateurs et dénominateurs cumulés quand la source les donne.',
        tags: TAGS,
        params,
        querystring: periodQuery,
        response: { 200: averagesSchema, 400: error, 403: error, 404: error },
      },
    },
    async (request) => {
      const place = await readableStructure(request, store, request.params.finess)
      return structureAverages(store, userOf(request), place, request.query.period)
    },
  )
  api.get(
    '/api/structures/:finess/programmes',
    {
      schema: {
        summary: 'Cibles et atteinte des programmes, prévision de financement, avec l’explication du moteur',
        description:
          'Atteinte SUN-ES, HOPEN 2 et IFAQ du mois recalculée avec son explication ; activité combinée, ' +
          'plafonds SONS, montants SUN-ES et HOPEN 2 en décimal exact. Une donnée que Jalon ne détient pas ' +
          'est nommée, jamais devinée.',
        tags: TAGS,
        params,
        querystring: periodQuery,
        response: { 200: programmesSchema, 400: error, 403: error, 404: error },
      },
    },
    async (request) => {
      const place = await readableStructure(request, store, request.params.finess)
      return structureProgrammes(store, place, request.query.period as Period)
    },
  )
  api.get(
    '/api/structures/:finess/comments',
    {
      schema: {
        summary: 'L’historique des champs saisis d’un établissement (météo, commentaires, SIH…)',
        description:
          'Chaque valeur avec son mois, qui l’a saisie et quand ; seulement les champs que le rôle de ' +
          'l’utilisateur peut lire.',
        tags: TAGS,
        params,
        response: { 200: commentsSchema, 403: error, 404: error },
      },
    },
    async (request) => {
      const place = await readableStructure(request, store, request.params.finess)
      return structureComments(store, userOf(request), place)
    },
  )
}
