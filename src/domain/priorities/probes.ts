// How each criterion is found through the tracking grid: one or more grid queries ("probes"), each a set of
// `where=` thresholds as /suivi writes them, whose union of results is the criterion's list. So that "the
// list for a criterion" is the grid's own result, and the link to the grid is that very query. A probe is
// `exact` when the grid's result is the criterion's part as it stands; Ségur orders also need the month the
// order was first seen signed (the history), and "no data" is not a column: neither links to the grid.
import { SEGUR_KINDS, type SegurKind } from '../observations/indicators'
import { DERIVED } from '../observations/derived-indicators'
import type { Period } from '../observations/period'
import { parameterOf, type ChosenCriterion } from './criteria'
import { closingWindow, sunEsTargets, type ClosingWindow } from './sun-es-window'

export const CANDIDATE_COLUMN = 'identite.candidat-sun-es'
export const FUNDED_COLUMN = 'esms.finance'
export const DUI_COLUMN = 'esms.dui'
export const orderColumn = (kind: SegurKind) => `segur.commande.${kind}`
export const vaColumn = (kind: SegurKind) => `segur.va.${kind}`

/** The status columns whose fall since the previous point makes a site "en recul" (ordered statuses). */
export const WORSE_COLUMNS = [
  'suivi.meteo',
  'insi.organisation',
  'mss.raccordement',
  'dmp.certificat.commande',
  DERIVED.dmpFeeding,
  DERIVED.ehpadDmp,
] as const

/** The statuses of DMP in EHPAD between a signed convention and "actif". */
export const EHPAD_NOT_ACTIVE = ['convention-signee', 'equipe'] as const

export interface GridProbe {
  /** The part of the criterion: an indicator, a Ségur kind, a status, a column. */
  part: string
  /** Grid thresholds (`KEY:op[:VALUE]`), all met. */
  where: string[]
  /** The columns whose values the reason quotes. */
  columns: string[]
  /** Whether the reason needs the previous point's values. */
  compare: boolean
  /** Whether the grid's result for `where` is the criterion's part exactly (then it is linked to). */
  exact: boolean
  /** SUN-ES: the window and target this part is measured against. */
  sunEs?: { window: ClosingWindow; target: number }
}

export function probesOf(chosen: ChosenCriterion, period: Period): GridProbe[] {
  switch (chosen.id) {
    case 'sun-es-sous-cible': {
      const window = closingWindow(period, parameterOf(chosen, 'months'))
      if (!window) return []
      return sunEsTargets(window.number).map(({ indicator, target }) => ({
        part: indicator,
        where: [`${CANDIDATE_COLUMN}:filled`, `${indicator}:lt:${target}`],
        columns: [indicator],
        compare: false,
        exact: true,
        sunEs: { window, target },
      }))
    }
    case 'ehpad-dmp-non-actif':
      return EHPAD_NOT_ACTIVE.map((status) => ({
        part: status,
        where: [`${DERIVED.ehpadDmp}:eq:${status}`],
        columns: [DERIVED.ehpadDmp],
        compare: false,
        exact: true,
      }))
    case 'commande-sans-va':
      return SEGUR_KINDS.map((kind) => ({
        part: kind,
        where: [`${orderColumn(kind)}:eq:signee`, `${vaColumn(kind)}:ne:oui`],
        columns: [],
        compare: false,
        exact: false,
      }))
    case 'esms-sans-dui':
      return [
        {
          part: DUI_COLUMN,
          where: [`${FUNDED_COLUMN}:eq:oui`, `${DUI_COLUMN}:ne:oui`],
          columns: [],
          compare: false,
          exact: true,
        },
      ]
    case 'en-recul':
      return WORSE_COLUMNS.map((column) => ({
        part: column,
        where: [`${column}:worse`],
        columns: [column],
        compare: true,
        exact: true,
      }))
    case 'sans-donnee':
      return []
  }
}

/** The columns a probe reads: a user who may not read one of them does not get that probe. */
export function probeColumns(probe: GridProbe): string[] {
  return [...new Set([...probe.where.map((w) => w.split(':')[0] as string), ...probe.columns])]
}

/** Where the grid shows a probe's sites: /suivi with the same place filters and thresholds. */
export function gridHref(
  probe: GridProbe,
  place: { period: Period; region?: string | undefined; departement?: string | undefined },
): string {
  const params = new URLSearchParams({ period: place.period })
  if (place.region) params.set('region', place.region)
  if (place.departement) params.set('departement', place.departement)
  for (const w of probe.where) params.append('where', w)
  if (probe.columns.length) params.set('columns', probe.columns.join(','))
  if (probe.compare) params.set('compare', 'true')
  return `/suivi?${params.toString()}`
}
