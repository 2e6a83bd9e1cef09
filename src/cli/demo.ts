// `jalon demo [--dir DIR] [--until AAAA-MM] [--json]`: the demo région's FINESS extract when the referential
// is empty, then 24 months of national source files, written to a directory and imported.
import { join } from 'node:path'
import type { Command } from 'commander'
import { loadDemoExtractIfEmpty } from '../app/demo'
import { loadDemoSources, type DemoSourcesSummary } from '../app/demo-sources/index'
import { DEFAULT_UNTIL } from '../app/demo-sources/plan'
import { isPeriod } from '../domain/observations/period'
import { printJson, reportError, terminalProgress, UsageError, withStore } from './context'

const thousands = (n: number): string => n.toLocaleString('fr-FR')
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1).replace('.', ',')} s`

export function formatDemoSummary(s: DemoSourcesSummary): string {
  if (s.sites === 0)
    return 'Aucun établissement de la région de démonstration dans le référentiel : aucun fichier généré.'
  const accepted = s.refused.length === 0 ? '' : `, ${s.refused.length} refusé(s)`
  return [
    `Fichiers sources de démonstration : ${s.files} fichiers pour ${s.months} mois jusqu’à ${s.until}, ${thousands(s.sites)} établissements`,
    `  écrits dans ${s.dir} (voir LISEZMOI.txt)`,
    `Imports : ${s.imports} réussis${accepted} ; ${thousands(s.rowsRead)} lignes lues, ${thousands(s.rowsRejected)} rejetées ; ${thousands(s.observations)} valeurs, ${thousands(s.warnings)} avertissements`,
    ...Object.entries(s.bySource).map(
      ([source, c]) =>
        `  ${source.padEnd(15)} ${String(c.imports).padStart(3)} imports, ${thousands(c.observations)} valeurs`,
    ),
    ...s.refused.map(
      (r) =>
        `Fichier refusé${r.planned ? ' (copie abîmée prévue, la bonne copie a été importée ensuite)' : ''} : ${r.message}`,
    ),
    ...(s.unknownFiness.length > 0
      ? [`FINESS inconnus du référentiel, lignes rejetées : ${s.unknownFiness.join(', ')}`]
      : []),
    `Durée : génération ${seconds(s.generateMs)}, imports ${seconds(s.importMs)}`,
  ].join('\n')
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Démonstration : référentiel FINESS de Bretagne si la base est vide, puis 24 mois de fichiers sources nationaux générés et importés',
    )
    .option('--dir <dossier>', 'où écrire les fichiers (par défaut : JALON_DATA_DIR/demo-sources)')
    .option('--until <AAAA-MM>', 'le dernier mois des fichiers', DEFAULT_UNTIL)
    .option('--json', 'afficher le résumé en JSON')
    .action(async (opts: { dir?: string; until: string; json?: boolean }) => {
      try {
        if (!isPeriod(opts.until))
          throw new UsageError(`--until ${opts.until} : attendu un mois AAAA-MM, par exemple 2026-10`)
        const progress = opts.json ? undefined : terminalProgress()
        await withStore(async (store, config) => {
          const referential = await loadDemoExtractIfEmpty(store, progress)
          if (referential && !opts.json)
            console.log(
              `Référentiel de démonstration chargé : ${thousands(referential.counts.created)} établissements (${referential.fileName}).`,
            )
          const summary = await loadDemoSources(store, {
            dir: opts.dir ?? join(config.dataDir, 'demo-sources'),
            until: opts.until,
            ...(progress ? { onProgress: progress } : {}),
          })
          if (opts.json)
            printJson({
              referential: referential && {
                fileName: referential.fileName,
                created: referential.counts.created,
              },
              sources: summary,
            })
          else console.log(formatDemoSummary(summary))
        })
      } catch (error) {
        reportError(error)
      }
    })
}
