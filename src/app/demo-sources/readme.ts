// The LISEZMOI.txt written beside the demo files: what each folder holds, how to import a file again, and
// the imperfections planted on purpose, so that a user who opens the files knows what is fake and why.
import type { Period } from '../../domain/observations/period'
import { findSource } from '../../sources/monthly/sources/index'
import type { DemoFile } from './generate'
import { demoWindow, SOURCE_PLANS, type FileFormat } from './plan'

const FORMAT_LABELS: Readonly<Record<FileFormat, string>> = {
  'csv-cp1252': 'CSV « ; » Windows-1252',
  'csv-utf8-bom': 'CSV « ; » UTF-8 avec BOM',
  xlsx: 'Excel (.xlsx)',
}

/** The months of the window a source has no file for (never sent, or not a month it publishes). */
export function missingPeriods(
  files: readonly DemoFile[],
  until: Period,
  months: number,
): Map<string, Period[]> {
  const window = demoWindow(until, months)
  const out = new Map<string, Period[]>()
  for (const plan of SOURCE_PLANS) {
    if (plan.fixedPeriods || !files.some((f) => f.source === plan.code)) continue
    const present = new Set(files.filter((f) => f.source === plan.code).map((f) => f.period))
    out.set(
      plan.code,
      window.periods.filter((p) => !present.has(p)),
    )
  }
  return out
}

export function readmeText(files: readonly DemoFile[], options: { until: Period; months: number }): string {
  const window = demoWindow(options.until, options.months)
  const lines = [
    'Fichiers sources de démonstration de Jalon',
    '==========================================',
    '',
    'Données fictives, générées par « jalon demo » à partir des établissements réels du référentiel FINESS',
    `de la région de démonstration, pour ${options.months} mois (${window.periods[0] ?? ''} à ${options.until}).`,
    'Les volumes, statuts, éditeurs et solutions sont inventés ; la même génération donne les mêmes fichiers.',
    'Les en-têtes sont ceux documentés pour chaque source (docs/sources/).',
    '',
    'Dossiers :',
  ]
  for (const plan of SOURCE_PLANS) {
    const own = files.filter((f) => f.source === plan.code && !f.damaged)
    if (own.length === 0) continue
    lines.push(
      `  ${`${plan.code}/`.padEnd(16)} ${findSource(plan.code)?.label ?? plan.code} — ${FORMAT_LABELS[plan.format]} — ${own.length} fichier(s)`,
    )
  }
  const example = files.find((f) => f.source === 'insi') ?? files[0]
  if (example)
    lines.push(
      '',
      'Pour importer de nouveau un fichier :',
      `  jalon import ${example.source} "${example.source}/${example.fileName}" --period ${example.period}`,
    )
  lines.push('', 'Imperfections volontaires, comme dans les fichiers reçus :')
  for (const [source, periods] of missingPeriods(files, options.until, options.months))
    if (periods.length > 0) lines.push(`  - ${source} : pas de fichier pour ${periods.join(', ')}`)
  for (const file of files)
    for (const note of file.planted)
      lines.push(`  - ${file.source} ${file.period} (${file.fileName}) : ${note}`)
  lines.push(
    '  - MSSanté : les messages sont comptés par FINESS juridique ; chaque établissement de l’entité affiche',
    '    le même nombre, compté une seule fois dans les totaux.',
    '  - INSi : quelques cliniques sont publiées sous leur FINESS juridique ; le taux d’identités qualifiées',
    '    vaut « pas disponible » certains mois.',
    '  - DMP : les certificats sont portés par l’entité juridique (colonne « Niveau FINESS » = EJ).',
    '',
  )
  return lines.join('\n')
}
