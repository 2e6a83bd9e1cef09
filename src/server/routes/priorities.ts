// Priority lists over HTTP (issue 7 §3): GET and POST /api/priorities, PUT and DELETE /api/priorities/:id,
// GET /api/priorities/results and GET /api/priorities/export. Who sees and changes a list is decided by
// app/priority-lists.ts; the results stay within the user's scopes (app/priority-results.ts).
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { priorityResults } from '../../app/priorities'
import { priorityExport } from '../../app/priority-export'
import {
  changePriorityList,
  createPriorityList,
  deletePriorityList,
  listPriorityLists,
} from '../../app/priority-lists'
import {
  priorityExportQuery,
  priorityList,
  priorityListChanges,
  priorityListId,
  priorityListInput,
  priorityLists,
  priorityResults as priorityResultsSchema,
  priorityResultsQuery,
} from '../../domain/contract/priorities'
import { CRITERIA, PRIORITY_CRITERIA, WEIGHT_MAX, WEIGHT_MIN } from '../../domain/priorities/criteria'
import type { Store } from '../../store/database'
import { userOf } from '../auth'
import { attachment } from '../file-download'
import { failure, failures } from './failure'

const tags = ['Priorités']

const CRITERIA_HELP =
  'Critères (`id`, `weight` entier de ' +
  `${WEIGHT_MIN} à ${WEIGHT_MAX}, \`parameters\`) : ` +
  PRIORITY_CRITERIA.map((id) => {
    const c = CRITERIA[id]
    const params = c.parameters.map(
      (p) => `${p.id} de ${p.min} à ${p.max} ${p.unit}, ${p.default} par défaut`,
    )
    return `\`${id}\` (${c.label}, poids ${c.defaultWeight} par défaut${params.length ? ` ; ${params.join(', ')}` : ''})`
  }).join(' ; ') +
  '.'

const SCORE_HELP =
  'Score d’un établissement = somme des poids des critères qu’il remplit ; classement par score décroissant, ' +
  'puis par nombre de critères remplis, puis par FINESS. Sans `list`, tous les critères avec leurs poids et ' +
  'paramètres par défaut. Dans le périmètre de l’utilisateur, établissements ouverts.'

export function registerPriorityRoutes(app: FastifyInstance, store: Store): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.get(
    '/api/priorities',
    {
      schema: {
        summary: 'Les listes de priorités enregistrées : les miennes et celles partagées avec ma région',
        description:
          'Une liste personnelle n’est visible que de son auteur ; une liste partagée avec une région l’est ' +
          'de tout utilisateur dont le périmètre est dans cette région (ou la couvre) et des rôles nationaux.',
        tags,
        response: { 200: priorityLists, 401: failure },
      },
    },
    async (request) => listPriorityLists(store, userOf(request)),
  )
  api.post(
    '/api/priorities',
    {
      schema: {
        summary: 'Enregistrer une liste de priorités, personnelle ou partagée avec une région',
        description:
          `${CRITERIA_HELP} Partager (\`region\`) est réservé aux contributeurs régionaux de cette région ` +
          'et aux rôles nationaux. Un nom (1 à 80 caractères) ne sert qu’une fois par auteur. Journalisé.',
        tags,
        body: priorityListInput,
        response: { 201: priorityList, ...failures },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createPriorityList(store, userOf(request), request.body)),
  )
  api.put(
    '/api/priorities/:id',
    {
      schema: {
        summary: 'Renommer une liste de priorités, changer ses critères ou son partage',
        description:
          `${CRITERIA_HELP} Réservé à l’auteur, ou à un rôle national pour une liste partagée ; ` +
          '`region: null` la rend personnelle. Journalisé.',
        tags,
        params: priorityListId,
        body: priorityListChanges,
        response: { 200: priorityList, ...failures },
      },
    },
    async (request) => changePriorityList(store, userOf(request), request.params.id, request.body),
  )
  api.delete(
    '/api/priorities/:id',
    {
      schema: {
        summary: 'Supprimer une liste de priorités',
        description: 'Réservé à l’auteur, ou à un rôle national pour une liste partagée. Journalisé.',
        tags,
        params: priorityListId,
        response: { 204: z.null(), ...failures },
      },
    },
    async (request, reply) => {
      await deletePriorityList(store, userOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
  api.get(
    '/api/priorities/results',
    {
      schema: {
        summary: 'Les établissements à aider en priorité selon une liste, à un point de suivi',
        description:
          `${SCORE_HELP} Chaque établissement porte une raison par critère rempli ; chaque critère, son ` +
          'nombre d’établissements et, quand des filtres de la grille l’expriment, les liens vers /suivi ' +
          'dont l’union donne sa liste.',
        tags,
        querystring: priorityResultsQuery,
        response: { 200: priorityResultsSchema, 400: failure, 401: failure, 404: failure },
      },
    },
    async (request) => priorityResults(store, userOf(request), request.query),
  )
  api.get(
    '/api/priorities/export',
    {
      schema: {
        summary: 'Exporter les résultats d’une liste de priorités (XLSX ou CSV)',
        description:
          `${SCORE_HELP} Tous les établissements classés, une colonne par critère avec sa raison ; le ` +
          'classeur a un onglet « Critères » (poids, paramètres, nombre, lien vers la grille) ; le CSV est pour ' +
          'un tableur français (UTF-8 avec BOM, « ; », formules neutralisées). Refus : 400, 401, 404 ' +
          '(même corps que les autres routes).',
        tags,
        querystring: priorityExportQuery,
      },
    },
    async (request, reply) => {
      const file = await priorityExport(store, userOf(request), request.query)
      return reply
        .type(file.contentType)
        .header('content-disposition', attachment(file.fileName))
        .send(file.body)
    },
  )
}
