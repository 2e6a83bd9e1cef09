// Opening Jalon's database ready for use: migrated, with its reference data loaded.
import { join } from 'node:path'
import { ALL_INDICATORS } from '../domain/observations/catalogue'
import { readReferenceData } from '../sources/nomenclatures'
import { openStore, type Store } from '../store/database'
import { refreshCumulativeTotals } from '../store/cumulative-totals'
import { migrate } from '../store/migrate'
import { refreshMonthlyTotals } from '../store/monthly-totals'
import { syncIndicators } from '../store/observations'
import { saveReferenceData } from '../store/reference'
import type { Config } from './config'

/** The migrations that created or widened the dashboards' kept figures. */
const KEPT_FIGURES_MIGRATIONS = [
  '0008_monthly_totals',
  '0009_cumulative_totals',
  '0010_status_counts',
  '0011_month_rankings',
]
import { refreshStatusCounts } from './status-counts'

export async function prepareStore(store: Store): Promise<Store> {
  const applied = await migrate(store)
  const reference = readReferenceData()
  await store.transaction(async (session) => {
    await saveReferenceData(session, reference)
    await syncIndicators(session, ALL_INDICATORS)
    // A database imported into before the dashboards' figures were kept gets them once, here; each of
    // these migrations also widened what is kept (more indicators, more columns), so all are rewritten.
    if (applied.some((m) => KEPT_FIGURES_MIGRATIONS.includes(m))) {
      await refreshMonthlyTotals(session, { months: 'all' })
      await refreshCumulativeTotals(session, 'all')
      await refreshStatusCounts(session, { months: 'all' })
    }
  })
  return store
}

export async function openDatabase(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<Store> {
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    pgliteDir: join(config.dataDir, 'pglite'),
  })
  try {
    return await prepareStore(store)
  } catch (error) {
    await store.close()
    throw error
  }
}
