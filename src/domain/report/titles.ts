// The titles the monthly report gives seed 000's tables, the same in the PDF and the workbook.
import { periodLabel } from '../observations/period'

/** A table's title with the month its values are for: "… — septembre 2022", or "… — aucune donnée". */
export function titleAt(title: string, month: string | null, prefix = ''): string {
  return `${title} — ${month === null ? 'aucune donnée' : `${prefix}${periodLabel(month)}`}`
}

export const RANKING_TITLES = {
  insiCumulative: 'Les 10 structures ayant le plus d’appels INSi cumulés',
  insiMonth: 'Les 10 structures ayant le plus d’appels INSi dans le mois',
  dmpMonth: 'Les 10 structures ayant envoyé le plus de documents au DMP dans le mois',
  insStarted: 'Sites ayant démarré l’INS (plus de 100 appels INSi) par catégorie',
} as const
