// "Ouvert" / "Fermé" as a DSFR badge.
import { Badge } from '@codegouvfr/react-dsfr/Badge'
import { formatDate } from './format'

export function StatusBadge({ closed, closedOn }: { closed: boolean; closedOn?: string | null }) {
  return closed ? (
    <Badge as="span" severity="error" small noIcon>
      {closedOn ? `Fermé le ${formatDate(closedOn)}` : 'Fermé'}
    </Badge>
  ) : (
    <Badge as="span" severity="success" small noIcon>
      Ouvert
    </Badge>
  )
}
