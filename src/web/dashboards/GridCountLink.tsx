// A count of the dashboard that opens the tracking grid on the sites it counts, at the month it was read,
// with the same filters: the link says so to screen readers.
import { fr } from '@codegouvfr/react-dsfr'
import { Link } from '../Link'
import { formatNumber } from './dashboard-format'
import { gridHref, type DashboardView } from './dashboard-params'

interface Props {
  count: number
  view: DashboardView
  period: string
  column: string
  op: 'eq' | 'empty' | 'filled'
  value?: string
  /** What the sites are, for screen readers: "Commande DPI, Commande signée". */
  what: string
}

export function GridCountLink({ count, view, period, column, op, value, what }: Props) {
  return (
    <Link href={gridHref(view, period, column, op, value ?? null)}>
      {formatNumber(count)}
      <span className={fr.cx('fr-sr-only')}> établissements dans la grille : {what}</span>
    </Link>
  )
}
