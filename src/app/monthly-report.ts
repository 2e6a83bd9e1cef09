// The monthly report of a région at a follow-up point (issue 7 §5), assembled from the dashboards rather than
// counted again: the région's dashboard at the point and at the previous one, the nation's at the point
// (aggregates only), the programme views and the top priorities with the default criteria. The caller has
// checked that the user may read the région's report (canReadRegionReport).
import type { AccessUser } from '../domain/access/permissions'
import { seesAllFrance } from '../domain/access/permissions'
import { PRIORITY_ROWS, type MonthlyReport } from '../domain/contract/monthly-report'
import { findGridColumn } from '../domain/grid/columns'
import { previousPeriod } from '../domain/observations/period'
import { keyFigures } from '../domain/report/key-figures'
import { showsNationalShare } from '../domain/report/permissions'
import type { Store } from '../store/database'
import { regionName } from '../store/reference'
import { dashboard } from './dashboard'
import { programmeViews } from './dashboard-programmes'
import { topPriorities } from './priority-report'

/** `YYYY-MM-DD` in French time: a report made at 00:30 in Paris is dated that day. */
const PARIS_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' })

/** A request the user can fix (HTTP 400). */
export class MonthlyReportError extends Error {
  readonly statusCode = 400
}

/**
 * The same role over all France, for the nation's dashboard: its shares are shown beside the région's, as
 * the grid shows a regional user the national averages; nothing structure by structure is taken from it.
 */
const nationalReader = (user: AccessUser): AccessUser =>
  seesAllFrance(user) ? user : { ...user, scopes: [{ kind: 'france', code: '' }] }

export async function monthlyReport(
  store: Store,
  user: AccessUser,
  query: { region: string; period: string },
  now: Date = new Date(),
): Promise<MonthlyReport> {
  const name = await regionName(store.db, query.region)
  if (name === undefined) throw new MonthlyReportError(`Région inconnue : « ${query.region} » (region).`)
  const before = previousPeriod(query.period)
  const inRegion = { region: query.region, period: query.period }
  const [region, previous, nation, programmes, priorities] = await Promise.all([
    dashboard(store, user, inRegion),
    dashboard(store, user, { ...inRegion, period: before }),
    dashboard(store, nationalReader(user), { period: query.period }),
    programmeViews(store, user, inRegion),
    topPriorities(store, user, { ...inRegion, limit: PRIORITY_ROWS }),
  ])
  const nationalColumns = new Set(
    region.statusColumns
      .filter((c) => {
        const column = findGridColumn(c.key)
        return column !== undefined && showsNationalShare(user, column)
      })
      .map((c) => c.key),
  )
  return {
    region: { code: query.region, name },
    period: query.period,
    previousPeriod: before,
    generatedOn: PARIS_DATE.format(now),
    keyFigures: keyFigures(region, previous, nation, nationalColumns),
    evolution: region.evolution,
    tables: region.tables,
    programmes,
    priorities: { criteria: priorities.criteria, total: priorities.total, sites: priorities.sites },
  }
}
