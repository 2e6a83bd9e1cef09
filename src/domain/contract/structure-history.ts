// The contract of an establishment's follow-up over time: every theme of the grid month by month, the
// région's and the nation's averages beside the site's value, programme attainment and funding forecast
// with the engine's explanation, and the history of the fields people typed.
import { z } from 'zod'
import { GRID_THEMES } from '../grid/columns'
import { periodParam } from './access'
import { average } from './grid'

export const LEVELS = ['EG', 'EJ', 'PMSI'] as const

/** `jalon`: computed by the rules engine; `saisie`: typed in Jalon; otherwise the source file's code. */
export const historyPoint = z.object({
  month: z.string(),
  /** Numbers as exact decimal text; statuses as their code. */
  value: z.string().nullable(),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  level: z.enum(LEVELS),
  /** The FINESS the value was reported for (the site, its EJ or its FINESS PMSI). */
  finess: z.string(),
  source: z.string(),
})
export type HistoryPoint = z.infer<typeof historyPoint>

export const historyColumn = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.string(),
  unit: z.string().nullable(),
  statuses: z.array(z.object({ code: z.string(), label: z.string() })).nullable(),
  owner: z.enum(['national', 'regional', 'establishment']),
  responsible: z.string(),
  quantitative: z.boolean(),
  /** Oldest first, one per month. */
  points: z.array(historyPoint),
})
export type HistoryColumn = z.infer<typeof historyColumn>

export const structureHistory = z.object({
  finess: z.string(),
  /** The latest month with a value, or null when the site has none. */
  latestMonth: z.string().nullable(),
  themes: z.array(
    z.object({
      theme: z.enum(GRID_THEMES),
      label: z.string(),
      /** Columns the user may see that have at least one value. */
      columns: z.array(historyColumn),
    }),
  ),
})
export type StructureHistory = z.infer<typeof structureHistory>

export const periodQuery = z.object({ period: periodParam })

export const structureAverages = z.object({
  finess: z.string(),
  period: z.string(),
  region: z.string().nullable(),
  columns: z.array(
    z.object({
      key: z.string(),
      /** The month the theme's data comes from at the follow-up point. */
      month: z.string().nullable(),
      /** The site's value at that month. */
      site: historyPoint.nullable(),
      nation: average,
      region: average.nullable(),
    }),
  ),
})
export type StructureAverages = z.infer<typeof structureAverages>

export const PROGRAMMES = ['sun-es', 'hopen2', 'ifaq'] as const

export const programmeTarget = z.object({
  /** The measured indicator (`ifaq.NUM1`). */
  indicator: z.string(),
  label: z.string(),
  /** Percentage; null when the target depends on something unknown. */
  target: z.number().nullable(),
  /** The measure of the month: rate as exact decimal text, with its fraction when the source gives it. */
  rate: z.string().nullable(),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
})

export const programmeAttainment = z.object({
  /** The derived indicator (`derive.ifaq.NUM1.atteint`). */
  indicator: z.string(),
  programme: z.enum(PROGRAMMES),
  label: z.string(),
  level: z.enum(LEVELS),
  finess: z.string(),
  /** `oui`, `non`, or null when undetermined (the explanation says why). */
  reached: z.string().nullable(),
  targets: z.array(programmeTarget),
  /** The engine's explanation, in French. */
  explanation: z.string(),
})
export type ProgrammeAttainment = z.infer<typeof programmeAttainment>

export const fundingForecast = z.object({
  /** `activite`, `sons.DPI`, `sun-es`, `hopen2.P1.O2`… */
  id: z.string(),
  label: z.string(),
  /** Euros as exact decimal text ("10338.71"); null when the engine cannot compute it. */
  amount: z.string().nullable(),
  /** What it answers: a ceiling, an amount at stake, an amount earned… */
  amountLabel: z.string(),
  earnedAmount: z.string().nullable(),
  summary: z.string(),
  /** Inputs the engine needed and Jalon does not hold: never guessed. */
  missing: z.array(z.object({ field: z.string(), label: z.string() })),
  /** What Jalon read to build the engine's input. */
  basis: z.array(z.string()),
  explanation: z.string(),
})
export type FundingForecast = z.infer<typeof fundingForecast>

/** The activité combinée the engine computes from the activity terms Jalon holds (RULES §5). */
export const activityBasis = z.object({
  /** MCO-day equivalents as exact decimal text; null when a term is missing. */
  value: z.string().nullable(),
  category: z.string().nullable(),
  /** The activity year the file gives (the Ségur programmes read 2019). */
  year: z.string().nullable(),
  summary: z.string(),
  missing: z.array(z.object({ field: z.string(), label: z.string() })),
  explanation: z.string(),
})
export type ActivityBasis = z.infer<typeof activityBasis>

export const structureProgrammes = z.object({
  finess: z.string(),
  period: z.string(),
  finessPmsi: z.string().nullable(),
  activity: activityBasis.nullable(),
  attainments: z.array(programmeAttainment),
  forecasts: z.array(fundingForecast),
})
export type StructureProgrammes = z.infer<typeof structureProgrammes>

export const typedEntry = z.object({
  field: z.string(),
  label: z.string(),
  theme: z.string(),
  /** Status code or text; its label for a status. */
  value: z.string().nullable(),
  valueLabel: z.string().nullable(),
  month: z.string(),
  /** An e-mail, or the tracker file the value was imported from. */
  enteredBy: z.string().nullable(),
  enteredAt: z.string().nullable(),
  origin: z.enum(['typed', 'tracker']),
})
export type TypedEntry = z.infer<typeof typedEntry>

export const structureComments = z.object({
  finess: z.string(),
  /** Newest month first. */
  entries: z.array(typedEntry),
})
export type StructureComments = z.infer<typeof structureComments>
