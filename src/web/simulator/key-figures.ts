// What a result says first, whatever its programme: a headline figure, badges (category, reached), the
// key amounts and rates, and the targets with their measured rates. Pure: the panel only lays it out.
import type { TargetResult } from '../../domain/programmes/types'
import { formatEuros, formatNumber, formatPercent } from './french-number'
import type { SimulatorResult } from './simulate-api'

export type BadgeSeverity = 'success' | 'error' | 'info' | 'warning' | 'new'

export interface KeyBadge {
  text: string
  severity?: BadgeSeverity
}

export interface KeyFact {
  label: string
  value: string
}

export interface TargetRow extends TargetResult {
  /** Whose target: the domain or objective, when a result has several. */
  scope?: string
}

export interface KeyFigures {
  headline: string
  badges: KeyBadge[]
  facts: KeyFact[]
  targets: TargetRow[]
}

const UNKNOWN = 'indéterminé'
const euros = (amount: string | null): string => (amount === null ? UNKNOWN : formatEuros(amount))

export function reachedBadge(reached: boolean | null, subject: string, feminine: boolean): KeyBadge {
  const word = feminine ? 'atteinte' : 'atteint'
  if (reached === null) return { text: `${subject} : atteinte indéterminée`, severity: 'warning' }
  return reached
    ? { text: `${subject} ${word}`, severity: 'success' }
    : { text: `${subject} non ${word}`, severity: 'error' }
}

function categoryBadge(category: { code: string; capped: boolean } | null): KeyBadge[] {
  if (!category) return []
  return [
    {
      text: `Catégorie ${category.code}${category.capped ? ' (au-delà du barème)' : ''}`,
      severity: 'info',
    },
  ]
}

export function keyFigures(result: SimulatorResult): KeyFigures {
  switch (result.kind) {
    case 'activite':
      return {
        headline:
          result.activiteCombinee === null
            ? 'Activité combinée non calculable'
            : `${formatNumber(result.activiteCombinee)} équivalents journées MCO`,
        badges: categoryBadge(result.category),
        facts: [],
        targets: [],
      }
    case 'sons': {
      const ris = result.dsr === 'RIS'
      // The ceiling itself is the headline; the HT amount (RIS) is not.
      const facts: KeyFact[] = []
      if (result.amountHt !== null) facts.push({ label: 'Plafond HT', value: euros(result.amountHt) })
      if (result.tranche) {
        const { code, from, to, min, max } = result.tranche
        const bounds = ris
          ? to === null
            ? `${formatNumber(from)} examens et plus`
            : `${formatNumber(from)} à ${formatNumber(to)} examens`
          : `activité de ${formatNumber(from)} à ${formatNumber(to ?? from)}`
        const amounts = min !== null && max !== null ? ` ; plafond de ${euros(min)} à ${euros(max)}` : ''
        facts.push({ label: 'Tranche', value: `${code} : ${bounds}${amounts}` })
      }
      const badges =
        ris && result.tranche
          ? [{ text: `Tranche ${result.tranche.code}`, severity: 'info' as const }]
          : categoryBadge(result.category)
      if (result.checksPassed !== null) badges.push(reachedBadge(result.checksPassed, 'Conditions', true))
      return {
        headline:
          result.amount === null ? 'Plafond non calculable' : `${euros(result.amount)}${ris ? ' TTC' : ''}`,
        badges,
        facts,
        targets: [],
      }
    }
    case 'sun-es': {
      const { window } = result
      return {
        headline:
          result.earnedAmount !== null
            ? `${euros(result.earnedAmount)} acquis`
            : result.amount !== null
              ? `${euros(result.amount)} en jeu`
              : 'Montant indéterminé',
        badges: [
          ...categoryBadge(result.category),
          {
            text: `Fenêtre ${window.number} : forfait à ${formatPercent(window.degressivity)}`,
            severity: 'info',
          },
          reachedBadge(result.reached, 'Cibles', false),
        ],
        facts: [
          { label: 'Montant en jeu', value: euros(result.amount) },
          { label: 'Montant acquis', value: euros(result.earnedAmount) },
          ...result.domains.map((d) => ({
            label: d.label,
            value:
              d.eligible === false
                ? 'non éligible'
                : `forfait à 100 % ${euros(d.forfait)} ; montant ${euros(d.amount)} ; acquis ${euros(d.earnedAmount)}`,
          })),
          { label: 'Prérequis', value: yesNo(result.prerequisitesMet) },
        ],
        targets: result.domains.flatMap((d) =>
          [...d.targets, ...(d.bonus ? [d.bonus] : [])].map((t) => ({ ...t, scope: d.domain })),
        ),
      }
    }
    case 'hopen2':
      return {
        headline:
          result.earnedAmount !== null
            ? `${euros(result.earnedAmount)} acquis`
            : `Objectif ${result.objective.id} ${result.reached === null ? `: atteinte ${UNKNOWN}e` : result.reached ? 'atteint' : 'non atteint'}`,
        badges: [reachedBadge(result.reached, 'Objectif', false)],
        facts: [
          { label: 'Objectif', value: `${result.objective.id} — ${result.objective.label}` },
          {
            label: 'Forfait saisi',
            value: result.amount === null ? 'non saisi (non public)' : euros(result.amount),
          },
          ...(result.amount === null
            ? []
            : [
                { label: 'Amorçage', value: euros(result.advance) },
                { label: 'Solde', value: euros(result.balance) },
                { label: 'Montant acquis', value: euros(result.earnedAmount) },
              ]),
          { label: 'Prérequis P1.P1 à P1.P4', value: yesNo(result.prerequisitesMet) },
        ],
        targets: result.targets,
      }
    case 'ifaq':
      return {
        headline: `${formatPercent(result.rate)} pour une cible de ${formatPercent(result.target)}`,
        badges: [
          reachedBadge(result.reached, 'Cible', true),
          ...(result.mustReport === null
            ? []
            : [
                {
                  text: result.mustReport ? 'Recueil obligatoire' : 'Recueil non obligatoire',
                  severity: 'info' as const,
                },
              ]),
        ],
        facts: [
          { label: 'Indicateur', value: `${result.indicator} (${result.code}), ${result.year}` },
          {
            label: 'Taux',
            value: `${formatPercent(result.rate)} (${formatNumber(result.numerator)} / ${formatNumber(result.denominator)})`,
          },
          ...(result.targetStated
            ? []
            : [
                {
                  label: 'Cible',
                  value: `${formatPercent(result.target)} (non publiée : valeur par défaut)`,
                },
              ]),
        ],
        targets: [],
      }
  }
}

function yesNo(value: boolean | null): string {
  return value === null ? 'non renseignés' : value ? 'atteints' : 'non atteints'
}
