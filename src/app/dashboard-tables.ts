// Seed 000's INSi and DMP report made live: the ten structures with the most INSi calls to date and in the
// month, the ten feeding the DMP most in the month, and the sites that started INS per structure type with
// their share. The months are the grid's theme months at the follow-up point, so that a structure's
// figure is the one its grid row shows.
import type { Dashboard } from '../domain/contract/dashboard'
import { DERIVED } from '../domain/observations/derived-indicators'
import { CUMULATED_INDICATORS } from '../domain/observations/indicators'
import type { Store } from '../store/database'
import { categoryCounts } from '../store/dashboard'
import { topCumulated, topOfMonthKept } from '../store/cumulative-totals'
import { topOfMonth } from '../store/dashboard-totals'
import type { ColumnSource } from '../store/grid'
import type { SiteFilters } from '../store/sites'
import { shareOf } from './dashboard-statuses'
import type { Resolved } from './grid'

const TOP = 10

type Tables = Dashboard['tables']

/** The ten structures in view with the most calls (documents…) to date, or in the month. */
async function ranking(
  store: Store,
  filters: SiteFilters,
  indicator: { code: string; id: number | undefined },
  month: string | null,
  cumulative: boolean,
) {
  if (month === null || indicator.id === undefined) return { month, rows: [] }
  if (cumulative && !CUMULATED_INDICATORS.includes(indicator.code))
    throw new Error(`${indicator.code} is not in CUMULATED_INDICATORS`)
  // The kept rankings look each structure up among the sites in view: they answer any filters.
  const rows = cumulative
    ? await topCumulated(store.db, filters, indicator.id, month, TOP)
    : CUMULATED_INDICATORS.includes(indicator.code)
      ? await topOfMonthKept(store.db, filters, indicator.id, month, TOP)
      : await topOfMonth(store.db, filters, indicator.id, month, TOP)
  return { month, rows }
}

async function insStarted(
  store: Store,
  filters: SiteFilters,
  period: string,
  resolved: Resolved,
): Promise<Tables['insStarted']> {
  const month = resolved.themes.get('insi') ?? null
  const source = resolved.sources.get(DERIVED.insStarted) as ColumnSource
  const rows = await categoryCounts(store.db, filters, period, source, 'oui')
  const sites = rows.reduce((n, r) => n + r.sites, 0)
  const started = rows.reduce((n, r) => n + r.matching, 0)
  return {
    month,
    categories: rows
      .filter((r) => r.matching > 0)
      .sort((a, b) => b.matching - a.matching || (a.category_code ?? '').localeCompare(b.category_code ?? ''))
      .map((r) => ({
        categoryCode: r.category_code,
        categoryLabel: r.category_label,
        sites: r.sites,
        started: r.matching,
        share: shareOf(r.matching, r.sites),
      })),
    total: { sites, started, share: shareOf(started, sites) },
  }
}

export async function seedTables(
  store: Store,
  filters: SiteFilters,
  period: string,
  ids: Map<string, number>,
  resolved: Resolved,
): Promise<Tables> {
  const insiMonth = resolved.themes.get('insi') ?? null
  const dmpMonth = resolved.themes.get('dmp') ?? null
  const indicator = (code: string) => ({ code, id: ids.get(code) })
  const [insiCumulative, insiOfMonth, dmpOfMonth, started] = await Promise.all([
    ranking(store, filters, indicator('insi.appels'), insiMonth, true),
    ranking(store, filters, indicator('insi.appels'), insiMonth, false),
    ranking(store, filters, indicator('dmp.documents'), dmpMonth, false),
    insStarted(store, filters, period, resolved),
  ])
  return { insiCumulative, insiMonth: insiOfMonth, dmpMonth: dmpOfMonth, insStarted: started }
}
