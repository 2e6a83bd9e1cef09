// `jalon structures list …` and `jalon structures show FINESS`.
import type { Command } from 'commander'
import { overridePmsi } from '../app/pmsi-override'
import { getStructure, listAllStructures } from '../app/structures'
import {
  finessParam,
  structureFilters,
  type StructureDetail,
  type StructureSummary,
} from '../domain/contract/structures'
import { SECTOR_LABELS } from '../domain/sector'
import { printJson, reportError, UsageError, withStore } from './context'
import { cliActor } from '../app/access/actor'

interface ListOptions {
  region?: string
  departement?: string
  sector?: string
  category?: string
  ej?: string
  q?: string
  status?: string
  json?: boolean
}

const pad = (text: string | null, width: number) => (text ?? '').slice(0, width).padEnd(width)

function formatRow(s: StructureSummary): string {
  return [
    s.finessEg,
    s.finessEj,
    pad(s.finessPmsi ?? '—', 9),
    pad(s.departement, 3),
    pad(s.categoryCode, 3),
    pad(SECTOR_LABELS[s.sector], 13),
    pad(s.closed ? `fermé ${s.closedOn}` : 'ouvert', 16),
    s.name,
  ].join('  ')
}

function formatDetail(d: StructureDetail): string {
  const line = (label: string, value: string | number | null | undefined) =>
    `  ${label.padEnd(22)} ${value ?? '—'}`
  return [
    `${d.name} (FINESS ET ${d.finessEg})${d.closed ? ` — FERMÉ le ${d.closedOn}` : ''}`,
    line('Raison sociale longue', d.nameLong),
    line(
      'Entité juridique',
      `${d.finessEj}${d.legalEntity.name ? ` ${d.legalEntity.name}` : ''} (${d.legalEntity.siteCount} site(s))`,
    ),
    line(
      'FINESS PMSI',
      d.pmsi.override
        ? `${d.pmsi.override} (forcé ; calculé : ${d.pmsi.computed ?? '—'})`
        : (d.pmsi.computed ?? 'sans objet (hors sanitaire)'),
    ),
    line(
      'Catégorie',
      `${d.category.code ?? '—'} ${d.category.label ?? ''}${d.category.closed ? ' (catégorie fermée)' : ''}`,
    ),
    line('Agrégat', `${d.category.aggregateCode ?? '—'} ${d.category.aggregateLabel ?? ''}`),
    line('Secteur', SECTOR_LABELS[d.sector]),
    line(
      'Adresse',
      [...d.address.lines, `${d.address.postalCode ?? ''} ${d.address.city ?? ''}`.trim()].join(', '),
    ),
    line('Département', `${d.departement ?? '—'} ${d.departementName ?? ''}`),
    line('Région', `${d.region ?? '—'} ${d.regionName ?? ''}`),
    line('SIRET', d.siret),
    line('Code APE', d.apeCode),
    line(
      'Mode de tarification',
      d.tariffMode.code ? `${d.tariffMode.code} ${d.tariffMode.label ?? ''}` : null,
    ),
    line('Statut SPH', d.sph.code ? `${d.sph.code} ${d.sph.label ?? ''}` : null),
    line("Date d'ouverture", d.openedOn),
    line('Mise à jour FINESS', d.updatedOn),
    line(
      'Position',
      d.position ? `${d.position.latitude.toFixed(5)}, ${d.position.longitude.toFixed(5)}` : null,
    ),
    ...(d.keyValid ? [] : ['  ⚠ la clé de contrôle du numéro FINESS est invalide']),
    ...(d.siblings.length
      ? ['  Autres sites de la même entité juridique :', ...d.siblings.map((s) => `    ${formatRow(s)}`)]
      : []),
    ...(d.changes.length
      ? [
          '  Historique :',
          ...d.changes.map(
            (c) =>
              `    import n° ${c.importId} (${c.fileName}, ${c.extractDate ?? '?'}) ${c.kind === 'changed' ? `modifié : ${Object.keys(c.changes).join(', ')}` : c.kind === 'closed' ? 'fermé' : 'rouvert'}`,
          ),
        ]
      : []),
  ].join('\n')
}

export function registerStructureCommands(program: Command): void {
  const structures = program.command('structures').description('Consulter les établissements du référentiel')
  structures
    .command('list')
    .description('Lister les établissements (ouverts par défaut)')
    .option('--region <code>', 'code INSEE de la région (ex. 53)')
    .option('--departement <code>', 'code INSEE du département (ex. 29, 2A, 971)')
    .option('--sector <secteur>', 'sanitaire | medico-social | social | autre')
    .option('--category <code>', "catégorie d'établissement (3 chiffres)")
    .option('--ej <finess>', 'FINESS juridique')
    .option('--q <texte>', 'texte cherché dans le numéro FINESS, le nom, la commune')
    .option('--status <état>', 'open | closed | all', 'open')
    .option('--json', 'afficher en JSON')
    .action(async (opts: ListOptions) => {
      try {
        const { json, ...raw } = opts
        const filters = structureFilters.parse(raw)
        const items = await withStore((store) =>
          listAllStructures(store, { ...filters, sort: 'finessEg', order: 'asc' }),
        )
        if (json) return printJson(items)
        for (const s of items) console.log(formatRow(s))
        console.error(`${items.length} établissement(s)`)
      } catch (error) {
        reportError(error)
      }
    })
  structures
    .command('show')
    .description('Afficher un établissement, son entité juridique, ses sites voisins et son historique')
    .argument('<finess>', 'FINESS géographique')
    .option('--json', 'afficher en JSON')
    .action(async (raw: string, opts: { json?: boolean }) => {
      try {
        const finess = finessParam.parse(raw)
        const detail = await withStore((store) => getStructure(store, finess))
        if (!detail) throw new UsageError(`aucun établissement ${finess} dans le référentiel`)
        if (opts.json) printJson(detail)
        else console.log(formatDetail(detail))
      } catch (error) {
        reportError(error)
      }
    })
  structures
    .command('pmsi')
    .description(
      'Saisir (ou effacer) le FINESS PMSI quand la règle ne convient pas ; la saisie est historisée',
    )
    .argument('<finess>', 'FINESS géographique')
    .option('--set <finess>', 'le FINESS PMSI à retenir')
    .option('--clear', 'revenir au FINESS PMSI calculé')
    .requiredOption('--reason <texte>', 'la raison, gardée dans l’historique')
    .action(async (raw: string, opts: { set?: string; clear?: boolean; reason: string }) => {
      try {
        if (!!opts.set === !!opts.clear) throw new UsageError('indiquez soit --set <finess>, soit --clear')
        const finessEg = finessParam.parse(raw)
        const actor = cliActor()
        const { before, after } = await withStore((store) =>
          overridePmsi(store, { finessEg, pmsi: opts.set ?? null, actor, note: opts.reason }),
        )
        console.log(
          `FINESS PMSI saisi de ${finessEg} : ${before ?? '(aucun)'} → ${after ?? '(aucun : valeur calculée)'}`,
        )
      } catch (error) {
        reportError(error)
      }
    })
}
