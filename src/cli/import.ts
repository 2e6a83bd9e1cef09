// `jalon import SOURCE FILE --period YYYY-MM [--dry-run] [--json]`, `jalon imports` (history) and
// `jalon sources` (the declared sources and saved header mappings).
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Command } from 'commander'
import { importSourceFile, type SourceImportReport } from '../app/import-source'
import { importTrackerFile, TRACKER_SOURCE, type TrackerImportReport } from '../app/import-tracker'
import { issuesCsv, listSourceImports, saveSourceMapping } from '../app/source-import-history'
import { NATIONAL_SOURCES } from '../sources/monthly/sources/index'
import { listMappings } from '../store/source-mappings'
import { printJson, reportError, terminalProgress, UsageError, withStore } from './context'
import { cliActor } from '../app/access/actor'

const SHOWN = 20

export function formatSourceReport(r: SourceImportReport): string {
  const c = r.counts
  const d = r.changes
  const head = r.dryRun
    ? `Simulation (--dry-run) : rien n'a été enregistré`
    : `Import n° ${r.importId}${r.replacedImportId ? ` (remplace l'import n° ${r.replacedImportId})` : ''}`
  const issues = r.issues
    .slice(0, SHOWN)
    .map(
      (i) => `    ligne ${i.line} [${i.severity === 'rejected' ? 'rejetée' : 'avertissement'}] ${i.message}`,
    )
  return [
    `${head} : ${r.sourceLabel}, ${r.period}, ${r.fileName} (${r.format}${r.encoding ? `, ${r.encoding}` : ''}, feuille « ${r.sheet} », en-têtes ligne ${r.headerLine})`,
    `  ${c.rowsRead} lignes lues, ${c.rowsRejected} rejetées ; ${c.structures} structures, ${c.observations} valeurs`,
    r.replacedImportId
      ? `  Par rapport à l'import précédent du même mois : ${d.added} valeurs nouvelles, ${d.changed} modifiées, ${d.removed} disparues, ${d.unchanged} inchangées`
      : `  Premier import de cette source pour ce mois`,
    ...d.examples
      .slice(0, 10)
      .map((e) => `    ${e.finess} ${e.indicator} (${e.period}) : ${e.before ?? '∅'} → ${e.after ?? '∅'}`),
    `  ${c.rejected} rejets, ${c.warnings} avertissements`,
    ...(issues.length ? ['  Lignes signalées :', ...issues] : []),
    ...(r.issuesTotal > SHOWN
      ? [`    … et ${r.issuesTotal - SHOWN} autres (jalon imports issues ${r.importId ?? 'N'})`]
      : []),
  ].join('\n')
}

export function formatTrackerReport(r: TrackerImportReport): string {
  return [
    `${r.dryRun ? 'Simulation (--dry-run) : rien n’a été enregistré' : 'Tableau de suivi importé'} : ${r.fileName}`,
    ...r.tabs.flatMap((t) => [
      `  Onglet « ${t.sheet} », point de suivi ${t.period} : import n° ${t.importId}${t.replacedImportId ? ` (remplace n° ${t.replacedImportId})` : ''}`,
      `    thèmes : ${t.themes.map((x) => `${x.theme} ${x.period}`).join(', ')}`,
      `    ${t.counts.rowsRead} lignes, ${t.counts.rowsRejected} rejetées, ${t.counts.observations} valeurs ; ${t.changes.added} nouvelles, ${t.changes.changed} modifiées, ${t.changes.removed} disparues`,
      ...t.issues
        .slice(0, SHOWN)
        .map(
          (i) =>
            `    ligne ${i.line} [${i.severity === 'rejected' ? 'rejetée' : 'avertissement'}] ${i.message}`,
        ),
    ]),
    ...r.skipped.map((s) => `  Onglet « ${s.sheet} » ignoré : ${s.reason}`),
  ].join('\n')
}

export function registerImportCommands(program: Command): void {
  program
    .command('import')
    .description(
      `Importer un fichier source mensuel (CSV ou XLSX). Sources : ${Object.keys(NATIONAL_SOURCES).join(', ')}, et ${TRACKER_SOURCE} (le tableau de suivi Ségur ES d'une région, XLSX)`,
    )
    .argument('<source>', 'la source (jalon sources pour la liste)')
    .argument('<fichier>', 'le fichier à importer')
    .option(
      '--period <AAAA-MM>',
      'le mois des données (suivi-segur : le point de suivi ; absent : tous les onglets)',
    )
    .option('--dry-run', 'montrer ce qui changerait sans rien enregistrer')
    .option('--strict', 'refuser tout le fichier si une ligne est rejetée')
    .option('--mapping <nom>', 'une correspondance d’en-têtes enregistrée (jalon sources mapping)')
    .option('--sheet <nom>', 'XLSX : la feuille à lire (par défaut la première)')
    .option('--json', 'afficher le rapport en JSON')
    .action(
      async (
        source: string,
        file: string,
        opts: {
          period: string
          dryRun?: boolean
          strict?: boolean
          mapping?: string
          sheet?: string
          json?: boolean
        },
      ) => {
        try {
          const bytes = await readFile(file).catch(() => {
            throw new UsageError(`impossible de lire le fichier ${file}`)
          })
          const progress = opts.json ? undefined : terminalProgress()
          if (source === TRACKER_SOURCE) {
            const tracker = await withStore((store) =>
              importTrackerFile(store, {
                fileName: basename(file),
                bytes,
                ...(opts.period ? { period: opts.period } : {}),
                actor: cliActor(),
                dryRun: !!opts.dryRun,
                strict: !!opts.strict,
                ...(progress ? { onProgress: (step: string) => progress(step) } : {}),
              }),
            )
            if (opts.json) printJson(tracker)
            else console.log(formatTrackerReport(tracker))
            return
          }
          if (!opts.period) throw new UsageError('--period AAAA-MM est obligatoire pour cette source')
          const period = opts.period
          const report = await withStore((store) =>
            importSourceFile(store, {
              source,
              fileName: basename(file),
              bytes,
              period,
              actor: cliActor(),
              dryRun: !!opts.dryRun,
              strict: !!opts.strict,
              ...(opts.mapping ? { mappingName: opts.mapping } : {}),
              ...(opts.sheet ? { sheet: opts.sheet } : {}),
              ...(progress ? { onProgress: (step: string) => progress(step) } : {}),
            }),
          )
          if (opts.json) printJson(report)
          else console.log(formatSourceReport(report))
        } catch (error) {
          reportError(error)
        }
      },
    )

  const imports = program.command('imports').description('Historique des imports de sources mensuelles')
  imports
    .command('list', { isDefault: true })
    .option('--source <source>', 'une seule source')
    .option('--period <AAAA-MM>', 'un seul mois')
    .option('--json', 'en JSON')
    .action(async (opts: { source?: string; period?: string; json?: boolean }) => {
      try {
        const rows = await withStore((store) => listSourceImports(store.db, opts))
        if (opts.json) return printJson(rows)
        for (const r of rows)
          console.log(
            `n° ${r.id}  ${r.source.padEnd(15)} ${r.period}  ${r.fileName}  ${r.observations} valeurs, ${r.rejected} rejets, ${r.warnings} avert.  ${r.actor}  ${r.finishedAt ?? ''}${r.replacedBy ? `  (remplacé par n° ${r.replacedBy})` : ''}`,
          )
      } catch (error) {
        reportError(error)
      }
    })
  imports
    .command('issues')
    .description('Le rapport d’erreurs d’un import, en CSV (ligne, colonne, valeur, motif)')
    .argument('<id>', 'le numéro d’import')
    .action(async (id: string) => {
      try {
        const csv = await withStore((store) => issuesCsv(store.db, Number(id)))
        if (csv === null) throw new UsageError(`pas d'import n° ${id}`)
        process.stdout.write(csv)
      } catch (error) {
        reportError(error)
      }
    })

  const sources = program.command('sources').description('Les sources mensuelles déclarées')
  sources.command('list', { isDefault: true }).action(() => {
    for (const s of Object.values(NATIONAL_SOURCES))
      console.log(`${s.code.padEnd(15)} ${s.label} — niveau ${s.level} — ${s.fileNamePattern}`)
  })
  sources
    .command('mapping')
    .description('Enregistrer une correspondance d’en-têtes pour un fichier dont les en-têtes diffèrent')
    .argument('[source]', 'la source')
    .argument('[nom]', 'le nom de la correspondance')
    .option('--header <colonne=en-tête...>', 'colonne documentée = en-tête du fichier (répétable)')
    .action(async (source: string | undefined, name: string | undefined, opts: { header?: string[] }) => {
      try {
        if (!source || !name || !opts.header?.length) {
          const rows = await withStore((store) => listMappings(store.db, source))
          return printJson(rows)
        }
        const definition = NATIONAL_SOURCES[source as keyof typeof NATIONAL_SOURCES]
        if (!definition) throw new UsageError(`source « ${source} » inconnue`)
        const headers: Record<string, string> = {}
        for (const pair of opts.header) {
          const [column = '', ...rest] = pair.split('=')
          if (!(column in definition.columns) || rest.length === 0)
            throw new UsageError(
              `--header ${pair} : attendu colonne=en-tête, colonnes de ${source} : ${Object.keys(definition.columns).join(', ')}`,
            )
          headers[column] = rest.join('=')
        }
        await withStore((store) => saveSourceMapping(store, cliActor(), { source, name, headers }))
        console.log(`Correspondance « ${name} » enregistrée pour ${definition.label}`)
      } catch (error) {
        reportError(error)
      }
    })
}
