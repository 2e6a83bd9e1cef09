// Opening Jalon's database ready for use: migrated, with its reference data loaded.
import { join } from 'node:path'
import { ALL_INDICATORS } from '../domain/observations/catalogue'
import { readReferenceData } from '../sources/nomenclatures'
import { openStore, type Store } from '../store/database'
import { CUMULATIVE_TOTALS_MIGRATIONS, refreshCumulativeTotals } from '../store/cumulative-totals'
import { migrate } from '../store/migrate'
import { MONTHLY_TOTALS_MIGRATION, refreshMonthlyTotals } from '../store/monthly-totals'
import { syncIndicators } from '../store/observations'
import { saveReferenceData } from '../store/reference'
import { STATUS_COUNTS_MIGRATION } from '../store/status-counts'
import type { Config } from './config'
import { refreshStatusCounts } from './status-counts'

export async function prepareStore(store: Store): Promise<Store> {
  const applied = await migrate(store)
  const reference = readReferenceData()
  await store.transaction(async (session) => {
    await saveReferenceData(session, reference)
    await syncIndicators(session, ALL_INDICATORS)
    // A database imported into before the dashboards' sums were kept gets them once, here.
    if (applied.includes(MONTHLY_TOTALS_MIGRATION)) await refreshMonthlyTotals(session, { months: 'all' })
    if (CUMULATIVE_TOTALS_MIGRATIONS.some((m) => applied.includes(m)))
      await refreshCumulativeTotals(session, 'all')
    if (applied.includes(STATUS_COUNTS_MIGRATION)) await refreshStatusCounts(session, { months: 'all' })
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
