// End to end: an establishment's page (/structures/:finess) in the built web app (dist/web) served by the
// real server on a demo-like database — the demo région's FINESS referential and the demo's generated
// national files for one département over five months (activity, INSi, oSIS programme results, Ségur
// orders) — driven in Debian's Chromium by a regional contributor. It reads a theme's months and values in
// the table beside its chart (ECharts loaded only on this page), opens a programme's explanation from the
// rules engine, reads the funding forecast, and checks accessibility (axe-core).
// JALON_E2E_SCREENSHOTS=/tmp also saves a full-page screenshot of each step there.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemoSources } from '../../src/app/demo-sources/index'
import type { StructureHistory } from '../../src/domain/contract/structure-history'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { seriousViolations } from '../support/axe'
import { CHROMIUM, hasChromium, openWebApp, type WebApp } from '../support/browser'
import { loadDemoReferential } from '../support/demo-referential'

const MONTHS = ['mars 2025', 'avril 2025', 'mai 2025', 'juin 2025', 'juillet 2025']
const COUNT = new Intl.NumberFormat('fr-FR')

describe.skipIf(!hasChromium)(
  hasChromium ? 'web app in Chromium: establishment page' : `web app: skipped, ${CHROMIUM} is missing`,
  () => {
    let store: Store | undefined
    let web: WebApp | undefined
    let dir: string | undefined
    let page: Page
    let base: string
    let site: string

    beforeAll(async () => {
      store = await freshStore()
      await loadDemoReferential(store)
      dir = mkdtempSync(join(tmpdir(), 'jalon-e2e-structure-'))
      await loadDemoSources(store, {
        dir,
        until: '2025-07',
        months: 5,
        departements: ['22'],
        sources: ['activite', 'insi', 'programmes', 'segur-asp'],
      })
      // The hospital with the most programme results at its FINESS PMSI (the demo chooses them).
      const chosen = await sql<{ finess: string }>`
        select s.finess_eg as finess from site s
        join observation o on o.level = 'PMSI'
          and o.finess = coalesce(s.finess_pmsi_override, s.finess_pmsi_computed)
        join indicator i on i.id = o.indicator_id and i.code like 'hopen2.%'
        where exists (select 1 from observation x where x.level = 'EG' and x.finess = s.finess_eg)
        group by s.finess_eg order by count(*) desc, s.finess_eg limit 1`.execute(store.db)
      site = chosen.rows[0]?.finess ?? ''
      web = await openWebApp(store, {
        signIn: { role: 'regional', scopes: [{ kind: 'region', code: '53' }], displayName: 'Rose Le Goff' },
      })
      ;({ page, base } = web)
    }, 300_000)

    afterAll(async () => {
      await web?.close()
      await store?.close()
      if (dir) rmSync(dir, { recursive: true, force: true })
    })

    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
    const chartRequests: string[] = []

    it('loads the chart library only on the establishment page', async () => {
      expect(site).toMatch(/^22/)
      page.on('request', (r) => {
        if (r.url().includes('echarts')) chartRequests.push(r.url())
      })
      await page.goto(`${base}/`)
      await page.getByRole('heading', { level: 1 }).first().waitFor()
      expect(chartRequests).toEqual([])
    })

    it('shows each theme month by month in a table beside its chart', async () => {
      await page.goto(`${base}/structures/${site}`)
      await page.getByRole('heading', { name: 'Évolution par thème' }).waitFor()
      const api = await page.request.get(`${base}/api/structures/${site}/history`)
      const history = (await api.json()) as StructureHistory
      const calls = history.themes.flatMap((t) => t.columns).find((c) => c.key === 'insi.appels')
      const july = calls?.points.find((p) => p.month === '2025-07')
      expect(july?.value).toBeTruthy()
      const table = page.locator('table', {
        has: page.locator('caption', { hasText: 'INSi : valeurs mois par mois' }),
      })
      await table.waitFor()
      const months = await table.locator('tbody tr td:first-child').allTextContents()
      expect(months).toEqual([...MONTHS].reverse())
      const column = (await table.locator('thead th').allTextContents()).indexOf('Appels au téléservice INSi')
      expect(column).toBeGreaterThan(0)
      const julyCell = table.locator('tbody tr').first().locator('td').nth(column)
      expect(await text(julyCell)).toBe(`${COUNT.format(Number(july?.value))} appels`.replace(/\s+/g, ' '))
      // The chart is drawn (ECharts, SVG) and hidden from assistive technologies: the table says it all.
      await page.locator('[aria-hidden="true"] svg').first().waitFor()
      expect(chartRequests.some((url) => url.includes('echarts-setup'))).toBe(true)
      // The région's and the nation's averages at the month of reference.
      const averages = page.locator('table', {
        has: page.locator('caption', { hasText: 'INSi : comparaison aux moyennes (juillet 2025)' }),
      })
      expect(await text(averages.locator('thead'))).toContain('Moyenne régionale')
      await web?.shoot('etablissement-themes')
    })

    it('opens a programme’s explanation from the rules engine', async () => {
      const section = page.getByRole('region', { name: 'Programmes et financements' })
      const attainment = section.locator('table', {
        has: page.locator('caption', { hasText: 'Cibles et atteinte des programmes — juillet 2025' }),
      })
      await attainment.waitFor()
      expect(await text(attainment.locator('tbody tr').first())).toMatch(/HOPEN 2.*cible/)
      const explanation = attainment.locator('details').first()
      await explanation.locator('summary').click()
      expect(await explanation.getAttribute('open')).not.toBeNull()
      expect(await text(explanation.locator('p'))).toMatch(/^HOPEN 2 P1\.O\d.*taux de juillet 2025.*cible/)
      // The forecast names what Jalon does not hold rather than guess it.
      expect(await text(section)).toContain('Prévision de financement')
      expect(await text(section)).toContain('Activité combinée')
      expect(await text(section)).toContain('montant non public')
      await web?.shoot('etablissement-programmes')
    })

    it('has no serious accessibility violation, and the page made no outside request', async () => {
      expect(await seriousViolations(page)).toEqual([])
      expect(web?.outsideRequests).toEqual([])
      expect(web?.browserErrors).toEqual([])
    })
  },
)
