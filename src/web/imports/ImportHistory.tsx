// The history of monthly imports, newest first, filtered by source and month from the URL; each row
// says who imported which file when, what it loaded, and which later import replaced it.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { ChoiceSelect } from '../ChoiceSelect'
import { DataTable, type Column } from '../DataTable'
import { useFieldDraft } from '../field-draft'
import { FilterButtons } from '../FilterButtons'
import { formatCount } from '../format'
import { navigate } from '../router'
import { importsHref } from './history-params'
import { formatDateTime, formatNumber, formatPeriod } from './import-format'
import {
  fetchImportHistory,
  issuesCsvHref,
  type HistoryFilter,
  type ImportSummary,
  type SourceInfo,
} from './imports-api'

interface Props {
  filter: HistoryFilter
  sources: SourceInfo[] | undefined
}

function columns(sources: SourceInfo[] | undefined): Column<ImportSummary>[] {
  const label = (code: string) => sources?.find((s) => s.code === code)?.label ?? code
  return [
    { key: 'id', header: 'N°', cell: (i) => i.id },
    { key: 'source', header: 'Source', cell: (i) => label(i.source) },
    { key: 'period', header: 'Mois', cell: (i) => formatPeriod(i.period) },
    { key: 'file', header: 'Fichier', cell: (i) => i.fileName, wide: true },
    {
      key: 'when',
      header: 'Importé',
      cell: (i) => (
        <>
          le {formatDateTime(i.startedAt)}
          <br />
          par {i.actor}
        </>
      ),
    },
    { key: 'values', header: 'Valeurs', cell: (i) => formatNumber(i.observations) },
    {
      key: 'issues',
      header: 'Anomalies',
      cell: (i) => (
        <>
          {formatCount(i.rejected, 'rejet')}
          <br />
          {formatCount(i.warnings, 'avertissement')}
          {i.rejected + i.warnings > 0 && (
            <>
              <br />
              <a className={fr.cx('fr-link', 'fr-text--sm')} href={issuesCsvHref(i.id)} download>
                rapport d’erreurs (CSV)<span className={fr.cx('fr-sr-only')}> de l’import n° {i.id}</span>
              </a>
            </>
          )}
        </>
      ),
    },
    {
      key: 'replaced',
      header: 'État',
      cell: (i) => (i.replacedBy === null ? 'en vigueur' : `remplacé par n° ${i.replacedBy}`),
    },
  ]
}

function HistoryFilters({ filter, sources }: Props) {
  const { draft, bind } = useFieldDraft<HistoryFilter>(filter)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    navigate(importsHref(draft))
  }
  const choices = [
    ...(sources ?? []).map((s) => ({ value: s.code, label: s.label })),
    // A source named by the URL that the list does not know stays shown.
    ...(filter.source && !sources?.some((s) => s.code === filter.source)
      ? [{ value: filter.source, label: filter.source }]
      : []),
  ]
  return (
    <form role="search" aria-label="Filtres de l’historique" onSubmit={submit} className={fr.cx('fr-mb-3w')}>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <ChoiceSelect
            label="Source des imports"
            field={bind('source')}
            noChoice="Toutes les sources"
            choices={choices}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Mois des imports"
            hintText="Au format AAAA-MM"
            nativeInputProps={{ ...bind('period'), type: 'month', placeholder: 'AAAA-MM' }}
          />
        </div>
      </div>
      <FilterButtons onReset={() => navigate(importsHref({}))} resetLabel="Tout afficher" />
    </form>
  )
}

export function ImportHistory({ filter, sources }: Props) {
  const history = useQuery({
    queryKey: ['imports-history', filter],
    queryFn: ({ signal }) => fetchImportHistory(filter, signal),
    placeholderData: keepPreviousData,
  })
  const { data, error, isPending, isFetching } = history
  return (
    <section aria-labelledby="historique-imports" aria-busy={isFetching}>
      <h2 id="historique-imports">Historique des imports</h2>
      <HistoryFilters filter={filter} sources={sources} />
      {error ? (
        <Alert
          severity="error"
          role="alert"
          title="L’historique n’a pas pu être chargé"
          description={error.message}
        />
      ) : isPending ? (
        <p role="status">Chargement de l’historique…</p>
      ) : (
        <>
          <p aria-live="polite" className={fr.cx('fr-text--bold')}>
            {formatCount(data.length, 'import')}
          </p>
          {data.length > 0 && (
            <DataTable
              caption="Imports des sources mensuelles, du plus récent au plus ancien"
              hideCaption
              columns={columns(sources)}
              rows={data}
              rowKey={(i) => String(i.id)}
            />
          )}
        </>
      )}
    </section>
  )
}
