// The dashboard's programme views (issue 7 §1), for a follow-up point and the referential's filters within
// the user's scopes: SUN-ES candidates and measurement windows, the attainment of each programme objective,
// and the money: amounts committed (ESMS numérique) and forecast by the rules engine (SUN-ES, HOPEN 2), each
// forecast with the engine's explanation. Counts of sites are the tracking grid's totals for the same filters.
import { z } from 'zod'

const share = z.object({ count: z.number().int(), share: z.number() })

/** A derived attainment column of the grid (`derive.sun-es.D1.atteint`…) counted at a month. */
export const attainmentCount = z.object({
  /** The grid column: `where=KEY:eq:oui` gives the sites counted in `reached`. */
  key: z.string(),
  programme: z.enum(['sun-es', 'hopen2', 'ifaq']),
  label: z.string(),
  /** The month the values are read at (the grid's programmes theme month, or the window's last month). */
  month: z.string().nullable(),
  reached: share,
  notReached: share,
  /** Sites with no attainment at that month (`where=KEY:empty`). */
  empty: share,
})
export type AttainmentCount = z.infer<typeof attainmentCount>

export const WINDOW_STATES = ['a-venir', 'en-cours', 'terminee'] as const

export const sunEsWindowView = z.object({
  number: z.number().int(),
  candidature: z.object({ from: z.string(), to: z.string() }),
  measurement: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  /** Where the follow-up point stands against the measurement months. */
  state: z.enum(WINDOW_STATES),
  /** Share of the forfait a domain reached in this window pays. */
  degressivity: z.number(),
  /** The month read: the follow-up point inside the window, its last month after it; null before it. */
  month: z.string().nullable(),
  domains: z.array(attainmentCount),
})
export type SunEsWindowView = z.infer<typeof sunEsWindowView>

/** One engine forecast of one structure (a FINESS PMSI mostly), with what the engine says of it. */
export const siteForecast = z.object({
  /** The level the structure reported its rates at; its number. */
  level: z.enum(['EG', 'EJ', 'PMSI']),
  finess: z.string(),
  /** A site of the structure, for its establishment page; null if none is in the referential. */
  site: z.string().nullable(),
  name: z.string().nullable(),
  departement: z.string().nullable(),
  /** `sun-es`, `hopen2.P1.O2`… */
  id: z.string(),
  label: z.string(),
  /** Euros, exact decimal text; null when the engine cannot compute it (inputs named in `missing`). */
  amount: z.string().nullable(),
  amountLabel: z.string(),
  summary: z.string(),
  missing: z.array(z.string()),
  explanation: z.string(),
})
export type SiteForecast = z.infer<typeof siteForecast>

export const forecastTotal = z.object({
  /** `sun-es` or `hopen2`. */
  programme: z.string(),
  label: z.string(),
  /** Structures with a forecast of the programme, each counted once. */
  structures: z.number().int(),
  /** Sum of the computed amounts, exact decimal text. */
  amount: z.string(),
  /** Forecasts the engine could not price (an input Jalon does not hold). */
  undetermined: z.number().int(),
})

export const programmeViews = z.object({
  period: z.string(),
  sites: z.number().int(),
  /** Sites with a SUN-ES candidature recorded (`where=identite.candidat-sun-es:filled`). */
  candidates: share.extend({ key: z.string() }),
  windows: z.array(sunEsWindowView),
  attainment: z.array(attainmentCount),
  funding: z.object({
    committed: z.object({
      /** The grid column summed (`esms.montant`). */
      key: z.string(),
      label: z.string(),
      month: z.string().nullable(),
      /** Sites financed by ESMS numérique (`where=esms.finance:eq:oui`). */
      fundedSites: z.number().int(),
      /** Euros, exact decimal text: each structure's amount once, at the level it was contracted at. */
      amount: z.string(),
    }),
    forecast: z.object({
      totals: z.array(forecastTotal),
      /** The forecasts, highest amount first; at most `FORECAST_ROWS`. */
      rows: z.array(siteForecast),
      /** Forecasts in all, beyond the rows listed. */
      count: z.number().int(),
    }),
  }),
})
export type ProgrammeViews = z.infer<typeof programmeViews>

/** Forecast rows listed; the totals cover them all. */
export const FORECAST_ROWS = 100
