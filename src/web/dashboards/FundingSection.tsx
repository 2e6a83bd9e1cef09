// The money of the programme views: the amounts committed (ESMS numérique, each structure once) and the
// rules engine's forecasts (SUN-ES amount at stake, HOPEN 2 objectives), totalled per programme, each
// forecast with the engine's explanation one click away and a link to the establishment's page.
import { fr } from '@codegouvfr/react-dsfr'
import type { ProgrammeViews, SiteForecast } from '../../domain/contract/dashboard-programmes'
import { formatPeriod } from '../format'
import { Link } from '../Link'
import { structureHref } from '../router'
import { formatEuros } from '../structure/history-format'
import { ChartBlock } from './ChartBlock'
import { formatNumber, LEVEL_LABELS } from './dashboard-format'
import type { DashboardView } from './dashboard-params'
import { GridCountLink } from './GridCountLink'

type Forecast = ProgrammeViews['funding']['forecast']

function Explanation({ row }: { row: SiteForecast }) {
  return (
    <details>
      <summary>
        Explication
        <span className={fr.cx('fr-sr-only')}>
          {' '}
          : {row.label}, {row.name ?? row.finess}
        </span>
      </summary>
      <p className={fr.cx('fr-text--sm', 'fr-mb-1v')}>{row.summary}</p>
      {row.missing.length > 0 && (
        <p className={fr.cx('fr-text--sm', 'fr-mb-1v')}>Données manquantes : {row.missing.join(', ')}.</p>
      )}
      <pre className={fr.cx('fr-text--xs')} style={{ whiteSpace: 'pre-wrap' }}>
        {row.explanation}
      </pre>
    </details>
  )
}

function Totals({ forecast, period }: { forecast: Forecast; period: string }) {
  return (
    <ChartBlock
      title="Prévisions du moteur de règles, par programme"
      note={`Au point de suivi de ${formatPeriod(period)}, pour les structures ayant déclaré un taux (le FINESS PMSI, niveau auquel les programmes paient : un montant compte une fois) ; un montant que le moteur ne peut calculer faute d’une donnée est compté « non calculable », jamais estimé`}
      columns={[
        { key: 'label', header: 'Programme', wide: true, cell: (t) => t.label },
        { key: 'structures', header: 'Structures', cell: (t) => formatNumber(t.structures) },
        { key: 'amount', header: 'Montant calculé', cell: (t) => formatEuros(t.amount) },
        { key: 'undetermined', header: 'Non calculables', cell: (t) => formatNumber(t.undetermined) },
      ]}
      rows={forecast.totals}
      rowKey={(t) => t.programme}
      csv={{
        header: ['Programme', 'Structures', 'Montant calculé (€)', 'Non calculables'],
        rows: forecast.totals.map((t) => [t.label, t.structures, Number(t.amount), t.undetermined]),
      }}
      fileLabel={`tableau-de-bord-${period}`}
    />
  )
}

function Rows({ forecast, period }: { forecast: Forecast; period: string }) {
  const title = 'Prévisions par structure'
  return (
    <ChartBlock
      title={title}
      note={
        forecast.count > forecast.rows.length
          ? `Les ${formatNumber(forecast.rows.length)} premières sur ${formatNumber(forecast.count)}, par montant décroissant`
          : `${formatNumber(forecast.count)} prévisions, par montant décroissant`
      }
      columns={[
        {
          key: 'name',
          header: 'Structure',
          wide: true,
          cell: (r) =>
            r.site ? <Link href={structureHref(r.site)}>{r.name ?? r.finess}</Link> : (r.name ?? r.finess),
        },
        { key: 'finess', header: 'FINESS', cell: (r) => `${r.finess} (${LEVEL_LABELS[r.level]})` },
        { key: 'departement', header: 'Département', cell: (r) => r.departement ?? '—' },
        { key: 'label', header: 'Prévision', wide: true, cell: (r) => r.label },
        {
          key: 'amount',
          header: 'Montant',
          cell: (r) => (r.amount === null ? 'non calculable' : formatEuros(r.amount)),
        },
        {
          key: 'explanation',
          header: 'Explication du moteur',
          wide: true,
          cell: (r) => <Explanation row={r} />,
        },
      ]}
      rows={forecast.rows}
      rowKey={(r) => `${r.level}:${r.finess}:${r.id}`}
      csv={{
        header: [
          'Structure',
          'FINESS',
          'Niveau',
          'Département',
          'Prévision',
          'Montant (€)',
          'Données manquantes',
        ],
        rows: forecast.rows.map((r) => [
          r.name,
          r.finess,
          LEVEL_LABELS[r.level],
          r.departement,
          r.label,
          r.amount === null ? null : Number(r.amount),
          r.missing.join(', '),
        ]),
      }}
      fileLabel={`tableau-de-bord-${period}`}
    />
  )
}

export function FundingSection({ data, view }: { data: ProgrammeViews; view: DashboardView }) {
  const { committed, forecast } = data.funding
  return (
    <>
      <h3 className={fr.cx('fr-h4')}>Financements</h3>
      <p>
        Engagés — {committed.label}
        {committed.month ? ` (données de ${formatPeriod(committed.month)})` : ''} :{' '}
        <strong>{formatEuros(committed.amount)}</strong> pour{' '}
        {committed.month ? (
          <GridCountLink
            count={committed.fundedSites}
            view={view}
            period={data.period}
            column="esms.finance"
            op="eq"
            value="oui"
            what="financés par ESMS numérique"
          />
        ) : (
          formatNumber(committed.fundedSites)
        )}{' '}
        établissements financés.
      </p>
      <Totals forecast={forecast} period={data.period} />
      <Rows forecast={forecast} period={data.period} />
    </>
  )
}
