// GET /api/imports/finess and GET /api/imports/finess/:id/issues: the import history and its reports.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { canImport } from '../../domain/access/permissions'
import type { Store } from '../../store/database'
import { demand, userOf } from '../auth'
import { listFinessImports, listImportIssues } from '../../store/finess-imports'

const counts = z.object({
  lines_read: z.number(),
  sites_read: z.number(),
  created_count: z.number(),
  changed_count: z.number(),
  unchanged_count: z.number(),
  closed_count: z.number(),
  reopened_count: z.number(),
  rejected_count: z.number(),
  warning_count: z.number(),
  legal_entities_count: z.number(),
  groups_count: z.number(),
})
const importSummary = z.object({
  id: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number(),
  format: z.string(),
  extractDate: z.string().nullable(),
  encoding: z.string().nullable(),
  strict: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  counts,
})
const importIssue = z.object({
  line: z.number().int(),
  severity: z.enum(['rejected', 'warning']),
  code: z.string(),
  field: z.string().nullable(),
  finess: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
})

export function registerImportRoutes(app: FastifyInstance, store: Store): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.get(
    '/api/imports/finess',
    {
      schema: {
        summary: 'Historique des imports FINESS',
        tags: ['Imports'],
        response: { 200: z.array(importSummary) },
      },
    },
    async () => listFinessImports(store.db),
  )
  api.get(
    '/api/imports/finess/:id/issues',
    {
      schema: {
        summary: "Lignes rejetées et avertissements d'un import",
        tags: ['Imports'],
        params: z.object({ id: z.coerce.number().int().min(1) }),
        response: { 200: z.array(importIssue) },
      },
    },
    async (request) => {
      demand(
        request,
        canImport(userOf(request)),
        'Les rapports d’erreurs sont réservés aux équipes nationales.',
      )
      return listImportIssues(store.db, request.params.id)
    },
  )
}
