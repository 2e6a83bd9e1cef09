// The map API contract (issue 7 §2): for a follow-up point, one indicator of the tracking grid and the
// referential's filters, within the user's scopes, one figure per département (or région): the sites in
// view with a status (count and share), or the area's average of a quantitative column as the grid's
// footer computes it.
import { z } from 'zod'
import type { StatusValue } from '../observations/indicators'
import { findGridColumn, type GridColumn } from '../grid/columns'
import { progressScale } from '../grid/progress'
import { periodParam } from './access'
import { structureFilters } from './structures'

export const MAP_LEVELS = ['departement', 'region'] as const
export type MapLevel = (typeof MAP_LEVELS)[number]

/** The values a yes/no column holds, as the grid's `eq` filter compares them. */
const YES_NO: readonly StatusValue[] = [
  { code: 'oui', label: 'Oui' },
  { code: 'non', label: 'Non' },
]

/** The statuses a map can count for a column: its vocabulary, oui / non for a yes/no; null for others. */
export function mapStatuses(column: GridColumn): readonly StatusValue[] | null {
  return column.statuses ?? (column.kind === 'boolean' ? YES_NO : null)
}

/** Status columns (counted) and quantitative ones (averaged); free text has no figure to map. */
export const isMappable = (column: GridColumn): boolean => mapStatuses(column) !== null || column.quantitative

/** The status shown when none is asked: the best of an ordered scale (deployed, signed…), else the first. */
export function defaultStatus(column: GridColumn): string | null {
  const scale = progressScale(column)
  return scale?.at(-1) ?? mapStatuses(column)?.[0]?.code ?? null
}

export const mapQuery = structureFilters
  .pick({ region: true, sector: true, category: true })
  .extend({
    period: periodParam,
    /** A grid column (indicator code) with statuses or numbers. */
    indicator: z.string().trim().min(1).max(64),
    /** For a status column: the status counted (its code); the column's default when absent. */
    status: z.string().trim().min(1).max(64).optional(),
    level: z.enum(MAP_LEVELS).default('departement'),
  })
  .superRefine((query, ctx) => {
    const column = findGridColumn(query.indicator)
    if (!column || !isMappable(column)) {
      const message = column
        ? `« ${column.label} » est un texte libre : pas de chiffre à cartographier`
        : `indicateur inconnu : « ${query.indicator} »`
      ctx.addIssue({ code: 'custom', path: ['indicator'], message })
      return
    }
    const statuses = mapStatuses(column)
    if (query.status === undefined) return
    if (!statuses)
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: `« ${column.label} » est un nombre : pas de statut à choisir`,
      })
    else if (!statuses.some((s) => s.code === query.status))
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: `statut inconnu pour « ${column.label} » : « ${query.status} » (${statuses.map((s) => s.code).join(', ')})`,
      })
  })
export type MapQuery = z.output<typeof mapQuery>

export const mapArea = z.object({
  /** INSEE code: département (01, 2A, 974…) or région (53, 84, 04…). */
  code: z.string(),
  name: z.string(),
  /** Open sites in view in the area: the grid's total for the same filters and this area. */
  sites: z.number().int(),
  /** Status: the sites with the status (the grid's total with `where=KEY:eq:STATUS`); else null. */
  count: z.number().int().nullable(),
  /** Status: `count` as a percentage of `sites` (two decimals); else null. */
  share: z.number().nullable(),
  /** Quantitative: the area's average as the grid's footer computes it (exact decimal text), or null. */
  average: z.string().nullable(),
  /** Quantitative: the structures that reported a value (an EJ counts once). */
  structures: z.number().int().nullable(),
})
export type MapArea = z.infer<typeof mapArea>

export const mapAnswer = z.object({
  period: z.string(),
  indicator: z.string(),
  label: z.string(),
  /** `status`: counts and shares of `status`; `average`: the column's averages. */
  figure: z.enum(['status', 'average']),
  status: z.object({ code: z.string(), label: z.string() }).nullable(),
  unit: z.string().nullable(),
  level: z.enum(MAP_LEVELS),
  /** The month the values are for (the grid's theme month at the follow-up point), or null. */
  month: z.string().nullable(),
  areas: z.array(mapArea),
})
export type MapAnswer = z.infer<typeof mapAnswer>
