// The follow-up actions within the user's scopes: GET /api/actions (a page, filtered) and
// GET /api/actions/export.csv (every matching action, for a French spreadsheet).
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { actionPage } from '../../app/actions'
import { actionsCsv, actionsCsvFileName } from '../../app/actions-csv'
import { actionFilters, actionListQuery, actionPage as actionPageSchema } from '../../domain/contract/actions'
import type { Store } from '../../store/database'
import { userOf } from '../auth'
import { ACTION_TAGS, failures } from './action-schemas'

const FILTERS_HELP =
  'Filtres : `region`, `departement`, `finess`, `status` (a_faire, fait, abandonne), `owner` (n° du compte ' +
  'responsable), `dueBefore` (échéance strictement avant ce jour, AAAA-MM-JJ), `theme`, `updatedSince` ' +
  '(modifiées depuis ce jour inclus, pour une synchronisation), `source` (actions d’un CRM). Seules les ' +
  'actions des établissements du périmètre de l’utilisateur sont listées.'

export function registerActionListRoutes(app: FastifyInstance, store: Store): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.get(
    '/api/actions',
    {
      schema: {
        summary: 'Les actions de suivi de mon périmètre, filtrées, page par page',
        description: `${FILTERS_HELP} Tri : échéance la plus proche d’abord (sans échéance à la fin). \`pageSize\` : 500 au plus.`,
        tags: ACTION_TAGS,
        querystring: actionListQuery,
        response: { 200: actionPageSchema, ...failures },
      },
    },
    async (request) => actionPage(store, userOf(request), request.query),
  )
  api.get(
    '/api/actions/export.csv',
    {
      schema: {
        summary: 'Les actions de suivi de mon périmètre en CSV',
        description:
          `${FILTERS_HELP} CSV pour un tableur français : UTF-8 avec BOM, séparateur « ; », dates JJ/MM/AAAA, ` +
          'formules neutralisées. L’en-tête `x-total-count` donne le nombre d’actions correspondantes.',
        tags: ACTION_TAGS,
        querystring: actionFilters,
      },
    },
    async (request, reply) => {
      const file = await actionsCsv(store, userOf(request), request.query)
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${actionsCsvFileName(request.query, new Date())}"`,
        )
        .header('x-total-count', String(file.total))
        .send(file.csv)
    },
  )
}
