// End to end: the map (/carte) in the built web app (dist/web, `npm run build:web`) served by the real
// server on seed 002's tracker and a month of national files, driven in Debian's Chromium by a national
// contributor. It opens the map from the menu, checks an area's figure in the table against the API,
// clicks the area in the drawn map and lands on the grid filtered on it with the API's total, switches to a
// quantitative indicator by régions, downloads the table as a French CSV and checks accessibility.
// JALON_E2E_SCREENSHOTS=/tmp also saves a full-page screenshot of each step there.
import { readFileSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MapAnswer, MapLevel } from '../../src/domain/contract/map'
import type { Store } from '../../src/store/database'
import GEOMETRY from '../../src/web/map/france-geometry.json' with { type: 'json' }
import { freshStore } from '../db'
import { seriousViolations } from '../support/axe'
import { CHROMIUM, hasChromium, openWebApp, type WebApp } from '../support/browser'
import { importSeedTracker } from '../support/seed-sites'
import { importSourceLines } from '../support/source-lines'

const PERIOD = '2022-09'
const BERGERAC = '240000372'
const FLEYRIAT = '010000024'
const FLEYRIAT_EJ = '010780054'
/** Périgueux, well inside the Dordogne (24), where Bergerac's signed DPI order is. */
const PERIGUEUX = [0.7207, 45.1846] as const

/** The bounds (longitude, latitude) of the shapes the map draws at a level. */
function shapeBounds(level: MapLevel, codes: ReadonlySet<string>) {
  const points = GEOMETRY[level].features
    .filter((f) => codes.has(f.properties.code))
    .flatMap((f) => (f.geometry.coordinates as unknown[]).flat(3) as number[])
  const xs = points.filter((_, i) => i % 2 === 0)
  const ys = points.filter((_, i) => i % 2 === 1)
  return { west: Math.min(...xs), east: Math.max(...xs), south: Math.min(...ys), north: Math.max(...ys) }
}

describe.skipIf(!hasChromium)(
  hasChromium ? 'web app in Chromium: map' : `web app: skipped, ${CHROMIUM} is missing`,
  () => {
    let store: Store | undefined
    let web: WebApp | undefined
    let page: Page
    let base: string

    const load = (source: string, period: string, lines: string[]) =>
      importSourceLines(store as Store, source, period, lines)

    beforeAll(async () => {
      store = await freshStore()
      await importSeedTracker(store)
      const insi = 'FINESS;Niveau FINESS;Nombre total d’appels'
      await load('insi', PERIOD, [insi, `${BERGERAC};EG;1700`, `${FLEYRIAT_EJ};EJ;2500`])
      await load('segur-asp', PERIOD, [
        'FINESS;Type de logiciel;Statut de la commande;VA signée',
        `${BERGERAC};DPI;Commande signée;Oui`,
        `${FLEYRIAT};RI;Commande signée;Non`,
      ])
      web = await openWebApp(store, { signIn: { role: 'national', displayName: 'Nadia Martin' } })
      ;({ page, base } = web)
    }, 180_000)

    afterAll(async () => {
      await web?.close()
      await store?.close()
    })

    const shoot = (name: string) => web?.shoot(`carte-${name}`)
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
    const table = () => page.getByRole('region', { name: /^Tableau par / })
    const areaRow = (name: string) =>
      table()
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: new RegExp(`^${name} \\(`) }) })
    const apiMap = (query: string) =>
      page.evaluate(
        (url) => fetch(url, { headers: { accept: 'application/json' } }).then((r) => r.json()),
        `/api/map?${query}`,
      ) as Promise<MapAnswer>

    /** Where a longitude and latitude fall on the drawn map: its shapes span the drawn paths' box. */
    async function pixelOf(level: MapLevel, codes: ReadonlySet<string>, [x, y]: readonly [number, number]) {
      const drawn = page.locator(`[data-map-level="${level}"] svg path`)
      await expect.poll(() => drawn.count()).toBeGreaterThan(codes.size - 1)
      // The boxes are the viewport's: the map is brought into it first.
      await page.locator(`[data-map-level="${level}"]`).scrollIntoViewIfNeeded()
      const box = await drawn.evaluateAll((paths) => {
        const rects = paths.map((p) => p.getBoundingClientRect()).filter((r) => r.width > 0)
        return {
          left: Math.min(...rects.map((r) => r.left)),
          right: Math.max(...rects.map((r) => r.right)),
          top: Math.min(...rects.map((r) => r.top)),
          bottom: Math.max(...rects.map((r) => r.bottom)),
        }
      })
      const bounds = shapeBounds(level, codes)
      return {
        x: box.left + ((x - bounds.west) / (bounds.east - bounds.west)) * (box.right - box.left),
        y: box.top + ((bounds.north - y) / (bounds.north - bounds.south)) * (box.bottom - box.top),
      }
    }

    it('opens from the menu and shows the API’s figures in the table', async () => {
      await page.goto(`${base}/tableau-de-bord`)
      await page.getByRole('navigation').getByRole('link', { name: 'Carte', exact: true }).click()
      await page.getByRole('heading', { level: 1, name: 'Carte' }).waitFor()
      await page.goto(`${base}/carte?period=${PERIOD}`)
      await page.getByRole('heading', { level: 2, name: 'Commande DPI : Commande signée' }).waitFor()
      const api = await apiMap(`period=${PERIOD}&indicator=segur.commande.dpi`)
      const dordogne = api.areas.find((a) => a.code === '24')
      expect(dordogne).toMatchObject({ sites: 1, count: 1, share: 100 })
      const cells = areaRow('Dordogne').getByRole('cell')
      expect(await text(cells.nth(1))).toBe(String(dordogne?.sites))
      expect(await text(cells.nth(2))).toBe(String(dordogne?.count))
      expect(await text(cells.nth(3))).toBe('100 %')
      const ain = api.areas.find((a) => a.code === '01')
      expect(await text(areaRow('Ain').getByRole('cell').nth(1))).toBe(String(ain?.sites))
      // Every département and the overseas insets are drawn.
      await expect
        .poll(() => page.locator('[data-map-level="departement"] svg path').count())
        .toBeGreaterThan(100)
      await shoot('departements')
    })

    it('goes from an area clicked on the map to the grid filtered on it', async () => {
      const api = await apiMap(`period=${PERIOD}&indicator=segur.commande.dpi`)
      const drawn = new Set(GEOMETRY.departement.features.map((f) => f.properties.code))
      const { x, y } = await pixelOf('departement', drawn, PERIGUEUX)
      await page.mouse.move(x, y)
      // The tooltip: the area hovered, with its figure in French.
      const tooltip = page.getByText('Commande signée : 1 (100 %)')
      await expect.poll(() => text(tooltip)).toMatch(/^Dordogne \(24\) ?1 établissement/)
      await page.mouse.click(x, y)
      await page.waitForURL(/\/suivi\?/)
      const url = new URL(page.url())
      expect(url.searchParams.get('period')).toBe(PERIOD)
      expect(url.searchParams.get('departement')).toBe('24')
      expect(url.searchParams.getAll('where')).toEqual(['segur.commande.dpi:eq:signee'])
      const count = api.areas.find((a) => a.code === '24')?.count ?? -1
      const total = page.getByRole('status').filter({ hasText: /établissements?$/ })
      await expect.poll(() => text(total)).toBe(`${count} établissement${count > 1 ? 's' : ''}`)
      await shoot('grille')
    })

    it('maps a quantitative indicator by région and downloads the table as a French CSV', async () => {
      await page.goto(`${base}/carte?period=${PERIOD}`)
      await page.getByRole('combobox', { name: /^Indicateur/ }).selectOption('insi.appels')
      await page.getByRole('combobox', { name: /^Échelle/ }).selectOption('region')
      await page.getByRole('button', { name: 'Afficher' }).click()
      await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('region')
      await page.getByRole('heading', { level: 2, name: /moyenne$/ }).waitFor()
      const api = await apiMap(`period=${PERIOD}&indicator=insi.appels&level=region`)
      const aquitaine = api.areas.find((a) => a.code === '75')
      expect(aquitaine?.average).toBe('1700.00')
      expect(await text(areaRow('Nouvelle-Aquitaine').getByRole('cell').nth(2))).toMatch(/^1 700/)
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        table()
          .getByRole('button', { name: /Télécharger \(CSV\)/ })
          .click(),
      ])
      expect(download.suggestedFilename()).toBe(`carte-${PERIOD}-insi-appels-tableau-par-region.csv`)
      const content = readFileSync(await download.path(), 'utf8')
      expect(content.startsWith('\ufeffRégion;Code;Établissements;Moyenne;Structures déclarantes\r\n')).toBe(
        true,
      )
      expect(content).toContain(`\r\nNouvelle-Aquitaine;75;${aquitaine?.sites};1700;1\r\n`)
      await shoot('regions')
    })

    it('has no serious accessibility violation', async () => {
      expect(await seriousViolations(page)).toEqual([])
      expect(web?.browserErrors).toEqual([])
    })
  },
)
