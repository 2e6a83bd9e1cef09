// What each FINESS import changed on the structure, newest first as the API gives it.
import { fr } from '@codegouvfr/react-dsfr'
import { Badge } from '@codegouvfr/react-dsfr/Badge'
import type { SiteChange, StructureDetail } from '../../domain/contract/structures'
import { DataTable, type Column } from '../DataTable'
import { formatChangeValue, formatDate } from '../format'
import { fieldLabel } from './field-labels'

const KINDS: Record<SiteChange['kind'], { label: string; severity: 'info' | 'error' | 'success' }> = {
  changed: { label: 'Modification', severity: 'info' },
  closed: { label: 'Fermeture', severity: 'error' },
  reopened: { label: 'Réouverture', severity: 'success' },
  'pmsi-override': { label: 'FINESS PMSI saisi', severity: 'info' },
}

interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

const COLUMNS: Column<FieldChange>[] = [
  { key: 'field', header: 'Champ', cell: (c) => fieldLabel(c.field) },
  { key: 'before', header: 'Avant', cell: (c) => formatChangeValue(c.before), wide: true },
  { key: 'after', header: 'Après', cell: (c) => formatChangeValue(c.after), wide: true },
]

function ChangeEntry({ change }: { change: SiteChange }) {
  const kind = KINDS[change.kind]
  const rows = Object.entries(change.changes).map(([field, { before, after }]) => ({ field, before, after }))
  const origin =
    change.importId === null
      ? `Saisie par ${change.actor ?? '?'} le ${formatDate(change.recordedAt.slice(0, 10))}${change.note ? ` : ${change.note}` : ''}`
      : `Import n° ${change.importId} · ${change.fileName ?? ''} · extraction du ${formatDate(change.extractDate)}`
  const title = (
    <>
      {origin}{' '}
      <Badge as="span" severity={kind.severity} small noIcon>
        {kind.label}
      </Badge>
    </>
  )
  if (rows.length === 0) return <p className={fr.cx('fr-text--bold')}>{title}</p>
  return <DataTable caption={title} columns={COLUMNS} rows={rows} rowKey={(r) => r.field} />
}

export function ChangeHistory({ structure }: { structure: StructureDetail }) {
  return (
    <section aria-labelledby="historique">
      <h2 id="historique">Historique des modifications</h2>
      <p>Fiche créée par l’import n° {structure.createdByImportId}.</p>
      {structure.changes.length === 0 ? (
        <p>Aucune modification depuis.</p>
      ) : (
        <ol className={fr.cx('fr-raw-list')}>
          {structure.changes.map((change) => (
            <li key={`${change.importId ?? change.recordedAt}-${change.kind}`} className={fr.cx('fr-mb-3w')}>
              <ChangeEntry change={change} />
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
