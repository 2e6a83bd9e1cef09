// The dashboards' kept figures after the referential changed: sites opened, closed or moved change where
// each structure's values are added up (monthly sums) and which sites are counted per value (status
// counts), in every month. A register that changed no site (the same extract again) changes none of them.
import type { Session } from '../store/database'
import { refreshMonthlyTotals } from '../store/monthly-totals'
import type { ApplyResult } from '../store/site-import'
import { refreshStatusCounts } from './status-counts'

export async function refreshKeptFiguresAfterSites(session: Session, applied: ApplyResult): Promise<void> {
  const { created, changed, reopened, closed } = applied
  if (created.length + changed.length + reopened.length + closed.length === 0) return
  await refreshMonthlyTotals(session, { months: 'all' })
  await refreshStatusCounts(session, { months: 'all' })
}
