// The follow-up points the tracking grid offers: every month since the "Suivi Ségur ES" tracker began, up to
// the latest month with data, each said to have data of its own or not.
import { z } from 'zod'

/** The tracker's first follow-up point: the Ségur numérique tracking began in January 2021. */
export const FIRST_FOLLOW_UP = '2021-01'

export const gridPeriods = z.object({
  /** FIRST_FOLLOW_UP. */
  first: z.string(),
  /** The latest month (`YYYY-MM`) a national file or a région's tracker gives values for; null before any. */
  latest: z.string().nullable(),
  /** Every month that has such values, oldest first. */
  withData: z.array(z.string()),
})
export type GridPeriods = z.infer<typeof gridPeriods>
