// Targets against measured rates, one row per indicator, with a reached / not reached badge.
import { Badge } from '@codegouvfr/react-dsfr/Badge'
import { DataTable, type Column } from '../DataTable'
import { formatPercent } from './french-number'
import { reachedBadge, type TargetRow } from './key-figures'

export function TargetsTable({ targets }: { targets: TargetRow[] }) {
  const scoped = targets.some((t) => t.scope)
  const columns: Column<TargetRow>[] = [
    ...(scoped ? [{ key: 'scope', header: 'Domaine', cell: (t: TargetRow) => t.scope ?? '' }] : []),
    {
      key: 'indicator',
      header: 'Indicateur',
      cell: (t) => (t.code ? `${t.label} (${t.code})` : t.label),
      wide: true,
    },
    {
      key: 'target',
      header: 'Cible',
      cell: (t) => (t.target === null ? 'indéterminée' : formatPercent(t.target)),
    },
    {
      key: 'rate',
      header: 'Taux mesuré',
      cell: (t) => (t.rate === null ? 'non mesuré' : formatPercent(t.rate)),
    },
    {
      key: 'reached',
      header: 'Atteinte',
      cell: (t) => {
        const badge = reachedBadge(t.reached, 'Cible', true)
        return (
          <Badge as="span" small noIcon severity={badge.severity}>
            {t.reached === null ? 'indéterminée' : t.reached ? 'atteinte' : 'non atteinte'}
          </Badge>
        )
      },
    },
  ]
  return (
    <DataTable
      caption="Cibles et taux mesurés"
      hideCaption
      columns={columns}
      rows={targets}
      rowKey={(t) => `${t.scope ?? ''}-${t.indicator}`}
    />
  )
}
