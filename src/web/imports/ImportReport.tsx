// The report of a finished import or simulation: what was read, what it changes compared with the import
// of the same month it replaces, examples of changed values, the anomalies, and after a simulation the
// button that imports the same file for good.
import { fr } from '@codegouvfr/react-dsfr'
import { Badge } from '@codegouvfr/react-dsfr/Badge'
import { Button } from '@codegouvfr/react-dsfr/Button'
import type { Ref } from 'react'
import { findIndicator } from '../../domain/observations/indicators'
import { DataTable, type Column } from '../DataTable'
import { orNotGiven } from '../format'
import { Facts } from '../structure/Facts'
import { columnHeaders, formatNumber, formatPeriod } from './import-format'
import type { ImportReport as Report, SourceInfo, ValueChange } from './imports-api'
import { IssuesTable } from './IssuesTable'

interface Props {
  report: Report
  source: SourceInfo | undefined
  headingRef: Ref<HTMLHeadingElement>
  /** After a simulation: imports the same file for good. */
  onCommit: (() => void) | null
  busy: boolean
}

const CHANGE_COLUMNS: Column<ValueChange>[] = [
  {
    key: 'indicator',
    header: 'Indicateur',
    cell: (c) => findIndicator(c.indicator)?.label ?? c.indicator,
    wide: true,
  },
  { key: 'finess', header: 'FINESS', cell: (c) => c.finess },
  { key: 'level', header: 'Niveau', cell: (c) => c.level },
  { key: 'before', header: 'Avant', cell: (c) => orNotGiven(c.before) },
  { key: 'after', header: 'Après', cell: (c) => orNotGiven(c.after) },
]

export function ImportReport({ report, source, headingRef, onCommit, busy }: Props) {
  const { counts, changes } = report
  const verb = report.dryRun ? 'remplacerait' : 'remplace'
  return (
    <section aria-labelledby="rapport-import" className={fr.cx('fr-mb-6w')}>
      <h2 id="rapport-import" ref={headingRef} tabIndex={-1} className={fr.cx('fr-h3', 'fr-mb-1w')}>
        {report.importId === null ? 'Résultat de la simulation' : `Import n° ${report.importId} enregistré`}
      </h2>
      <p className={fr.cx('fr-mb-1w')}>
        {report.dryRun ? (
          <Badge as="span" severity="info">
            Simulation : rien n’a été enregistré
          </Badge>
        ) : (
          <Badge as="span" severity="success">
            Enregistré
          </Badge>
        )}
      </p>
      <p className={fr.cx('fr-mb-3w')}>
        {report.sourceLabel}, {formatPeriod(report.period)} : {report.fileName}
        <span className={fr.cx('fr-hint-text')}>
          {report.format.toUpperCase()}
          {report.encoding ? `, encodage ${report.encoding}` : ''}
          {report.format === 'xlsx' ? `, feuille « ${report.sheet} »` : ''}, en-têtes en ligne{' '}
          {report.headerLine}
        </span>
      </p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mb-3w')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>Le fichier</h3>
          <Facts
            facts={[
              { label: 'Lignes lues', value: formatNumber(counts.rowsRead) },
              { label: 'Lignes rejetées', value: formatNumber(counts.rowsRejected) },
              { label: 'Structures', value: formatNumber(counts.structures) },
              { label: 'Valeurs', value: formatNumber(counts.observations) },
              { label: 'Avertissements', value: formatNumber(counts.warnings) },
            ]}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>Par rapport à l’import précédent du mois</h3>
          <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
            {report.replacedImportId === null
              ? 'Aucun import précédent pour ce mois : toutes les valeurs sont nouvelles.'
              : `Cet import ${verb} l’import n° ${report.replacedImportId}.`}
          </p>
          <Facts
            facts={[
              { label: 'Valeurs nouvelles', value: formatNumber(changes.added) },
              { label: 'Valeurs modifiées', value: formatNumber(changes.changed) },
              { label: 'Valeurs supprimées', value: formatNumber(changes.removed) },
              { label: 'Valeurs inchangées', value: formatNumber(changes.unchanged) },
            ]}
          />
        </div>
      </div>
      {onCommit && (
        <div className={fr.cx('fr-mb-4w')}>
          <Button type="button" onClick={onCommit} disabled={busy} iconId="fr-icon-check-line">
            Importer pour de bon
          </Button>
          <p className={fr.cx('fr-hint-text', 'fr-mt-1w')}>
            Enregistre le même fichier pour {formatPeriod(report.period)}
            {report.replacedImportId === null ? '' : `, à la place de l’import n° ${report.replacedImportId}`}
            .
          </p>
        </div>
      )}
      {changes.examples.length > 0 && (
        <DataTable
          caption={`Exemples de changements (les ${changes.examples.length} premiers)`}
          columns={CHANGE_COLUMNS}
          rows={changes.examples}
          rowKey={(c) => `${c.indicator}-${c.level}-${c.finess}`}
        />
      )}
      <IssuesTable
        issues={report.issues}
        total={report.issuesTotal}
        columnNames={{ ...columnHeaders(source), ...report.columns }}
        importId={report.importId}
      />
    </section>
  )
}
