// End to end: the tracking grid (/suivi) in the built web app (dist/web, `npm run build:web`) served by the
// real server on a fresh database holding the demo région's FINESS referential (Bretagne, 53), INSi counts
// over two months and an EJ-level MSSanté count, driven in Debian's Chromium by a regional contributor.
// It reads the rows and each theme's month, filters to a département through the panel (the URL says it),
// types a météo and a comment in place (kept after a reload), moves between follow-up points, compares
// with the previous one, picks a point in the period selector, reads the averages pinned under the grid,
// chooses columns, filters on what is new or went back since the previous point, and checks accessibility
// (axe-core) and the layout at two screen sizes.
// JALON_E2E_SCREENSHOTS=/tmp also saves a full-page screenshot of each step there.
import ExcelJS from 'exceljs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GridAverages } from '../../src/domain/contract/grid'
import { findGridColumn, type GridColumn } from '../../src/domain/grid/columns'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { seriousViolations } from '../support/axe'
import { CHROMIUM, hasChromium, openWebApp, type WebApp } from '../support/browser'
import { DEMO, loadDemoReferential } from '../support/demo-referential'
import { formatValue } from '../../src/web/tracking/cell-format'
import { importSourceLines } from '../support/source-lines'

const SITE = DEMO.chSaintBrieucSite
/** A site whose INSi count is new in April 2024, and one whose count went down since March. */
const NEW_SITE = DEMO.chSaintBrieucSites[1]
const WORSE_SITE = DEMO.chSaintBrieucEhpad
const COMMENT = 'Relance du <b>DPI</b> & visite prévue'

describe.skipIf(!hasChromium)(
  hasChromium ? 'web app in Chromium: tracking grid' : `web app: skipped, ${CHROMIUM} is missing`,
  () => {
    let store: Store | undefined
    let web: WebApp | undefined
    let page: Page
    let base: string

    const load = (source: string, period: string, lines: string[]) =>
      importSourceLines(store as Store, source, period, lines)

    beforeAll(async () => {
      store = await freshStore()
      await loadDemoReferential(store)
      const insi = 'FINESS;Nombre total d’appels'
      await load('insi', '2024-03', [
        insi,
        `${SITE};900`,
        `${DEMO.polycliniqueTregor};40`,
        `${WORSE_SITE};500`,
      ])
      await load('insi', '2024-04', [
        insi,
        `${SITE};1200`,
        `${DEMO.polycliniqueTregor};40`,
        `${NEW_SITE};300`,
        `${WORSE_SITE};200`,
      ])
      await load('mssante', '2024-03', [
        'FINESS juridique;ES raccordé;Nb de messages envoyés;Nb de BAL',
        `${DEMO.chSaintBrieucEj};ES Emetteur;1830;412`,
      ])
      web = await openWebApp(store, {
        signIn: { role: 'regional', scopes: [{ kind: 'region', code: '53' }], displayName: 'Rose Le Goff' },
      })
      ;({ page, base } = web)
    })

    afterAll(async () => {
      await web?.close()
      await store?.close()
    })

    const shoot = (name: string) => web?.shoot(`suivi-${name}`)
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
    const grid = () => page.getByRole('grid', { name: /^Suivi des établissements/ })
    /** A cell of a site's row (AG Grid names rows by their id and cells by their column). */
    const cell = (finess: string, column: string) =>
      page.locator(`.ag-row[row-id="${finess}"] .ag-cell[col-id="${column}"]`)
    const count = () => page.getByRole('status').filter({ hasText: /établissements?$/ })
    const themeHeader = (label: string) =>
      page
        .locator('.ag-header-group-cell')
        .filter({ has: page.locator('.jalon-theme-header', { hasText: label }) })
    /** A cell of a row of averages pinned under the grid. */
    const averageCell = (row: 'moyenne-nationale' | 'moyenne-region', column: string) =>
      page.locator(`.ag-row-pinned[row-id="${row}"] .ag-cell[col-id="${column}"]`)
    /** The sites' rows the grid shows (each row once, whatever AG Grid's containers). */
    const shownSites = () =>
      page
        .locator('.jalon-grid .ag-row:not(.ag-row-pinned)')
        .evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('row-id')))])
    const openAt = async (path: string) => {
      await page.goto(`${base}${path}`)
      await grid().waitFor()
      await cell(SITE, 'insi.appels').first().waitFor()
    }

    it('shows a row per site and each theme with the month of its data', async () => {
      await openAt('/suivi?period=2024-04')
      expect(await page.title()).toBe('Suivi des établissements – Jalon')
      const nav = page.getByRole('navigation', { name: 'Menu principal' })
      expect((await nav.getByRole('link').allTextContents())[0]).toBe('Suivi')
      expect(await text(themeHeader('INSi'))).toContain('INSi · données d’avril 2024')
      expect(await text(themeHeader('MSSanté'))).toContain('MSSanté · données de mars 2024')
      // Who fills a theme is said in words, not by its colour only.
      expect(await text(themeHeader('INSi'))).toMatch(/National.*Région/)
      expect(await text(cell(SITE, 'insi.appels'))).toBe('1 200 appels')
      // The EJ's count repeats on each of its sites, marked as such.
      expect(await text(cell(SITE, 'mss.messages-envoyes'))).toBe('1 830 messagesEJ')
      expect(await cell(SITE, 'finessEg').first().textContent()).toBe(SITE)
      const link = cell(SITE, 'name').getByRole('link')
      expect(await link.getAttribute('href')).toBe(`/structures/${SITE}`)
      expect(await text(count())).toMatch(/^[\d  ]+ établissements$/)
      await shoot('grille')
    })

    it('filters to a département through the panel, in the URL', async () => {
      const filters = page.getByRole('search', { name: 'Filtres du suivi' })
      await filters.getByLabel('Département').fill('22')
      await filters.getByRole('button', { name: 'Appliquer les filtres' }).click()
      await page.waitForURL(`${base}/suivi?period=2024-04&departement=22`)
      const api = await page.request.get(`${base}/api/grid?period=2024-04&departement=22&limit=1`)
      const { total } = (await api.json()) as { total: number }
      const everywhere = await page.request.get(`${base}/api/grid?period=2024-04&limit=1`)
      expect(total).toBeGreaterThan(0)
      expect(total).toBeLessThan(((await everywhere.json()) as { total: number }).total)
      await expect
        .poll(() => text(count()))
        .toBe(`${new Intl.NumberFormat('fr-FR').format(total)} établissement${total > 1 ? 's' : ''}`)
      await expect.poll(() => cell(SITE, 'departement').first().textContent()).toBe('22')
      await shoot('filtre')
    })

    it('types a météo and a comment in place, which are kept', async () => {
      const meteo = cell(SITE, 'suivi.meteo')
      await meteo.dblclick()
      await grid().getByRole('combobox', { name: 'Météo' }).selectOption('alerte')
      await page.keyboard.press('Enter')
      await page
        .getByRole('status')
        .getByText(/Météo de .* enregistré : En cours de déploiement - Alerte\./)
        .waitFor()

      await cell(SITE, 'suivi.commentaire.segur').dblclick()
      const editor = page.locator('.ag-large-text textarea')
      await editor.fill(COMMENT)
      await page.keyboard.press('Tab')
      await page
        .getByRole('status')
        .getByText(/Commentaires \(prestations Ségur\) de .* enregistré/)
        .waitFor()
      await shoot('saisie')

      await page.reload()
      await grid().waitFor()
      await expect.poll(() => text(cell(SITE, 'suivi.meteo'))).toBe('En cours de déploiement - Alerte')
      expect(await text(cell(SITE, 'suivi.commentaire.segur'))).toBe(COMMENT)
      expect(await cell(SITE, 'suivi.commentaire.segur').locator('b').count()).toBe(0)
    })

    it('refuses a national field: the cell is not editable', async () => {
      const column = 'identite.es-pilote-mes'
      await cell(SITE, column).dblclick()
      expect(await page.locator('.ag-cell-inline-editing, .ag-popup-editor').count()).toBe(0)
    })

    it('moves to the previous follow-up point and back, filters kept', async () => {
      await page.getByRole('link', { name: 'Point précédent : mars 2024' }).click()
      await page.waitForURL(`${base}/suivi?period=2024-03&departement=22`)
      await expect.poll(() => text(cell(SITE, 'insi.appels'))).toBe('900 appels')
      await expect.poll(() => text(themeHeader('INSi'))).toContain('données de mars 2024')
      await page.getByRole('link', { name: 'Point suivant : avril 2024' }).click()
      await page.waitForURL(`${base}/suivi?period=2024-04&departement=22`)
      await expect.poll(() => text(cell(SITE, 'insi.appels'))).toBe('1 200 appels')
    })

    it('compares with the previous point: a changed INSi count is highlighted, with its value before', async () => {
      await page.getByText('Comparer au point précédent (mars 2024)').click()
      await page.waitForURL(`${base}/suivi?period=2024-04&departement=22&compare=true`)
      const changed = cell(SITE, 'insi.appels')
      await expect.poll(() => changed.getAttribute('class')).toContain('jalon-changed')
      const title = await changed.locator('[title]').first().getAttribute('title')
      expect(title?.replace(/\s+/g, ' ')).toContain('avant : 900 appels')
      expect(await text(changed)).toContain('(modifié, avant : 900 appels)')
      // The polyclinic's count did not change.
      const same = cell(DEMO.polycliniqueTregor, 'insi.appels')
      if (await same.count()) expect(await same.getAttribute('class')).not.toContain('jalon-changed')
      await shoot('comparaison')
    })

    it('sorts on a column from its header, in the URL', async () => {
      await page.locator('.ag-header-cell[col-id="insi.appels"] .ag-header-cell-label').click()
      await expect.poll(() => page.url()).toMatch(/sort=insi\.appels&order=asc/)
      await page.locator('.ag-header-cell[col-id="insi.appels"] .ag-header-cell-label').click()
      await expect.poll(() => page.url()).toMatch(/sort=insi\.appels&order=desc/)
      await expect
        .poll(() => page.locator('.ag-row[row-index="0"]').first().getAttribute('row-id', { timeout: 5000 }))
        .toBe(SITE)
    })

    it('exports the view to Excel: the tracker layout, FINESS as text, the values shown', async () => {
      await openAt('/suivi?period=2024-04&departement=22')
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /Exporter la vue \(Excel/ }).click(),
      ])
      expect(download.suggestedFilename()).toMatch(
        /^2024_Suivi Ségur ES_BRETAGNE_V1_Logiciels-NA_INS-042024_MSS-032024_/,
      )
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.readFile(await download.path())
      const sheet = workbook.getWorksheet('Suivi Ségur ES - 04-2024') as ExcelJS.Worksheet
      const headers = (sheet.getRow(3).values as unknown[]).slice(1)
      expect(headers.slice(0, 3)).toEqual(['FINESS Géographique', 'FINESS PMSI', 'FINESS Juridique'])
      const rows: unknown[][] = []
      sheet.eachRow((row, n) => {
        if (n >= 5) rows.push((row.values as unknown[]).slice(1))
      })
      const api = await page.request.get(`${base}/api/grid?period=2024-04&departement=22&limit=1`)
      expect(rows).toHaveLength(((await api.json()) as { total: number }).total)
      const site = rows.find((r) => r[0] === SITE)
      expect(site).toBeDefined()
      expect(typeof site?.[0]).toBe('string')
      expect(site?.[headers.indexOf('Appels au téléservice INSi (appels)')]).toBe(1200)
      expect(site?.[headers.indexOf('Météo')]).toBe('En cours de déploiement - Alerte')
    })

    it('offers every follow-up point since January 2021 in the period bar, the months without data marked', async () => {
      await openAt('/suivi?period=2024-04&departement=22')
      const periods = await (await page.request.get(`${base}/api/grid/periods`)).json()
      expect(periods).toEqual({ first: '2021-01', latest: '2024-04', withData: ['2024-03', '2024-04'] })
      const select = page.getByRole('combobox', { name: /^Point de suivi/ })
      const labels = await select.locator('option').allTextContents()
      // January 2021 to April 2024, newest first.
      expect(labels).toHaveLength(40)
      expect(labels.slice(0, 3)).toEqual(['avril 2024', 'mars 2024', 'février 2024 (sans données)'])
      expect(labels.at(-1)).toBe('janvier 2021 (sans données)')
      expect(await select.inputValue()).toBe('2024-04')

      await select.selectOption({ label: 'mars 2024' })
      await page.getByRole('button', { name: 'Afficher ce point' }).click()
      await page.waitForURL(`${base}/suivi?period=2024-03&departement=22`)
      await expect.poll(() => text(cell(SITE, 'insi.appels'))).toBe('900 appels')
      await expect.poll(() => select.inputValue()).toBe('2024-03')
      // A month without data opens all the same.
      await select.selectOption({ label: 'février 2024 (sans données)' })
      await page.getByRole('button', { name: 'Afficher ce point' }).click()
      await page.waitForURL(`${base}/suivi?period=2024-02&departement=22`)
      await expect.poll(() => text(themeHeader('INSi'))).toContain('INSi · aucune donnée')
      await page.getByRole('link', { name: 'Point suivant : mars 2024' }).click()
      await page.waitForURL(`${base}/suivi?period=2024-03&departement=22`)
      await expect.poll(() => select.inputValue()).toBe('2024-03')
    })

    it('pins the national and the regional averages under the grid, as the API gives them', async () => {
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/grid/averages?')),
        openAt('/suivi?period=2024-04'),
      ])
      const averages = (await answer.json()) as GridAverages
      // The regional user's own région stands beside the nation.
      expect(averages.region).toBe('53')
      const insi = averages.columns.find((c) => c.key === 'insi.appels')
      // (1 200 + 40 + 300 + 200) / 4 sites
      expect(insi?.nation).toEqual({ value: '435.00', structures: 4 })
      expect(await text(averageCell('moyenne-nationale', 'name'))).toBe('Moyenne nationale')
      expect(await text(averageCell('moyenne-region', 'name'))).toBe('Moyenne Bretagne')
      const value = (row: 'moyenne-nationale' | 'moyenne-region', key: string) =>
        text(averageCell(row, key).locator('.jalon-average-value'))
      await expect.poll(() => value('moyenne-nationale', 'insi.appels')).toBe('435 appels')
      // The cells read as the API's values formatted like any cell (spaces as `text` reads them).
      const asRead = (column: GridColumn, average: string | null | undefined) =>
        formatValue(column, average).replace(/\s+/g, ' ')
      for (const column of averages.columns) {
        const shown = findGridColumn(column.key) as GridColumn
        expect(await value('moyenne-nationale', column.key)).toBe(asRead(shown, column.nation.value))
        expect(await value('moyenne-region', column.key)).toBe(asRead(shown, column.region?.value))
      }
      // Each value says whose average it is, for a screen reader reading the cell alone.
      expect(await text(averageCell('moyenne-region', 'insi.appels'))).toBe(
        '435 appels (Moyenne Bretagne, sur 4 structures)',
      )
      // The rows of averages are neither sites nor editable.
      expect(await averageCell('moyenne-nationale', 'name').getByRole('link').count()).toBe(0)
      await averageCell('moyenne-region', 'suivi.meteo').dblclick()
      expect(await page.locator('.ag-cell-inline-editing, .ag-popup-editor').count()).toBe(0)
      const api = await page.request.get(`${base}/api/grid?period=2024-04&limit=1`)
      const { total } = (await api.json()) as { total: number }
      // The rows of averages are not counted as sites.
      expect(await text(count())).toBe(
        `${new Intl.NumberFormat('fr-FR').format(total)} établissements`.replace(/\s+/g, ' '),
      )
      await shoot('moyennes')
    })

    it('shows the columns chosen, kept in the URL, with their averages', async () => {
      await page.getByRole('button', { name: /^Colonnes affichées/ }).click()
      const chooser = page.getByRole('form', { name: 'Choix des colonnes' })
      // The accordion opens with an animation during which a box can lie outside the viewport: try again
      // until the box says it is (un)checked.
      const choose = (name: RegExp, checked: boolean) =>
        expect
          .poll(async () => {
            const box = chooser.getByRole('checkbox', { name })
            await box.setChecked(checked, { force: true, timeout: 1000 }).catch(() => undefined)
            return box.isChecked()
          })
          .toBe(checked)
      await choose(/^Taux d’identités qualifiées/, false)
      await choose(/^Boîtes aux lettres MSSanté/, true)
      await chooser.getByRole('button', { name: 'Afficher ces colonnes' }).click()
      await expect.poll(() => new URL(page.url()).searchParams.get('columns')).toContain('mss.bal')
      const columns = new URL(page.url()).searchParams.get('columns')?.split(',') ?? []
      expect(columns).not.toContain('insi.taux-qualifiees')
      expect(columns).toContain('insi.appels')
      const header = (key: string) => page.locator(`.ag-header-cell[col-id="${key}"]`)
      const showsChoice = async () => {
        await expect.poll(() => text(cell(SITE, 'mss.bal'))).toBe('412 BALEJ')
        expect(await header('mss.bal').count()).toBe(1)
        expect(await header('insi.taux-qualifiees').count()).toBe(0)
        expect(await cell(SITE, 'insi.taux-qualifiees').count()).toBe(0)
        await expect
          .poll(() => text(averageCell('moyenne-nationale', 'mss.bal').locator('.jalon-average-value')))
          .toBe('412 BAL')
      }
      await showsChoice()
      await page.reload()
      await grid().waitFor()
      await showsChoice()
      await shoot('colonnes')
    })

    it('filters on what is new this month and on what went back since the previous point', async () => {
      for (const [op, label, site] of [
        ['new', 'nouveau ce mois-ci', NEW_SITE],
        ['worse', 'en recul', WORSE_SITE],
      ] as const) {
        await openAt('/suivi?period=2024-04')
        const filters = page.getByRole('search', { name: 'Filtres du suivi' })
        await filters.getByRole('button', { name: 'Ajouter un seuil' }).click()
        await filters.getByRole('combobox', { name: 'Indicateur du seuil 1' }).selectOption('insi.appels')
        await filters.getByRole('combobox', { name: 'Condition du seuil 1' }).selectOption({ label })
        await filters.getByRole('button', { name: 'Appliquer les filtres' }).click()
        await page.waitForURL(`${base}/suivi?period=2024-04&where=insi.appels%3A${op}`)
        const api = await page.request.get(`${base}/api/grid?period=2024-04&where=insi.appels:${op}`)
        const { rows } = (await api.json()) as { rows: { finessEg: string }[] }
        expect(rows.map((r) => r.finessEg)).toEqual([site])
        await expect.poll(() => text(count())).toBe('1 établissement')
        await expect.poll(shownSites).toEqual([site])
      }
      await shoot('seuil-recul')
    })

    it('has no serious accessibility violation', async () => {
      expect(await seriousViolations(page)).toEqual([])
    })

    it('fits a 1280×900 and a 1920×1080 screen: the grid shows, the panel does not overflow', async () => {
      for (const viewport of [
        { width: 1280, height: 900 },
        { width: 1920, height: 1080 },
      ]) {
        await page.setViewportSize(viewport)
        await page.waitForTimeout(200)
        const box = await grid().boundingBox()
        expect(box?.width ?? 0).toBeGreaterThan(viewport.width * 0.8)
        expect(box?.height ?? 0).toBeGreaterThan(300)
        const overflow = await page.getByRole('search', { name: 'Filtres du suivi' }).evaluate((form) => ({
          form: form.scrollWidth - form.clientWidth,
          page: document.documentElement.scrollWidth - window.innerWidth,
        }))
        expect(overflow).toEqual({ form: 0, page: 0 })
        await shoot(`ecran-${viewport.width}`)
      }
      expect(web?.outsideRequests).toEqual([])
      expect(web?.browserErrors).toEqual([])
    })
  },
)
