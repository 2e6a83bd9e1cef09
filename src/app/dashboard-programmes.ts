// The dashboard's programme views (issue 7 §1): SUN-ES candidates, each measurement window with the domains
// reached in it, every programme objective's attainment at the follow-up point, the amounts committed (ESMS
// numérique) and the engine's forecasts. Counts are read through the grid's column joins (the derived
// attainment columns of its programmes theme), so each is the grid's total for the same filters and month.
import Decimal from 'decimal.js'
import type { DashboardQuery } from '../domain/contract/dashboard'
import type {
  AttainmentCount,
  ProgrammeViews,
  SunEsWindowView,
} from '../domain/contract/dashboard-programmes'
import { canSeeColumn, type AccessUser } from '../domain/access/permissions'
import { findGridColumn, type GridColumn } from '../domain/grid/columns'
import { PROGRAMME_ATTAINMENTS } from '../domain/observations/derived-indicators'
import { SUN_ES_VOLET1 } from '../domain/programmes/data/registry'
import type { Store } from '../store/database'
import { columnValueCounts, sitesInView } from '../store/dashboard'
import { monthlyTotals } from '../store/dashboard-totals'
import type { ColumnSource } from '../store/grid'
import { indicatorIds } from '../store/observations'
import type { SiteFilters } from '../store/sites'
import { dashboardFilters } from './dashboard'
import { fundingForecasts } from './dashboard-funding'
import { shareOf } from './dashboard-statuses'
import { resolveColumns } from './grid'

const CANDIDATE = 'identite.candidat-sun-es'
const FUNDED = 'esms.finance'
const COMMITTED = 'esms.montant'
/** The catalogue's label without " : atteint" and the like: the table says whether it is. */
const objectiveLabel = (label: string) =>
  label.includes(' : ') ? label.slice(0, label.lastIndexOf(' : ')) : label

const column = (key: string) => findGridColumn(key) as GridColumn

async function attainmentCounts(
  store: Store,
  ids: Map<string, number>,
  filters: SiteFilters,
  columns: readonly GridColumn[],
  period: string,
  sites: number,
): Promise<AttainmentCount[]> {
  const resolved = await resolveColumns(store, ids, columns, period)
  const sources = columns.map((c) => resolved.sources.get(c.key) as ColumnSource)
  const counts = await columnValueCounts(store.db, filters, period, sources)
  return columns.map((c, i) => {
    const byValue = counts.get(i) ?? new Map<string | null, number>()
    const of = (count: number) => ({ count, share: shareOf(count, sites) })
    const programme = PROGRAMME_ATTAINMENTS.find((a) => a.code === c.key)?.programme ?? 'sun-es'
    return {
      key: c.key,
      programme,
      label: objectiveLabel(c.label),
      month: resolved.themes.get(c.theme) ?? null,
      reached: of(byValue.get('oui') ?? 0),
      notReached: of(byValue.get('non') ?? 0),
      empty: of(byValue.get(null) ?? 0),
    }
  })
}

/** The month a window's domains are read at: the point inside the window, the window's end after it. */
function windowMonth(from: string, to: string, period: string): string | null {
  if (period < from) return null
  return period < to ? period : to
}

async function windows(
  store: Store,
  ids: Map<string, number>,
  filters: SiteFilters,
  columns: readonly GridColumn[],
  period: string,
  sites: number,
): Promise<SunEsWindowView[]> {
  const domains = columns.filter((c) => c.key.startsWith('derive.sun-es.'))
  return Promise.all(
    SUN_ES_VOLET1.windows.map(async (w) => {
      const from = w.measurement.from.slice(0, 7)
      const to = w.measurement.to.slice(0, 7)
      const month = windowMonth(from, to, period)
      return {
        number: w.number,
        candidature: { ...w.candidature },
        measurement: { ...w.measurement },
        state: period < from ? 'a-venir' : period > to ? 'terminee' : 'en-cours',
        degressivity: w.degressivity,
        month,
        domains: month === null ? [] : await attainmentCounts(store, ids, filters, domains, month, sites),
      }
    }),
  )
}

export async function programmeViews(
  store: Store,
  user: AccessUser,
  query: DashboardQuery,
): Promise<ProgrammeViews> {
  const filters = dashboardFilters(user, query)
  const attainment = PROGRAMME_ATTAINMENTS.map((a) => column(a.code)).filter((c) => canSeeColumn(user, c.key))
  const counted = [CANDIDATE, FUNDED].filter((key) => canSeeColumn(user, key)).map(column)
  const [ids, sites] = await Promise.all([indicatorIds(store.db), sitesInView(store.db, filters)])
  const resolved = await resolveColumns(store, ids, [...counted, column(COMMITTED)], query.period)
  const sources = counted.map((c) => resolved.sources.get(c.key) as ColumnSource)
  const committedMonth = resolved.sources.get(COMMITTED)?.month ?? null
  const [counts, reached, byWindow, committed, forecast] = await Promise.all([
    columnValueCounts(store.db, filters, query.period, sources, { sites }),
    attainmentCounts(store, ids, filters, attainment, query.period, sites),
    windows(store, ids, filters, attainment, query.period, sites),
    committedMonth === null || !canSeeColumn(user, COMMITTED)
      ? Promise.resolve([])
      : monthlyTotals(store.db, filters, [ids.get(COMMITTED) as number], committedMonth, committedMonth),
    fundingForecasts(store, filters, query.period),
  ])
  const valueCount = (key: string, value: string | null) => {
    const i = counted.findIndex((c) => c.key === key)
    return i < 0 ? 0 : (counts.get(i)?.get(value) ?? 0)
  }
  const candidates = canSeeColumn(user, CANDIDATE) ? sites - valueCount(CANDIDATE, null) : 0
  return {
    period: query.period,
    sites,
    candidates: { key: CANDIDATE, count: candidates, share: shareOf(candidates, sites) },
    windows: byWindow,
    attainment: reached,
    funding: {
      committed: {
        key: COMMITTED,
        label: 'ESMS numérique : montants financés',
        month: committedMonth,
        fundedSites: valueCount(FUNDED, 'oui'),
        amount: new Decimal(committed[0]?.total ?? 0).toFixed(2),
      },
      forecast,
    },
  }
}
