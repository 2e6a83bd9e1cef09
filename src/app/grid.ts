// The tracking grid at a follow-up point: which month each theme's data comes from, a page of sites within
// the user's scopes sorted and filtered on any column, their values, and in comparison mode the previous
// point's values with the cells that changed.
import type { GridCell, GridPage, GridQuery, GridRow, ThresholdFilter } from '../domain/contract/grid'
import type { GRID_IDENTITY_SORTS } from '../domain/contract/grid'
import { canSeeColumn, seesAllFrance, type AccessUser } from '../domain/access/permissions'
import {
  GRID_COLUMNS,
  GRID_THEME_INFO,
  GRID_THEMES,
  findGridColumn,
  type GridColumn,
} from '../domain/grid/columns'
import { canGetWorse, progressScale } from '../domain/grid/progress'
import { previousPeriod, type Period } from '../domain/observations/period'
import type { Sector } from '../domain/sector'
import type { Store } from '../store/database'
import {
  gridSitePage,
  gridTypedValues,
  gridValues,
  sourceMonths,
  trackerImportIds,
  trackerMonths,
  type ColumnCondition,
  type ColumnSource,
  type GridPageQuery,
  type GridValueRow,
} from '../store/grid'
import { indicatorIds } from '../store/observations'

/** A request the user can fix (HTTP 400). */
export class GridQueryError extends Error {
  readonly statusCode = 400
}

const IDENTITY_COLUMNS: Readonly<Record<(typeof GRID_IDENTITY_SORTS)[number], GridPageQuery['sort']>> = {
  finessEg: { identity: 'finess_eg' },
  finessEj: { identity: 'finess_ej' },
  name: { identity: 'name' },
  departement: { identity: 'departement' },
  categoryCode: { identity: 'category_code' },
}

export interface Resolved {
  themes: Map<string, string | null>
  sources: Map<string, ColumnSource>
}

/** Where each column's values are read at a follow-up point. */
export async function resolveColumns(
  store: Pick<Store, 'db'>,
  ids: Map<string, number>,
  columns: readonly GridColumn[],
  period: string,
): Promise<Resolved> {
  const sources = [...new Set(GRID_THEMES.map((t) => GRID_THEME_INFO[t].source).filter((s) => s !== null))]
  // Every imported column of the grid, not only those asked for: a theme's month must not depend on them.
  const importedIds = GRID_COLUMNS.filter((c) => c.entry !== 'manual').map((c) => ids.get(c.key) ?? -1)
  // One after the other: inside a transaction (the imports' counts, status-counts.ts) they share a client.
  const bySource = await sourceMonths(store.db, sources as string[], period)
  const byTracker = await trackerMonths(store.db, importedIds, period)
  const trackers = await trackerImportIds(store.db)
  const themes = new Map<string, string | null>()
  const themeImports = new Map<string, number[]>()
  for (const theme of GRID_THEMES) {
    const source = GRID_THEME_INFO[theme].source
    if (source === null) {
      themes.set(theme, period)
      continue
    }
    const trackerMonth = GRID_COLUMNS.filter((c) => c.theme === theme)
      .map((c) => byTracker.get(ids.get(c.key) ?? -1))
      .filter((m): m is string => !!m)
      .sort()
      .at(-1)
    const national = bySource.get(source)
    const month =
      [national?.month, trackerMonth]
        .filter((m): m is string => !!m)
        .sort()
        .at(-1) ?? null
    themes.set(theme, month)
    themeImports.set(theme, [
      ...(national && national.month === month ? [national.importId] : []),
      ...trackers,
    ])
  }
  const resolved = new Map<string, ColumnSource>()
  for (const c of columns) {
    const indicatorId = ids.get(c.key)
    if (indicatorId === undefined) throw new Error(`indicateur absent de la base : ${c.key}`)
    const table = c.entry === 'manual' ? 'typed' : c.entry === 'computed' ? 'derived' : 'observation'
    resolved.set(c.key, {
      indicatorId,
      table,
      month: themes.get(c.theme) ?? null,
      // Typed fields: the trackers' imports hold their values from before Jalon.
      importIds: table === 'typed' ? trackers : (themeImports.get(c.theme) ?? []),
    })
  }
  return { themes, sources: resolved }
}

export function chosenColumns(user: AccessUser, keys: readonly string[] | undefined): GridColumn[] {
  if (!keys) return GRID_COLUMNS.filter((c) => c.shownByDefault && canSeeColumn(user, c.key))
  return keys.map((key) => {
    const column = findGridColumn(key)
    if (!column) throw new GridQueryError(`Colonne inconnue : « ${key} ».`)
    if (!canSeeColumn(user, key)) throw new GridQueryError(`Colonne réservée : « ${column.label} ».`)
    return column
  })
}

/** A threshold filter checked against its column: a status by code or label, a number where one is due. */
function condition(
  column: GridColumn,
  source: ColumnSource,
  filter: ThresholdFilter,
  previous: ColumnSource | undefined,
): ColumnCondition {
  const { op, value } = filter
  if (op === 'empty' || op === 'filled') return { column: source, op, value: null }
  if (op === 'new') return { column: source, op, value: null, ...(previous ? { previous } : {}) }
  if (op === 'worse') {
    if (!canGetWorse(column))
      throw new GridQueryError(
        `${column.label} : ses valeurs n’ont pas d’ordre, « en recul » ne s’y applique pas.`,
      )
    const scale = progressScale(column)
    return { column: source, op, value: null, ...(previous ? { previous } : {}), ...(scale ? { scale } : {}) }
  }
  const text = value ?? ''
  if (op === 'eq' || op === 'ne') {
    const status = column.statuses?.find((s) => s.code === text || s.label === text)
    return { column: source, op, value: status?.code ?? text }
  }
  if (!column.quantitative || !/^-?\d+([.,]\d+)?$/.test(text))
    throw new GridQueryError(`${column.label} : un seuil numérique est attendu, pas « ${text} ».`)
  return { column: source, op, value: text.replace(',', '.') }
}

function cell(row: {
  level: string
  period: string
  value_number: string | null
  value_text: string | null
  numerator: string | null
  denominator: string | null
}): GridCell {
  return {
    value: row.value_text ?? row.value_number,
    numerator: row.numerator,
    denominator: row.denominator,
    level: row.level as GridCell['level'],
    month: row.period,
  }
}

async function pageValues(
  store: Store,
  sites: { finessEg: string; finessEj: string; finessPmsi: string | null }[],
  columns: readonly GridColumn[],
  resolved: Resolved,
  period: string,
): Promise<Map<string, Record<string, GridCell>>> {
  const sources = columns.map((c) => resolved.sources.get(c.key) as ColumnSource)
  const [values, typed] = await Promise.all([
    gridValues(store.db, sites, sources),
    gridTypedValues(
      store.db,
      sites.map((s) => s.finessEg),
      sources.filter((s) => s.table === 'typed'),
      period,
    ),
  ])
  const held = new Map<string, Map<number, GridCell>>()
  for (const v of typed) {
    if (v.value_text === null) continue
    let site = held.get(v.finess_eg)
    if (!site) held.set(v.finess_eg, (site = new Map()))
    site.set(v.indicator_id, {
      value: v.value_text,
      numerator: null,
      denominator: null,
      level: 'EG',
      month: v.period,
    })
  }
  // An EJ's value is one row shown on each of its sites: one cell object for all of them. Each site's
  // cells are set in the columns' order, so that the rows' objects share their shapes (set in the order
  // the values came, 5 000 rows made thousands of object shapes, slow to build and to collect).
  const cells = new Map<GridValueRow, GridCell>()
  const out = new Map<string, Record<string, GridCell>>()
  for (const site of sites) {
    const found = values.get(site.finessEg)
    const typedHere = held.get(site.finessEg)
    const shown: Record<string, GridCell> = {}
    columns.forEach((column, i) => {
      const source = sources[i] as ColumnSource
      if (source.table === 'typed') {
        const typedCell = typedHere?.get(source.indicatorId)
        if (typedCell) shown[column.key] = typedCell
        return
      }
      const row = found?.get(source.indicatorId)
      if (!row) return
      let shared = cells.get(row)
      if (!shared) cells.set(row, (shared = cell(row)))
      shown[column.key] = shared
    })
    out.set(site.finessEg, shown)
  }
  return out
}

export async function gridPage(store: Store, user: AccessUser, query: GridQuery): Promise<GridPage> {
  const columns = chosenColumns(user, query.columns)
  const ids = await indicatorIds(store.db)
  // Sorting and filtering may name columns that are not shown.
  const named = [
    ...columns,
    ...[query.sort, ...query.where.map((w) => w.key)]
      .filter((key) => !(key in IDENTITY_COLUMNS))
      .map((key) => chosenColumns(user, [key])[0] as GridColumn),
  ]
  const resolved = await resolveColumns(store, ids, named, query.period)
  const sourceOf = (key: string) => resolved.sources.get(key) as ColumnSource
  const sort =
    query.sort in IDENTITY_COLUMNS
      ? IDENTITY_COLUMNS[query.sort as keyof typeof IDENTITY_COLUMNS]
      : { column: sourceOf(query.sort) }
  // "New this month" and "got worse" read each column at the previous follow-up point too.
  const compared = named.filter((c) =>
    query.where.some((w) => w.key === c.key && (w.op === 'new' || w.op === 'worse')),
  )
  const atPrevious =
    compared.length > 0
      ? await resolveColumns(store, ids, compared, previousPeriod(query.period as Period))
      : undefined
  const conditions = query.where.map((w) =>
    condition(findGridColumn(w.key) as GridColumn, sourceOf(w.key), w, atPrevious?.sources.get(w.key)),
  )
  const rows = await gridSitePage(store.db, {
    filters: { ...query, within: seesAllFrance(user) ? null : user.scopes },
    period: query.period,
    sort,
    order: query.order,
    conditions,
    offset: query.offset,
    limit: query.limit,
  })
  const sites = rows.map((r) => ({ finessEg: r.finess_eg, finessEj: r.finess_ej, finessPmsi: r.finess_pmsi }))
  const values = await pageValues(store, sites, columns, resolved, query.period)
  const previous = query.compare === 'true' ? previousPeriod(query.period as Period) : null
  const before = previous
    ? await pageValues(store, sites, columns, await resolveColumns(store, ids, columns, previous), previous)
    : null
  return {
    period: query.period,
    previousPeriod: previous,
    themes: GRID_THEMES.map((theme) => ({ theme, month: resolved.themes.get(theme) ?? null })),
    total: Number(rows[0]?.total ?? 0),
    offset: query.offset,
    limit: query.limit,
    rows: rows.map((r): GridRow => {
      const now = values.get(r.finess_eg) ?? {}
      const then = before?.get(r.finess_eg)
      return {
        finessEg: r.finess_eg,
        finessEj: r.finess_ej,
        finessPmsi: r.finess_pmsi,
        name: r.name,
        departement: r.departement,
        region: r.region,
        categoryCode: r.category_code,
        categoryLabel: r.category_label,
        sector: r.sector as Sector,
        closed: r.closed_on !== null,
        values: now,
        ...(then
          ? {
              previous: then,
              changed: columns
                .map((c) => c.key)
                .filter((k) => (now[k]?.value ?? null) !== (then[k]?.value ?? null)),
            }
          : {}),
      }
    }),
  }
}
