// The demo's national source files: generated the same way every time, written where a user can open them,
// imported through the real importer with their planted imperfections reported, and the derived indicators
// of a long chain of imports equal to a full recomputation.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemoSources } from '../../src/app/demo-sources/generate'
import { measuresOf } from '../../src/app/demo-sources/generators/programmes'
import { DEMO_ACTOR } from '../../src/app/access/actor'
import { loadDemoSources, type DemoSourcesSummary } from '../../src/app/demo-sources/index'
import { demoWindow, hasFile, SOURCE_PLANS } from '../../src/app/demo-sources/plan'
import { recomputeDerived } from '../../src/app/recompute-derived'
import { sha256Of } from '../../src/app/raw-file'
import type { Store } from '../../src/store/database'
import { listDemoSites } from '../../src/store/demo-queries'
import { indicatorIds } from '../../src/store/observations'
import { loadKnownFiness } from '../../src/store/reconcile'
import { freshStore } from '../db'
import { loadDemoReferential } from '../support/demo-referential'

/** A smaller demo than `jalon demo`'s: one département, the last eight months (every planted flaw is in). */
const OPTIONS = { until: '2026-10', months: 8, departements: ['22'] } as const

let store: Store
let dir: string
let summary: DemoSourcesSummary
beforeAll(async () => {
  store = await freshStore()
  await loadDemoReferential(store)
  dir = mkdtempSync(join(tmpdir(), 'jalon-demo-sources-'))
  summary = await loadDemoSources(store, { dir, ...OPTIONS })
}, 300_000)
afterAll(async () => {
  await store?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const derivedRows = async () =>
  (
    await sql<{ row: string }>`
      select concat_ws('|', to_char(period, 'YYYY-MM'), indicator_id, level, finess, value_number::text,
                       value_text, numerator::text, denominator::text) as row
      from derived_observation order by 1`.execute(store.db)
  ).rows.map((r) => r.row)

const observationRows = async () =>
  (
    await sql<{ row: string }>`
      select concat_ws('|', si.source, to_char(o.period, 'YYYY-MM'), o.indicator_id, o.level, o.finess,
                       o.value_number::text, o.value_text) as row
      from observation o join source_import si on si.id = o.import_id order by 1`.execute(store.db)
  ).rows.map((r) => r.row)

describe('demo source files', () => {
  it('writes every file with a LISEZMOI where the user can open them', () => {
    expect(existsSync(join(dir, 'LISEZMOI.txt'))).toBe(true)
    const written = SOURCE_PLANS.flatMap((p) =>
      existsSync(join(dir, p.code)) ? readdirSync(join(dir, p.code)) : [],
    )
    expect(written).toHaveLength(summary.files)
    expect(summary.sites).toBeGreaterThan(100)
  })

  it('imports one file per source and month it has, skipping the months that never came', async () => {
    const window = demoWindow(OPTIONS.until, OPTIONS.months)
    for (const plan of SOURCE_PLANS) {
      // Programme results come only for the months a programme measures (measuresOf), not every month.
      const expected = plan.fixedPeriods
        ? plan.fixedPeriods.length
        : window.periods.filter(
            (p, i) => hasFile(plan, window, i) && (plan.code !== 'programmes' || measuresOf(p).length > 0),
          ).length
      expect(summary.bySource[plan.code]?.imports ?? 0, plan.code).toBe(expected)
    }
    const imports = await store.db
      .selectFrom('source_import')
      .select(['actor'])
      .where('replaced_by_import_id', 'is', null)
      .where('finished_at', 'is not', null)
      .execute()
    expect(imports).toHaveLength(summary.imports)
    expect(new Set(imports.map((i) => i.actor))).toEqual(new Set([DEMO_ACTOR.label]))
  })

  it('refuses the damaged copy, then imports the good one of the same month', () => {
    expect(summary.refused).toHaveLength(1)
    const [refused] = summary.refused
    expect(refused?.planned).toBe(true)
    expect(refused?.message).toContain(refused?.fileName)
    expect(summary.bySource[refused?.source ?? 'insi']?.imports).toBeGreaterThan(0)
  })

  it('reports the planted unknown FINESS numbers, which the referential indeed does not know', async () => {
    expect(summary.unknownFiness.length).toBeGreaterThan(0)
    const known = await loadKnownFiness(store.db)
    for (const finess of summary.unknownFiness) {
      expect(known.sites.has(finess) || known.legalEntities.has(finess) || known.pmsi.has(finess)).toBe(false)
    }
    expect(summary.rowsRejected).toBeGreaterThan(0)
    expect(summary.observations).toBeGreaterThan(10_000)
  })

  it('generates the same bytes every time', async () => {
    const sites = (await listDemoSites(store.db, '53')).filter((s) => s.departement === '22')
    const known = await loadKnownFiness(store.db)
    const isKnown = (f: string) => known.sites.has(f) || known.legalEntities.has(f) || known.pmsi.has(f)
    const hashes = async () =>
      (await generateDemoSources(sites, { ...OPTIONS, isKnown })).map(
        (f) => `${f.fileName} ${sha256Of(f.bytes)}`,
      )
    expect(await hashes()).toEqual(await hashes())
  })

  it('derives, import after import, the same values as a full recomputation', async () => {
    const incremental = await derivedRows()
    expect(incremental.length).toBeGreaterThan(1000)
    const ids = await indicatorIds(store.db)
    await store.transaction((session) => recomputeDerived(session, '2019-01', ids))
    expect(await derivedRows()).toEqual(incremental)
  })

  it('gives the same observations when the whole demo is imported again', async () => {
    const before = await observationRows()
    const again = await loadDemoSources(store, { dir, ...OPTIONS })
    expect(again.imports).toBe(summary.imports)
    expect(await observationRows()).toEqual(before)
  }, 300_000)
})
