// `jalon finess import FILE [--strict] [--json]` and `jalon finess imports`.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Command } from 'commander'
import { importFinessFile, type FinessImportReport, type SiteRef } from '../app/import-finess'
import { listFinessImports } from '../store/finess-imports'
import { printJson, reportError, terminalProgress, UsageError, withStore } from './context'
import { cliActor } from '../app/access/actor'

const SHOWN = 20

function refs(title: string, list: SiteRef[]): string[] {
  if (list.length === 0) return []
  const shown = list
    .slice(0, SHOWN)
    .map((r) => `    ${r.finessEg}${r.line === null ? '' : ` (ligne ${r.line})`}`)
  return [
    `  ${title} :`,
    ...shown,
    ...(list.length > SHOWN
      ? [`    … et ${list.length - SHOWN} autres (--json pour la liste complète)`]
      : []),
  ]
}

export function formatReport(r: FinessImportReport): string {
  const c = r.counts
  // An etalab extract is the whole register: what it no longer lists is closed. A FiNESS+ flow is a delta
  // that closes sites explicitly, and it also carries legal entities and groups.
  const finessPlus = r.format === 'finessplus'
  const issues = r.issues
    .slice(0, SHOWN)
    .map(
      (i) =>
        `    ligne ${i.line} [${i.severity === 'rejected' ? 'rejetée' : 'avertissement'}] ${i.finess ?? ''} ${i.message}`,
    )
  return [
    `Import n° ${r.importId} : ${r.fileName} (extrait du ${r.extractDate}, ${r.encoding}, sha256 ${r.sha256.slice(0, 16)}…)`,
    `  ${c.sitesRead} établissements lus : ${c.created} nouveaux, ${c.changed} modifiés, ${c.unchanged} inchangés, ${c.reopened} rouverts, ${c.closed} fermés`,
    ...(finessPlus ? [`  ${c.legalEntities} entités juridiques et ${c.groups} groupements lus`] : []),
    `  ${c.rejected} lignes rejetées, ${c.warnings} avertissements`,
    ...refs('Nouveaux', r.created),
    ...refs('Modifiés', r.changed),
    ...refs('Rouverts', r.reopened),
    ...refs(finessPlus ? 'Fermés' : 'Fermés (absents du fichier)', r.closed),
    ...(issues.length ? ['  Lignes signalées :', ...issues] : []),
    ...(r.issues.length > SHOWN
      ? [`    … et ${r.issues.length - SHOWN} autres (--json pour la liste complète)`]
      : []),
  ].join('\n')
}

export function registerFinessCommands(program: Command): void {
  const finess = program.command('finess').description('Référentiel FINESS des établissements')
  finess
    .command('import')
    .description(
      'Importer un extrait FINESS etalab (etalab-cs1100507-stock-*.csv) ou un flux quotidien FiNESS+ (JSON), éventuellement .gz',
    )
    .argument('<fichier>', 'le fichier à importer')
    .option('--strict', 'refuser tout le fichier si une ligne est rejetée')
    .option('--json', 'afficher le rapport en JSON')
    .action(async (file: string, opts: { strict?: boolean; json?: boolean }) => {
      try {
        const bytes = await readFile(file).catch(() => {
          throw new UsageError(`impossible de lire le fichier ${file}`)
        })
        const report = await withStore((store) =>
          importFinessFile(store, {
            fileName: basename(file),
            bytes,
            strict: !!opts.strict,
            onProgress: opts.json ? undefined : terminalProgress(),
            actor: cliActor(),
          }),
        )
        if (opts.json) printJson(report)
        else console.log(formatReport(report))
      } catch (error) {
        reportError(error)
      }
    })
  finess
    .command('imports')
    .description('Historique des imports FINESS')
    .option('--json', 'afficher en JSON')
    .action(async (opts: { json?: boolean }) => {
      try {
        const imports = await withStore((store) => listFinessImports(store.db))
        if (opts.json) return printJson(imports)
        for (const i of imports) {
          const c = i.counts
          console.log(
            `n° ${i.id}  ${i.startedAt}  ${i.fileName}  extrait du ${i.extractDate ?? '?'} : ${c.sites_read} lus, ${c.created_count} nouveaux, ${c.changed_count} modifiés, ${c.closed_count} fermés, ${c.rejected_count} rejetés`,
          )
        }
      } catch (error) {
        reportError(error)
      }
    })
}
