// Monthly sources over HTTP: the declared sources, the import history and its error reports, the values
// a structure shows, and uploads (national teams only) with their progress.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { findImportJob, startImportJob } from '../../app/import-jobs'
import { checkPeriod, MAX_IMPORT_BYTES } from '../../app/import-source'
import { issuesCsv, listSourceImports } from '../../app/source-import-history'
import { canImport, canReadField } from '../../domain/access/permissions'
import { finessParam } from '../../domain/contract/structures'
import { NATIONAL_SOURCES } from '../../sources/monthly/sources/index'
import type { Store } from '../../store/database'
import { siteObservations } from '../../store/observation-queries'
import { actorOf, demand, userOf } from '../auth'
import { readableStructure } from '../structure-access'
import { failure as error } from './failure'

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'un mois AAAA-MM')
const sourceCode = z.enum(Object.keys(NATIONAL_SOURCES) as [string, ...string[]])

export function registerSourceImportRoutes(app: FastifyInstance, store: Store): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.get(
    '/api/sources',
    { schema: { summary: 'Les sources mensuelles déclarées et leurs colonnes', tags: ['Sources'] } },
    async () =>
      Object.values(NATIONAL_SOURCES).map((s) => ({
        code: s.code,
        label: s.label,
        producer: s.producer,
        level: s.level,
        fileNamePattern: s.fileNamePattern,
        columns: Object.entries(s.columns).map(([key, c]) => ({ key, ...c })),
      })),
  )
  api.get(
    '/api/imports/sources',
    {
      schema: {
        summary: 'Historique des imports de sources mensuelles',
        tags: ['Sources'],
        querystring: z.object({ source: sourceCode.optional(), period: period.optional() }),
      },
    },
    async (request) => listSourceImports(store.db, request.query),
  )
  api.get(
    '/api/imports/sources/:id/issues.csv',
    {
      schema: {
        summary: "Rapport d'erreurs d'un import (CSV : ligne, colonne, valeur, motif)",
        tags: ['Sources'],
        params: z.object({ id: z.coerce.number().int().min(1) }),
      },
    },
    async (request, reply) => {
      demand(
        request,
        canImport(userOf(request)),
        'Les rapports d’erreurs sont réservés aux équipes nationales.',
      )
      const csv = await issuesCsv(store.db, request.params.id)
      if (csv === null) return reply.code(404).send({ error: `Pas d'import n° ${request.params.id}` })
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="rapport-import-${request.params.id}.csv"`)
        .send(csv)
    },
  )
  api.get(
    '/api/structures/:finess/observations',
    {
      schema: {
        summary:
          'Les valeurs mensuelles d’un établissement (les siennes, celles de son EJ et de son FINESS PMSI)',
        tags: ['Sources'],
        params: z.object({ finess: finessParam }),
        querystring: z.object({ period: period.optional() }),
      },
    },
    async (request) => {
      const place = await readableStructure(request, store, request.params.finess)
      const user = userOf(request)
      const shown = await siteObservations(store.db, request.params.finess, request.query.period)
      return shown.filter((o) => canReadField(user, o.indicator, place))
    },
  )

  // The file is the raw request body, so that a 100 MB national file is not base64-encoded.
  app.addContentTypeParser(
    [
      'application/octet-stream',
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
    (_request, body, done) => done(null, body),
  )
  api.post(
    '/api/imports/sources/:source',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        summary:
          'Importer un fichier source mensuel (corps : le fichier) ; suivre l’avancement sur /api/import-jobs/:id',
        tags: ['Sources'],
        params: z.object({ source: sourceCode }),
        querystring: z.object({
          period,
          fileName: z.string().min(1).max(255),
          dryRun: z.enum(['true', 'false']).optional(),
          strict: z.enum(['true', 'false']).optional(),
        }),
        response: { 202: z.object({ jobId: z.string() }), 400: error, 401: error, 403: error },
      },
    },
    async (request, reply) => {
      demand(
        request,
        canImport(userOf(request)),
        'L’import des fichiers nationaux est réservé aux équipes nationales.',
      )
      const body = request.body
      if (!(body instanceof Buffer) || body.length === 0)
        return reply.code(400).send({ error: `${request.query.fileName} : fichier vide ou absent` })
      checkPeriod(request.query.fileName, request.query.period)
      const job = startImportJob(store, {
        source: request.params.source,
        fileName: request.query.fileName,
        bytes: body,
        period: request.query.period,
        actor: actorOf(request),
        dryRun: request.query.dryRun === 'true',
        strict: request.query.strict === 'true',
      })
      return reply.code(202).send({ jobId: job.id })
    },
  )
  api.get(
    '/api/import-jobs/:id',
    {
      schema: {
        summary: 'Avancement et rapport d’un import lancé par l’API',
        tags: ['Sources'],
        params: z.object({ id: z.string().uuid() }),
      },
    },
    async (request, reply) => {
      const job = findImportJob(request.params.id)
      const user = userOf(request)
      if (job && job.ownerId !== user.id && user.role !== 'admin')
        return reply.code(404).send({ error: 'Import inconnu ou terminé depuis plus d’une heure' })
      if (!job) return reply.code(404).send({ error: 'Import inconnu ou terminé depuis plus d’une heure' })
      return job
    },
  )
}
