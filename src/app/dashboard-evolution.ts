// The dashboard's evolution over the last follow-up points (at most EVOLUTION_POINTS, from the first month
// with data): INSi calls, DMP documents by type, MSSanté messages, summed with each value once at the level
// it was reported at; Ségur orders and VA signed, counted as the grid counts them at each point.
import { EVOLUTION_POINTS, type EvolutionChart } from '../domain/contract/dashboard'
import { canSeeColumn, type AccessUser } from '../domain/access/permissions'
import { findGridColumn, type GridColumn } from '../domain/grid/columns'
import {
  DMP_DOCUMENT_LABELS,
  DMP_DOCUMENT_TYPES,
  INSI_OPERATION_LABELS,
  INSI_OPERATIONS,
  SEGUR_KIND_LABELS,
  SEGUR_KINDS,
  SUMMED_INDICATORS,
} from '../domain/observations/indicators'
import { addMonths, periodRange } from '../domain/observations/period'
import type { Store } from '../store/database'
import { columnValueCounts } from '../store/dashboard'
import { monthlyTotals } from '../store/dashboard-totals'
import type { ColumnSource } from '../store/grid'
import type { SiteFilters } from '../store/sites'
import { resolveColumns } from './grid'

interface CountChart {
  id: string
  title: string
  unit: string
  /** The grid column whose readers see the chart. */
  column: string
  /** The total first, then its parts (shown only where they have values). */
  series: { key: string; label: string }[]
}

const COUNT_CHARTS: readonly CountChart[] = [
  {
    id: 'insi',
    title: 'Appels au téléservice INSi',
    unit: 'appels',
    column: 'insi.appels',
    series: [
      { key: 'insi.appels', label: 'Total des appels' },
      ...INSI_OPERATIONS.map((op) => ({
        key: `insi.appels.${op}`,
        label: `Appels : ${INSI_OPERATION_LABELS[op]}`,
      })),
    ],
  },
  {
    id: 'dmp',
    title: 'Documents envoyés au DMP',
    unit: 'documents',
    column: 'dmp.documents',
    series: [
      { key: 'dmp.documents', label: 'Total des documents' },
      ...DMP_DOCUMENT_TYPES.map((t) => ({ key: `dmp.documents.${t}`, label: DMP_DOCUMENT_LABELS[t] })),
    ],
  },
  {
    id: 'mssante',
    title: 'Messages MSSanté envoyés',
    unit: 'messages',
    column: 'mss.messages-envoyes',
    series: [{ key: 'mss.messages-envoyes', label: 'Messages envoyés' }],
  },
]

// The sums shown are those the imports keep (SUMMED_INDICATORS): a series outside them is a mistake here.
for (const chart of COUNT_CHARTS)
  for (const { key } of chart.series)
    if (!SUMMED_INDICATORS.includes(key)) throw new Error(`${key} is not in SUMMED_INDICATORS`)

/** Sites whose column has the value, per software kind: orders signed, VA signed. */
const SITE_CHARTS = [
  { id: 'segur-commandes', title: 'Commandes Ségur signées', prefix: 'segur.commande', value: 'signee' },
  { id: 'segur-va', title: 'VA signées (Ségur)', prefix: 'segur.va', value: 'oui' },
] as const

/** The follow-up points shown: the last ones up to `period`, none before the first month with data. */
export function evolutionMonths(period: string, firstWithData: string | null): string[] {
  const earliest = addMonths(period, 1 - EVOLUTION_POINTS)
  const from = firstWithData && firstWithData > earliest ? firstWithData : earliest
  return from > period ? [period] : periodRange(from, period)
}

async function countCharts(
  store: Store,
  user: AccessUser,
  filters: SiteFilters,
  ids: Map<string, number>,
  months: readonly string[],
): Promise<EvolutionChart[]> {
  const charts = COUNT_CHARTS.filter((c) => canSeeColumn(user, c.column))
  const wanted = charts.flatMap((c) => c.series.map((s) => ids.get(s.key))).filter((id) => id !== undefined)
  const rows = await monthlyTotals(store.db, filters, wanted, months[0] as string, months.at(-1) as string)
  const totals = new Map(rows.map((r) => [`${r.indicator_id}:${r.month}`, r.total]))
  return charts.map((chart) => ({
    id: chart.id,
    title: chart.title,
    unit: chart.unit,
    series: chart.series
      .map((s) => ({
        key: s.key,
        label: s.label,
        values: months.map((m) => totals.get(`${ids.get(s.key)}:${m}`) ?? null),
      }))
      .filter((s, i) => i === 0 || s.values.some((v) => v !== null)),
  }))
}

async function siteCharts(
  store: Store,
  user: AccessUser,
  filters: SiteFilters,
  ids: Map<string, number>,
  months: readonly string[],
): Promise<EvolutionChart[]> {
  const charts = SITE_CHARTS.map((chart) => ({
    ...chart,
    columns: SEGUR_KINDS.map((kind) => findGridColumn(`${chart.prefix}.${kind}`)).filter(
      (c): c is GridColumn => c !== undefined && canSeeColumn(user, c.key),
    ),
  })).filter((c) => c.columns.length > 0)
  const columns = charts.flatMap((c) => c.columns)
  if (columns.length === 0) return []
  // Each point as the grid shows it (the theme's month at that point, a value held by a tracker…), every
  // point's columns counted in one pass over the sites.
  const sources = (
    await Promise.all(
      months.map(async (month) => {
        const resolved = await resolveColumns(store, ids, columns, month)
        return columns.map((c) => resolved.sources.get(c.key) as ColumnSource)
      }),
    )
  ).flat()
  const all = await columnValueCounts(store.db, filters, months.at(-1) as string, sources)
  const counts = months.map(
    (_, m) =>
      new Map(
        columns.map((_, c) => [c, all.get(m * columns.length + c) ?? new Map<string | null, number>()]),
      ),
  )
  let position = 0
  return charts.map((chart) => ({
    id: chart.id,
    title: chart.title,
    unit: 'sites',
    series: chart.columns.map((column) => {
      const at = position++
      const kind = column.key.slice(chart.prefix.length + 1) as (typeof SEGUR_KINDS)[number]
      return {
        key: column.key,
        label: SEGUR_KIND_LABELS[kind],
        values: counts.map((byColumn) => String(byColumn.get(at)?.get(chart.value) ?? 0)),
      }
    }),
  }))
}

export async function evolution(
  store: Store,
  user: AccessUser,
  filters: SiteFilters,
  ids: Map<string, number>,
  months: readonly string[],
): Promise<EvolutionChart[]> {
  const [counts, sites] = await Promise.all([
    countCharts(store, user, filters, ids, months),
    siteCharts(store, user, filters, ids, months),
  ])
  return [...counts, ...sites]
}
