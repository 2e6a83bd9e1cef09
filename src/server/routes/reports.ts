// GET /api/reports/monthly: a région's monthly report at a follow-up point, as a PDF or an Excel workbook.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { monthlyReport } from '../../app/monthly-report'
import { writeReportPdf } from '../../app/report-pdf'
import { writeReportWorkbook } from '../../app/report-xlsx'
import { monthlyReportFileName, monthlyReportQuery } from '../../domain/contract/monthly-report'
import { canReadRegionReport } from '../../domain/report/permissions'
import type { Store } from '../../store/database'
import { demand, userOf } from '../auth'
import { sendFile } from '../file-download'
import { failures } from './failure'

const FORMATS = {
  pdf: { type: 'application/pdf', write: writeReportPdf },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: writeReportWorkbook,
  },
} as const

export function registerReportRoutes(app: FastifyInstance, store: Store): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/reports/monthly',
    {
      schema: {
        summary: 'Rapport mensuel d’une région à un point de suivi (PDF ou Excel)',
        description:
          'Pour la CNSA et les réunions de suivi régionales : chiffres clés (établissements par statut, ' +
          'avec le point précédent et la part nationale), évolution sur les derniers points de suivi, ' +
          'classements du bilan INSi et DMP, état des programmes et établissements prioritaires. ' +
          'Les rôles nationaux obtiennent le rapport de toute région ; un utilisateur régional, celui ' +
          'de sa région (403 sinon). `format=pdf` ou `format=xlsx`.',
        tags: ['Suivi'],
        querystring: monthlyReportQuery,
        produces: [FORMATS.pdf.type, FORMATS.xlsx.type],
        response: { 400: failures[400], 401: failures[401], 403: failures[403] },
      },
    },
    async (request, reply) => {
      const user = userOf(request)
      const { region, period, format } = request.query
      demand(
        request,
        canReadRegionReport(user, region),
        `Le rapport de la région ${region} est hors de votre périmètre.`,
      )
      const report = await monthlyReport(store, user, { region, period })
      const { type, write } = FORMATS[format]
      return sendFile(request, reply, {
        fileName: monthlyReportFileName(region, period, format),
        type,
        write: (output) => write(report, output),
      })
    },
  )
}
