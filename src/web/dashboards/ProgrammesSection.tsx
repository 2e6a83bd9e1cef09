// The dashboard's programme views (issue 7 §1): SUN-ES candidates, the measurement windows with the domains
// reached in each, every objective's attainment at the follow-up point (each count opens the grid on those
// sites), then the money (FundingSection). Loaded apart from the rest of the dashboard.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { useQuery } from '@tanstack/react-query'
import type {
  AttainmentCount,
  ProgrammeViews,
  SunEsWindowView,
} from '../../domain/contract/dashboard-programmes'
import { PROGRAMME_LABELS, WINDOW_STATE_LABELS } from '../../domain/report/programme-labels'
import { formatDate, formatPeriod } from '../format'
import { ChartBlock } from './ChartBlock'
import { fetchProgrammeViews } from './dashboard-api'
import { formatNumber, formatShare } from './dashboard-format'
import type { DashboardView } from './dashboard-params'
import { FundingSection } from './FundingSection'
import { GridCountLink } from './GridCountLink'

/** "En cours": the report's label, at the head of a table cell. */
const stateLabel = (state: SunEsWindowView['state']) => {
  const label = WINDOW_STATE_LABELS[state]
  return label.charAt(0).toUpperCase() + label.slice(1)
}

function Attainment({ title, rows, view }: { title: string; rows: AttainmentCount[]; view: DashboardView }) {
  const count = (a: AttainmentCount, which: 'reached' | 'notReached' | 'empty') => {
    const words = { reached: 'atteint', notReached: 'non atteint', empty: 'sans donnée' }[which]
    if (a.month === null) return formatNumber(a[which].count)
    return (
      <>
        <GridCountLink
          count={a[which].count}
          view={view}
          period={a.month}
          column={a.key}
          op={which === 'empty' ? 'empty' : 'eq'}
          value={which === 'reached' ? 'oui' : 'non'}
          what={`${a.label}, ${words}`}
        />{' '}
        ({formatShare(a[which].share)})
      </>
    )
  }
  const label = (a: AttainmentCount) =>
    `${PROGRAMME_LABELS[a.programme]} — ${a.label.replace(/^(SUN-ES|HOPEN 2|IFAQ) /, '')}`
  const month = rows.find((a) => a.month !== null)?.month ?? null
  return (
    <ChartBlock
      title={title}
      note={
        month ? `Résultats de ${formatPeriod(month)}, calculés par le moteur de règles` : 'Aucun résultat'
      }
      chart={{
        kind: 'bar',
        labels: rows.map(label),
        series: [
          { name: 'Atteint', values: rows.map((a) => a.reached.count) },
          { name: 'Non atteint', values: rows.map((a) => a.notReached.count) },
        ],
      }}
      columns={[
        { key: 'objective', header: 'Objectif', wide: true, cell: label },
        { key: 'reached', header: 'Atteint', cell: (a) => count(a, 'reached') },
        { key: 'notReached', header: 'Non atteint', cell: (a) => count(a, 'notReached') },
        { key: 'empty', header: 'Sans donnée', cell: (a) => count(a, 'empty') },
      ]}
      rows={rows}
      rowKey={(a) => a.key}
      csv={{
        header: ['Programme', 'Objectif', 'Mois', 'Atteint', 'Non atteint', 'Sans donnée'],
        rows: rows.map((a) => [
          PROGRAMME_LABELS[a.programme],
          a.label,
          a.month,
          a.reached.count,
          a.notReached.count,
          a.empty.count,
        ]),
      }}
      fileLabel="tableau-de-bord-programmes"
      level={3}
    />
  )
}

function Windows({ data, view }: { data: ProgrammeViews; view: DashboardView }) {
  const domains = data.windows.find((w) => w.domains.length > 0)?.domains.map((d) => d.key) ?? []
  const domainLabel = (key: string) =>
    data.attainment.find((a) => a.key === key)?.label.replace(/^SUN-ES /, '') ?? key
  const cell = (w: SunEsWindowView, key: string) => {
    const d = w.domains.find((x) => x.key === key)
    if (!d || w.month === null) return '—'
    return (
      <GridCountLink
        count={d.reached.count}
        view={view}
        period={w.month}
        column={d.key}
        op="eq"
        value="oui"
        what={`fenêtre ${w.number}, ${domainLabel(key)} atteint`}
      />
    )
  }
  return (
    <ChartBlock
      title="SUN-ES : fenêtres de mesure et domaines atteints"
      note="Pour chaque fenêtre, les établissements dont le domaine atteint ses cibles au mois lu (le dernier mois de la mesure, ou le point de suivi pendant la fenêtre)"
      columns={[
        { key: 'number', header: 'Fenêtre', cell: (w) => w.number },
        {
          key: 'candidature',
          header: 'Candidature',
          cell: (w) => `du ${formatDate(w.candidature.from)} au ${formatDate(w.candidature.to)}`,
        },
        { key: 'measurement', header: 'Mesure', cell: (w) => w.measurement.label },
        { key: 'state', header: 'État', cell: (w) => stateLabel(w.state) },
        { key: 'degressivity', header: 'Forfait versé', cell: (w) => `${w.degressivity} %` },
        { key: 'month', header: 'Mois lu', cell: (w) => (w.month ? formatPeriod(w.month) : '—') },
        ...domains.map((key) => ({
          key,
          header: `${domainLabel(key)} atteint`,
          cell: (w: SunEsWindowView) => cell(w, key),
        })),
      ]}
      rows={data.windows}
      rowKey={(w) => String(w.number)}
      csv={{
        header: [
          'Fenêtre',
          'Candidature du',
          'Candidature au',
          'Mesure',
          'État',
          'Forfait versé (%)',
          'Mois lu',
          ...domains.map((key) => `${domainLabel(key)} atteint`),
        ],
        rows: data.windows.map((w) => [
          w.number,
          w.candidature.from,
          w.candidature.to,
          w.measurement.label,
          stateLabel(w.state),
          w.degressivity,
          w.month,
          ...domains.map((key) => w.domains.find((d) => d.key === key)?.reached.count ?? null),
        ]),
      }}
      fileLabel="tableau-de-bord-programmes"
    />
  )
}

export function ProgrammesSection({ view, period }: { view: DashboardView; period: string }) {
  const query = useQuery({
    queryKey: ['dashboard-programmes', period, view.filters],
    queryFn: ({ signal }) => fetchProgrammeViews({ ...view, period }, signal),
  })
  const data = query.data
  return (
    <section aria-labelledby="programmes" className={fr.cx('fr-mb-6w')}>
      <h2 id="programmes">Programmes de financement</h2>
      {query.error ? (
        <Alert
          severity="error"
          role="alert"
          title="Les programmes n’ont pas pu être chargés"
          description={query.error.message}
        />
      ) : !data ? (
        <p role="status">Chargement des programmes…</p>
      ) : (
        <>
          <p>
            Candidats SUN-ES (domaines et bonus validés) :{' '}
            <GridCountLink
              count={data.candidates.count}
              view={view}
              period={data.period}
              column={data.candidates.key}
              op="filled"
              what="candidats SUN-ES"
            />{' '}
            établissements sur {formatNumber(data.sites)} ({formatShare(data.candidates.share)}).
          </p>
          <Windows data={data} view={view} />
          {(['sun-es', 'hopen2', 'ifaq'] as const).map((programme) => {
            const rows = data.attainment.filter((a) => a.programme === programme)
            return rows.length === 0 ? null : (
              <Attainment
                key={programme}
                title={`${PROGRAMME_LABELS[programme]} : atteinte des objectifs`}
                rows={rows}
                view={view}
              />
            )
          })}
          <FundingSection data={data} view={view} />
        </>
      )}
    </section>
  )
}
