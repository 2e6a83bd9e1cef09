// What "got worse" means for a column between two follow-up points: a count or a rate that fell, a yes that
// became a no, or a status that moved down its scale. Scales are written here, worst first, for the
// statuses that have an order; other statuses (a contracting level, say) never "get worse".
import type { GridColumn } from './columns'

const SCALES: Readonly<Record<string, readonly string[]>> = {
  'suivi.meteo': ['non-demarre', 'alerte', 'en-cours', 'deploye'],
  'insi.organisation': ['non-demarre', 'alerte', 'en-cours', 'en-place'],
  'mss.raccordement': ['non-raccorde', 'raccorde', 'recepteur', 'emetteur'],
  'dmp.certificat.commande': ['non-commande', 'commande'],
  'derive.dmp-alimente': ['non', 'oui'],
  'derive.ehpad-dmp': ['aucun', 'convention-signee', 'equipe', 'actif'],
}
const ORDER_SCALE = ['non-signee', 'signee']

/** The status scale of a column, worst first; undefined when its values have no order. */
export function progressScale(column: GridColumn): readonly string[] | undefined {
  if (column.kind === 'boolean') return ['non', 'oui']
  if (column.key.startsWith('segur.commande.')) return ORDER_SCALE
  return SCALES[column.key]
}

/** Whether a column can be compared for "got worse": a number, a yes/no, or an ordered status. */
export function canGetWorse(column: GridColumn): boolean {
  return column.quantitative || progressScale(column) !== undefined
}
