// The history of monthly imports, newest first, filtered by source and month from the URL; each row
// says who imported which file when, what it loaded, and which later import replaced it.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { DataTable, type Column } from '../DataTable'
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
  const [source, setSource] = useState(filter.source ?? '')
  const [period, setPeriod] = useState(filter.period ?? '')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    navigate(importsHref({ source, period }))
  }
  return (
    <form role="search" aria-label="Filtres de l’historique" onSubmit={submit} className={fr.cx('fr-mb-3w')}>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select
            label="Source des imports"
            nativeSelectProps={{
              name: 'source',
              value: source,
              onChange: (event) => setSource(event.target.value),
            }}
          >
            <option value="">Toutes les sources</option>
            {sources?.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
            {filter.source && !sources?.some((s) => s.code === filter.source) && (
              <option value={filter.source}>{filter.source}</option>
            )}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Mois des imports"
            hintText="Au format AAAA-MM"
            nativeInputProps={{
              name: 'period',
              type: 'month',
              placeholder: 'AAAA-MM',
              value: period,
              onChange: (event) => setPeriod(event.target.value),
            }}
          />
        </div>
      </div>
      <ul
        className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left', 'fr-mt-2w')}
      >
        <li>
          <Button type="submit" iconId="fr-icon-filter-line" iconPosition="left">
            Filtrer
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => navigate(importsHref({}))}>
            Tout afficher
          </Button>
        </li>
      </ul>
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
