// The tracking grid's API contract: one row per site at a follow-up point, the columns asked for, the
// month each theme's data comes from, and the previous point's values in comparison mode.
import { z } from 'zod'
import { SECTORS } from '../sector'
import { GRID_THEMES } from '../grid/columns'
import { periodParam } from './access'
import { structureFilters } from './structures'

export const GRID_IDENTITY_SORTS = ['finessEg', 'finessEj', 'name', 'departement', 'categoryCode'] as const

/** `new`: filled at this point and empty at the previous one; `worse`: lower than at the previous one. */
export const THRESHOLD_OPERATORS = [
  'gt',
  'gte',
  'lt',
  'lte',
  'eq',
  'ne',
  'empty',
  'filled',
  'new',
  'worse',
] as const
const VALUELESS: readonly string[] = ['empty', 'filled', 'new', 'worse']
export type ThresholdOperator = (typeof THRESHOLD_OPERATORS)[number]

/** `key:op[:value]`, e.g. `insi.appels:lt:100`, `suivi.meteo:eq:alerte`, `esms.dui:empty`. */
export const thresholdFilter = z
  .string()
  .max(200)
  .transform((text, ctx) => {
    const [key = '', op = '', ...rest] = text.split(':')
    const value = rest.join(':')
    if (!(THRESHOLD_OPERATORS as readonly string[]).includes(op)) {
      ctx.addIssue({
        code: 'custom',
        message: `opérateur inconnu « ${op} » (${THRESHOLD_OPERATORS.join(', ')})`,
      })
      return z.NEVER
    }
    const needsValue = !VALUELESS.includes(op)
    if (needsValue === (value === '')) {
      ctx.addIssue({ code: 'custom', message: `« ${text} » : valeur ${needsValue ? 'attendue' : 'en trop'}` })
      return z.NEVER
    }
    return { key, op: op as ThresholdOperator, value: needsValue ? value : null }
  })
export type ThresholdFilter = z.output<typeof thresholdFilter>

/** A comma-separated list, or the parameter repeated. */
const codeList = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(64)).max(200))

export const gridQuery = structureFilters.extend({
  period: periodParam,
  ght: z.string().trim().min(1).max(64).optional(),
  /** Indicator filters against a threshold (repeatable). */
  where: z
    .union([z.array(thresholdFilter), thresholdFilter.transform((f) => [f])])
    .optional()
    .default([]),
  columns: codeList.optional(),
  sort: z.string().max(64).default('finessEg'),
  order: z.enum(['asc', 'desc']).default('asc'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  /** Also the values of the previous follow-up point, and which cells changed. */
  compare: z.enum(['true', 'false']).optional(),
})
export type GridQuery = z.output<typeof gridQuery>

export const gridCell = z.object({
  /** Numbers as exact decimal text; statuses as their code. */
  value: z.string().nullable(),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  level: z.enum(['EG', 'EJ', 'PMSI']),
  /** The month the value is for (`YYYY-MM`). */
  month: z.string(),
})
export type GridCell = z.infer<typeof gridCell>

export const gridRow = z.object({
  finessEg: z.string(),
  finessEj: z.string(),
  finessPmsi: z.string().nullable(),
  name: z.string(),
  departement: z.string().nullable(),
  region: z.string().nullable(),
  categoryCode: z.string().nullable(),
  categoryLabel: z.string().nullable(),
  sector: z.enum(SECTORS),
  closed: z.boolean(),
  values: z.record(z.string(), gridCell),
  previous: z.record(z.string(), gridCell).optional(),
  /** Columns whose value differs from the previous point. */
  changed: z.array(z.string()).optional(),
})
export type GridRow = z.infer<typeof gridRow>

export const gridThemeMonth = z.object({
  theme: z.enum(GRID_THEMES),
  /** The month of the theme's latest data at or before the follow-up point (`YYYY-MM`), or null. */
  month: z.string().nullable(),
})

export const gridPage = z.object({
  period: z.string(),
  previousPeriod: z.string().nullable(),
  themes: z.array(gridThemeMonth),
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  rows: z.array(gridRow),
})
export type GridPage = z.infer<typeof gridPage>

export const averagesQuery = z.object({
  period: periodParam,
  columns: codeList.optional(),
  region: z
    .string()
    .trim()
    .regex(/^[0-9]{2,3}$/, 'code INSEE de région attendu (ex. 53)')
    .optional(),
})
export type AveragesQuery = z.output<typeof averagesQuery>

export const average = z.object({
  /** Exact decimal text, two decimals; a rate as a percentage. */
  value: z.string().nullable(),
  /** Structures that reported a value (an EJ counts once). */
  structures: z.number(),
})

export const gridAverages = z.object({
  period: z.string(),
  region: z.string().nullable(),
  columns: z.array(
    z.object({ key: z.string(), month: z.string().nullable(), nation: average, region: average.nullable() }),
  ),
})
export type GridAverages = z.infer<typeof gridAverages>
