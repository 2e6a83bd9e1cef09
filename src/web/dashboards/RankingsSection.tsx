// Seed 000's tables made live: the ten structures with the most INSi calls (to date and in the month) and
// the most DMP documents in the month, and the sites that started INS per structure type with their share.
import { fr } from '@codegouvfr/react-dsfr'
import type { CategoryStart, Dashboard, RankedStructure } from '../../domain/contract/dashboard'
import { formatPeriod } from '../format'
import { Link } from '../Link'
import { structureHref } from '../router'
import { ChartBlock } from './ChartBlock'
import { formatNumber, formatShare, LEVEL_LABELS } from './dashboard-format'

interface RankingProps {
  title: string
  unit: string
  ranking: Dashboard['tables']['insiMonth']
  period: string
}

function Ranking({ title, unit, ranking, period }: RankingProps) {
  const rows = ranking.rows.map((row, i) => ({ ...row, rank: i + 1 }))
  const name = (r: RankedStructure) => r.name ?? r.finess
  return (
    <ChartBlock
      title={title}
      note={
        ranking.month
          ? `Données de ${formatPeriod(ranking.month)}, en ${unit}`
          : 'Aucune donnée à ce point de suivi'
      }
      columns={[
        { key: 'rank', header: 'Rang', cell: (r) => r.rank },
        {
          key: 'name',
          header: 'Structure',
          wide: true,
          // An EJ has no page of its own: its name leads to the structures list filtered on it.
          cell: (r) => (
            <Link href={r.level === 'EJ' ? `/?ej=${r.finess}` : structureHref(r.finess)}>{name(r)}</Link>
          ),
        },
        { key: 'finess', header: 'FINESS', cell: (r) => r.finess },
        { key: 'level', header: 'Niveau', cell: (r) => LEVEL_LABELS[r.level] },
        { key: 'departement', header: 'Département', cell: (r) => r.departement ?? '—' },
        { key: 'value', header: `Nombre d’${unit}`, cell: (r) => formatNumber(r.value) },
      ]}
      rows={rows}
      rowKey={(r) => `${r.level}:${r.finess}`}
      csv={{
        header: ['Rang', 'Structure', 'FINESS', 'Niveau', 'Département', `Nombre d’${unit}`],
        rows: rows.map((r) => [
          r.rank,
          name(r),
          r.finess,
          LEVEL_LABELS[r.level],
          r.departement,
          Number(r.value),
        ]),
      }}
      fileLabel={`tableau-de-bord-${period}`}
    />
  )
}

function InsStarted({ data }: { data: Dashboard }) {
  const { categories, total, month } = data.tables.insStarted
  const label = (c: CategoryStart) => c.categoryLabel ?? c.categoryCode ?? 'Catégorie inconnue'
  const rows = [...categories, { ...total, categoryCode: null, categoryLabel: 'Total' }]
  return (
    <ChartBlock
      title="Sites ayant démarré l’INS, par type de structure"
      note={`Plus de 100 appels INSi cumulés${month ? `, données de ${formatPeriod(month)}` : ''}`}
      chart={{
        kind: 'bar',
        labels: categories.map(label),
        series: [{ name: 'Sites ayant démarré', values: categories.map((c) => c.started) }],
      }}
      columns={[
        { key: 'category', header: 'Type de structure', wide: true, cell: label },
        { key: 'started', header: 'Sites ayant démarré', cell: (c) => formatNumber(c.started) },
        { key: 'sites', header: 'Sites', cell: (c) => formatNumber(c.sites) },
        { key: 'share', header: 'Part', cell: (c) => formatShare(c.share) },
      ]}
      rows={rows}
      rowKey={(c) => c.categoryCode ?? label(c)}
      csv={{
        header: ['Type de structure', 'Sites ayant démarré', 'Sites', 'Part (%)'],
        rows: rows.map((c) => [label(c), c.started, c.sites, c.share]),
      }}
      fileLabel={`tableau-de-bord-${data.period}`}
    />
  )
}

export function RankingsSection({ data }: { data: Dashboard }) {
  const { tables, period } = data
  return (
    <section aria-labelledby="bilan-ins-dmp" className={fr.cx('fr-mb-6w')}>
      <h2 id="bilan-ins-dmp">INS et DMP : les établissements</h2>
      <InsStarted data={data} />
      <Ranking
        title="10 premiers établissements par appels INSi cumulés"
        unit="appels"
        ranking={tables.insiCumulative}
        period={period}
      />
      <Ranking
        title="10 premiers établissements par appels INSi du mois"
        unit="appels"
        ranking={tables.insiMonth}
        period={period}
      />
      <Ranking
        title="10 premiers établissements par documents envoyés au DMP"
        unit="documents"
        ranking={tables.dmpMonth}
        period={period}
      />
    </section>
  )
}
