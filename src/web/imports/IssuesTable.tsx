// The anomalies of a file: line, column, value and reason, the first 50 of them, then how many more and,
// once the import is recorded, the link to the whole report as a CSV.
import { fr } from '@codegouvfr/react-dsfr'
import { Badge } from '@codegouvfr/react-dsfr/Badge'
import { DataTable, type Column } from '../DataTable'
import { formatCount, orNotGiven } from '../format'
import { issuesCsvHref, type ImportIssue } from './imports-api'

export const SHOWN_ISSUES = 50

interface Props {
  issues: ImportIssue[]
  /** All the anomalies, when the server sent only the first ones. */
  total?: number
  /** Field key → column header, to name the column as the file does. */
  columnNames: Record<string, string>
  /** The recorded import, whose full report can be downloaded. */
  importId: number | null
}

function columns(names: Record<string, string>): Column<ImportIssue>[] {
  return [
    { key: 'line', header: 'Ligne', cell: (i) => (i.line > 0 ? i.line : 'fichier') },
    { key: 'field', header: 'Colonne', cell: (i) => (i.field ? (names[i.field] ?? i.field) : '—') },
    { key: 'value', header: 'Valeur', cell: (i) => orNotGiven(i.value) },
    { key: 'message', header: 'Motif', cell: (i) => i.message, wide: true },
    {
      key: 'severity',
      header: 'Effet',
      cell: (i) =>
        i.severity === 'rejected' ? (
          <Badge as="span" severity="error" small noIcon>
            Rejet
          </Badge>
        ) : (
          <Badge as="span" severity="warning" small noIcon>
            Avertissement
          </Badge>
        ),
    },
  ]
}

export function IssuesTable({ issues, total = issues.length, columnNames, importId }: Props) {
  if (total === 0) return <p>Aucune anomalie dans le fichier.</p>
  const shown = issues.slice(0, SHOWN_ISSUES)
  const more = total - shown.length
  return (
    <>
      <DataTable
        caption={`${formatCount(total, 'anomalie')} dans le fichier`}
        columns={columns(columnNames)}
        rows={shown}
        rowKey={(i) => String(shown.indexOf(i))}
        className={fr.cx('fr-mb-1w')}
      />
      {more > 0 && <p className={fr.cx('fr-mb-1w')}>… et {formatCount(more, 'autre')}.</p>}
      {importId !== null && (
        <p>
          <a className={fr.cx('fr-link', 'fr-link--download')} href={issuesCsvHref(importId)} download>
            Rapport d’erreurs complet (CSV)
            <span className={fr.cx('fr-link__detail')}>
              ligne, colonne, valeur, motif ; import n° {importId}
            </span>
          </a>
        </p>
      )}
    </>
  )
}
