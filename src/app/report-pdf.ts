// The monthly report as a PDF (issue 7 §5), A4, in the order a CNSA or CORS meeting reads it: title block,
// key figures, evolution, rankings, programmes, priorities, each page numbered. The pages are kept until
// the end to number them "n sur N" (a report is a few pages); the file is streamed to `output` as pdfkit
// writes it.
import type { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { MonthlyReport } from '../domain/contract/monthly-report'
import { frenchMonth } from '../domain/report/french-format'
import { numberPages, reportDocument } from './report-pdf-kit'
import { prioritiesSection, programmesSection } from './report-pdf-programmes'
import { evolutionSection, keyFiguresSection, rankingsSection, titleBlock } from './report-pdf-sections'

export async function writeReportPdf(report: MonthlyReport, output: Writable): Promise<void> {
  const title = `Rapport mensuel — ${report.region.name} — ${frenchMonth(report.period)}`
  const doc = reportDocument({
    title,
    subject: 'Suivi du déploiement du numérique en santé et des programmes de financement',
  })
  const written = pipeline(doc, output)
  try {
    titleBlock(doc, report)
    keyFiguresSection(doc, report)
    evolutionSection(doc, report)
    rankingsSection(doc, report)
    programmesSection(doc, report)
    prioritiesSection(doc, report)
    numberPages(doc, `Jalon — ${title}`)
    doc.end()
  } catch (failure) {
    // The caller cuts the download; the pipeline's own failure is that one.
    doc.destroy(failure as Error)
    await written.catch(() => undefined)
    throw failure
  }
  await written
}
