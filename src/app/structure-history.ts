// Use case: every theme of the tracking grid over time for one site, the columns the user may see, one
// value a month: imported values (a national file winning over a region's tracker), the rules engine's
// stored results and the values people typed, each at the level it was reported at.
import type { HistoryColumn, HistoryPoint, StructureHistory } from '../domain/contract/structure-history'
import { canSeeColumn, type AccessUser } from '../domain/access/permissions'
import type { StructurePlace } from '../domain/access/scope'
import { GRID_COLUMNS, GRID_THEME_INFO, GRID_THEMES, type GridColumn } from '../domain/grid/columns'
import { TRACKER_SOURCE } from '../domain/observations/observation'
import type { Store } from '../store/database'
import { siteObservations } from '../store/observation-queries'
import { siteDerivedValues, siteUnits, typedHistory } from '../store/site-history'

/** Where a value read on a site comes from when several levels give one: the site first, as the grid does. */
const LEVEL_ORDER: Readonly<Record<string, number>> = { EG: 0, EJ: 1, PMSI: 2 }
export const COMPUTED_SOURCE = 'jalon'
export const TYPED_SOURCE = 'saisie'

type Level = HistoryPoint['level']

function addPoint(byKey: Map<string, Map<string, HistoryPoint>>, key: string, point: HistoryPoint) {
  let months = byKey.get(key)
  if (!months) byKey.set(key, (months = new Map()))
  const held = months.get(point.month)
  if (!held || (LEVEL_ORDER[point.level] ?? 9) < (LEVEL_ORDER[held.level] ?? 9))
    months.set(point.month, point)
}

function describe(column: GridColumn, points: HistoryPoint[]): HistoryColumn {
  return {
    key: column.key,
    label: column.label,
    kind: column.kind,
    unit: column.unit,
    statuses: column.statuses ? column.statuses.map((s) => ({ code: s.code, label: s.label })) : null,
    owner: column.owner,
    responsible: column.responsible,
    quantitative: column.quantitative,
    points,
  }
}

export async function structureHistory(
  store: Store,
  user: AccessUser,
  place: StructurePlace,
): Promise<StructureHistory> {
  const columns = GRID_COLUMNS.filter((c) => canSeeColumn(user, c.key))
  const units = await siteUnits(store.db, place.finess)
  if (!units) return { finess: place.finess, latestMonth: null, themes: [] }
  const entries = new Map(columns.map((c) => [c.key, c.entry]))
  const [observed, derived, typed] = await Promise.all([
    siteObservations(store.db, place.finess),
    columns.some((c) => c.entry === 'computed') ? siteDerivedValues(store.db, units) : [],
    columns.some((c) => c.entry === 'manual') ? typedHistory(store.db, place.finess) : [],
  ])
  const byKey = new Map<string, Map<string, HistoryPoint>>()
  for (const o of observed) {
    const entry = entries.get(o.indicator)
    // A typed column's history is its typed values and the trackers' (below), not another file's copy.
    if (entry === undefined || entry === 'computed') continue
    if (entry === 'manual' && o.source !== TRACKER_SOURCE) continue
    addPoint(byKey, o.indicator, {
      month: o.period,
      value: o.number ?? o.text,
      numerator: o.numerator,
      denominator: o.denominator,
      level: o.level as Level,
      finess: o.finess,
      source: o.source,
    })
  }
  for (const d of derived) {
    if (entries.get(d.indicator) !== 'computed') continue
    addPoint(byKey, d.indicator, {
      month: d.period,
      value: d.number ?? d.text,
      numerator: d.numerator,
      denominator: d.denominator,
      level: d.level as Level,
      finess: d.finess,
      source: COMPUTED_SOURCE,
    })
  }
  for (const t of typed) {
    if (entries.get(t.indicator) !== 'manual') continue
    // A value typed in Jalon replaces the tracker's for its month (as the fields' own reading does).
    byKey.get(t.indicator)?.delete(t.period)
    addPoint(byKey, t.indicator, {
      month: t.period,
      value: t.value,
      numerator: null,
      denominator: null,
      level: 'EG',
      finess: place.finess,
      source: TYPED_SOURCE,
    })
  }
  let latestMonth: string | null = null
  const themes = GRID_THEMES.map((theme) => ({
    theme,
    label: GRID_THEME_INFO[theme].label,
    columns: columns.flatMap((c) => {
      if (c.theme !== theme) return []
      const points = [...(byKey.get(c.key)?.values() ?? [])].sort((a, b) => (a.month < b.month ? -1 : 1))
      const last = points.at(-1)?.month
      if (last && (latestMonth === null || last > latestMonth)) latestMonth = last
      return points.length > 0 ? [describe(c, points)] : []
    }),
  }))
  return { finess: place.finess, latestMonth, themes }
}
