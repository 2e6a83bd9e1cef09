// How the report names the programmes and where a SUN-ES measurement window stands.
import type { AttainmentCount } from '../contract/dashboard-programmes'
import type { WINDOW_STATES } from '../contract/dashboard-programmes'

export const PROGRAMME_LABELS: Readonly<Record<AttainmentCount['programme'], string>> = {
  'sun-es': 'SUN-ES',
  hopen2: 'HOPEN 2',
  ifaq: 'IFAQ',
}

export const WINDOW_STATE_LABELS: Readonly<Record<(typeof WINDOW_STATES)[number], string>> = {
  'a-venir': 'à venir',
  'en-cours': 'en cours',
  terminee: 'terminée',
}
