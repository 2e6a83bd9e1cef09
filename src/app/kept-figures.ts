// The dashboards' kept figures after the referential changed: sites opened, closed or moved change where
// each structure's values are added up (monthly sums) and which sites are counted per value (status
// counts), in every month.
import type { Session } from '../store/database'
import { refreshMonthlyTotals } from '../store/monthly-totals'
import { refreshStatusCounts } from './status-counts'

export async function refreshKeptFiguresOfAllMonths(session: Session): Promise<void> {
  await refreshMonthlyTotals(session, { months: 'all' })
  await refreshStatusCounts(session, { months: 'all' })
}
