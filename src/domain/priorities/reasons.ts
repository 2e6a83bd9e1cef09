// Why a site is on a priority list, in French: one finding per part of a criterion it meets (an indicator,
// a Ségur order, a status), and one reason per criterion, its findings joined.
import { findGridColumn } from '../grid/columns'
import { findIndicator, SEGUR_KIND_LABELS, type SegurKind } from '../observations/indicators'
import { periodLabel, type Period } from '../observations/period'
import { CRITERIA, type PriorityCriterionId } from './criteria'

export type Finding =
  | {
      criterion: 'sun-es-sous-cible'
      indicator: string
      /** Exact decimal text, a percentage. */
      value: string
      target: number
      window: string
      monthsLeft: number
    }
  | { criterion: 'ehpad-dmp-non-actif'; status: string }
  | { criterion: 'commande-sans-va'; kind: SegurKind; signedSince: Period; months: number }
  | { criterion: 'esms-sans-dui' }
  | { criterion: 'en-recul'; column: string; before: string | null; after: string | null }
  | { criterion: 'sans-donnee'; lastMonth: Period | null; months: number | null }

/** "35,5 %": French decimal comma, trailing zeros dropped, no float arithmetic. */
export function percentText(value: string): string {
  const [whole = '0', fraction = ''] = value.split('.')
  const kept = fraction.replace(/0+$/, '')
  return `${whole}${kept ? `,${kept}` : ''} %`
}

const months = (n: number) => `${n} mois`

/** A column's value as the grid's vocabulary labels it. */
function statusLabel(column: string, code: string | null): string {
  if (code === null) return 'non renseigné'
  const status = findGridColumn(column)?.statuses?.find((s) => s.code === code)
  if (status) return status.label
  if (code === 'oui') return 'oui'
  if (code === 'non') return 'non'
  return code
}

export function findingText(finding: Finding): string {
  switch (finding.criterion) {
    case 'sun-es-sous-cible': {
      const label = findIndicator(finding.indicator)?.label ?? finding.indicator
      const end =
        finding.monthsLeft === 0 ? 'se termine ce mois-ci' : `se termine dans ${months(finding.monthsLeft)}`
      return `${label} : ${percentText(finding.value)} pour une cible de ${finding.target} % (fenêtre ${finding.window}, ${end})`
    }
    case 'ehpad-dmp-non-actif':
      return finding.status === 'equipe'
        ? 'DMP en EHPAD : équipé, pas encore actif'
        : 'DMP en EHPAD : convention signée, pas encore actif'
    case 'commande-sans-va':
      return `Commande ${SEGUR_KIND_LABELS[finding.kind]} signée en ${periodLabel(finding.signedSince)}, pas de VA après ${months(finding.months)}`
    case 'esms-sans-dui':
      return 'Financé par ESMS numérique, DUI pas en place'
    case 'en-recul': {
      const label = findGridColumn(finding.column)?.label ?? finding.column
      return `${label} : ${statusLabel(finding.column, finding.before)} → ${statusLabel(finding.column, finding.after)}`
    }
    case 'sans-donnee':
      return finding.lastMonth === null
        ? 'Aucune donnée nationale reçue'
        : `Aucune donnée nationale depuis ${periodLabel(finding.lastMonth)} (${months(finding.months ?? 0)})`
  }
}

export interface Reason {
  criterion: PriorityCriterionId
  label: string
  weight: number
  text: string
}

/** One reason per criterion met, in the criteria's order, its findings joined. */
export function reasonsOf(
  findings: readonly Finding[],
  weights: ReadonlyMap<PriorityCriterionId, number>,
): Reason[] {
  const out: Reason[] = []
  for (const [criterion, weight] of weights) {
    const texts = findings.filter((f) => f.criterion === criterion).map(findingText)
    if (texts.length === 0) continue
    out.push({ criterion, label: CRITERIA[criterion].label, weight, text: [...new Set(texts)].join(' ; ') })
  }
  return out
}

/** A site's score: the sum of the weights of the criteria it meets. */
export function scoreOf(reasons: readonly Reason[]): number {
  return reasons.reduce((sum, r) => sum + r.weight, 0)
}
