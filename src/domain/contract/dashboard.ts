// The dashboard API contract (issue 7 §1): for a follow-up point and the referential's filters, within the
// user's scopes, the sites per status of each status column of the grid, the evolution of the national
// counts over the last follow-up points, and the live tables of seed 000's INSi and DMP report.
import { z } from 'zod'
import { GRID_THEMES } from '../grid/columns'
import { periodParam } from './access'
import { structureFilters } from './structures'

export const dashboardQuery = structureFilters
  .pick({ region: true, departement: true, sector: true, category: true })
  .extend({ period: periodParam })
export type DashboardQuery = z.output<typeof dashboardQuery>

/** How many follow-up points the evolution charts cover at most, the shown one included. */
export const EVOLUTION_POINTS = 12

/** A count of sites and its share of the sites in view (percentage 0–100, two decimals). */
const share = z.object({ count: z.number().int(), share: z.number() })

export const statusColumn = z.object({
  /** The grid column (indicator code), as `where=KEY:eq:STATUS` names it. */
  key: z.string(),
  label: z.string(),
  theme: z.enum(GRID_THEMES),
  /** The month its values are read at for the follow-up point (the grid's theme month), or null. */
  month: z.string().nullable(),
  statuses: z.array(share.extend({ code: z.string(), label: z.string() })),
  /** Sites with no value: the grid's `where=KEY:empty`. */
  empty: share,
  /** Values outside the column's vocabulary (a tracker's old label): counted, not hidden. */
  other: share,
})
export type StatusColumn = z.infer<typeof statusColumn>

export const evolutionSeries = z.object({
  key: z.string(),
  label: z.string(),
  /** One per month of `months`: exact decimal text, null where no structure reported a value. */
  values: z.array(z.string().nullable()),
})

export const evolutionChart = z.object({
  id: z.string(),
  title: z.string(),
  /** What the values count: "appels", "documents", "sites"… */
  unit: z.string(),
  series: z.array(evolutionSeries),
})
export type EvolutionChart = z.infer<typeof evolutionChart>

export const rankedStructure = z.object({
  /** The level the value was reported at: an EJ's value is one line, not one per site. */
  level: z.enum(['EG', 'EJ', 'PMSI']),
  finess: z.string(),
  name: z.string().nullable(),
  departement: z.string().nullable(),
  /** Exact decimal text. */
  value: z.string(),
})
export type RankedStructure = z.infer<typeof rankedStructure>

export const ranking = z.object({
  /** The month the values are for (the theme's month at the follow-up point); null without data. */
  month: z.string().nullable(),
  rows: z.array(rankedStructure),
})

export const categoryStart = z.object({
  categoryCode: z.string().nullable(),
  categoryLabel: z.string().nullable(),
  /** Sites of the category in view. */
  sites: z.number().int(),
  /** Of which INS started (more than 100 INSi calls to date, RULES §4). */
  started: z.number().int(),
  share: z.number(),
})
export type CategoryStart = z.infer<typeof categoryStart>

export const dashboard = z.object({
  period: z.string(),
  /** Open sites in view: the grid's total for the same filters. */
  sites: z.number().int(),
  themes: z.array(z.object({ theme: z.enum(GRID_THEMES), month: z.string().nullable() })),
  statusColumns: z.array(statusColumn),
  evolution: z.object({ months: z.array(z.string()), charts: z.array(evolutionChart) }),
  tables: z.object({
    insiCumulative: ranking,
    insiMonth: ranking,
    dmpMonth: ranking,
    insStarted: z.object({
      month: z.string().nullable(),
      categories: z.array(categoryStart),
      total: categoryStart.omit({ categoryCode: true, categoryLabel: true }),
    }),
  }),
})
export type Dashboard = z.infer<typeof dashboard>
