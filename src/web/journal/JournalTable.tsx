// One page of the journal: when, who, what, on which establishment, field and month, and the value before
// and after. Every value is shown as text.
import { fr } from '@codegouvfr/react-dsfr'
import type { AuditEvent } from '../../domain/contract/access'
import { DataTable, type Column } from '../DataTable'
import { formatDateTime, formatPeriod, NOT_GIVEN } from '../format'
import { Link } from '../Link'
import { structureHref } from '../router'
import { auditValueText } from './audit-values'

const COLUMNS: Column<AuditEvent>[] = [
  { key: 'at', header: 'Date et heure', cell: (e) => formatDateTime(e.at) },
  { key: 'actor', header: 'Qui', cell: (e) => e.actorLabel },
  { key: 'action', header: 'Action', cell: (e) => e.actionLabel },
  {
    key: 'finess',
    header: 'Établissement',
    cell: (e) => (e.finess ? <Link href={structureHref(e.finess)}>{e.finess}</Link> : NOT_GIVEN),
  },
  { key: 'field', header: 'Champ', cell: (e) => e.fieldLabel ?? e.field ?? NOT_GIVEN, wide: true },
  { key: 'period', header: 'Mois', cell: (e) => (e.period ? formatPeriod(e.period) : NOT_GIVEN) },
  {
    key: 'change',
    header: 'Avant → après',
    wide: true,
    cell: (e) => (
      <>
        {auditValueText(e.before, e.field)} <span aria-hidden="true">→</span>
        <span className={fr.cx('fr-sr-only')}>{' devient'}</span> {auditValueText(e.after, e.field)}
      </>
    ),
  },
]

export function JournalTable({ events }: { events: AuditEvent[] }) {
  return (
    <DataTable
      caption="Modifications, de la plus récente à la plus ancienne"
      hideCaption
      columns={COLUMNS}
      rows={events}
      rowKey={(e) => String(e.id)}
    />
  )
}
