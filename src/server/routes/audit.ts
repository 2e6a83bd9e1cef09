// The audit journal over HTTP: one establishment's (whoever reads the establishment, without the fields
// they may not read), one account's (the account itself, or the administrator), or all of it (the
// administrator); as a page or as a CSV.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import {
  auditCsv,
  auditCsvFileName,
  readAuditPage,
  unreadableFields,
  type AuditFilters,
} from '../../app/access/audit'
import { canManageUsers, canReadUserAudit } from '../../domain/access/permissions'
import { auditPage, auditQuery } from '../../domain/contract/access'
import type { Store } from '../../store/database'
import { demand, userOf } from '../auth'
import { readableStructure } from '../structure-access'
import { failure } from './failure'

const failures = { 400: failure, 401: failure, 403: failure, 404: failure }
const csvQuery = auditQuery.omit({ page: true, pageSize: true })
const tags = ['Accès']

/** Refuses what the user may not read; returns the fields to leave out of what they may. */
async function hiddenFieldsFor(
  request: FastifyRequest,
  store: Store,
  filters: AuditFilters,
): Promise<string[]> {
  const user = userOf(request)
  // An establishment's journal is part of the establishment: reading one is reading the other.
  if (filters.finess) return unreadableFields(user, await readableStructure(request, store, filters.finess))
  if (filters.actor !== undefined) {
    demand(
      request,
      canReadUserAudit(user, filters.actor),
      'Vous ne pouvez consulter que votre propre journal.',
    )
    return []
  }
  // The whole journal names every account and every establishment: the administrator's, who manages them.
  demand(
    request,
    canManageUsers(user),
    'Le journal complet est réservé à l’administrateur : choisissez un établissement ou un utilisateur.',
  )
  return []
}

export function registerAuditRoutes(app: FastifyInstance, store: Store): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.get(
    '/api/audit',
    {
      schema: {
        summary: 'Le journal des modifications, par établissement ou par utilisateur',
        description:
          'Avec `finess` : qui peut lire l’établissement (sans les champs qu’il ne peut pas lire). Avec `actor` : l’utilisateur lui-même ou l’administrateur. Sans filtre : l’administrateur.',
        tags,
        querystring: auditQuery,
        response: { 200: auditPage, ...failures },
      },
    },
    async (request) =>
      readAuditPage(store, request.query, await hiddenFieldsFor(request, store, request.query)),
  )
  api.get(
    '/api/audit.csv',
    {
      schema: {
        summary: 'Le journal des modifications en CSV (mêmes filtres, lignes les plus récentes d’abord)',
        tags,
        querystring: csvQuery,
      },
    },
    async (request, reply) => {
      const hidden = await hiddenFieldsFor(request, store, request.query)
      const file = await auditCsv(store, request.query, hidden)
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${auditCsvFileName(request.query, new Date())}"`,
        )
        .header('x-total-count', String(file.total))
        .send(file.csv)
    },
  )
}
