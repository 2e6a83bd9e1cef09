// End to end: the dashboard (/tableau-de-bord) in the built web app (dist/web, `npm run build:web`) served by
// the real server on seed 002's tracker and a month of national files, driven in Debian's Chromium by a
// national contributor. It reads a status count and checks it against the API, follows it to the grid
// filtered on those sites, narrows to a région through the filters (kept in the URL), downloads a table as a
// French CSV and checks accessibility (axe-core).
// JALON_E2E_SCREENSHOTS=/tmp also saves a full-page screenshot of each step there.
import { readFileSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dashboard } from '../../src/domain/contract/dashboard'
import type { ProgrammeViews } from '../../src/domain/contract/dashboard-programmes'
import { formatEuros } from '../../src/web/structure/history-format'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { seriousViolations } from '../support/axe'
import { CHROMIUM, hasChromium, openWebApp, type WebApp } from '../support/browser'
import { importSeedTracker } from '../support/seed-sites'
import { importSourceLines } from '../support/source-lines'

const PERIOD = '2022-09'
const BERGERAC = '240000372'
const FLEYRIAT = '010000024'
const FLEYRIAT_EJ = '010780054'
const BERGERAC_EJ = '240000059'

describe.skipIf(!hasChromium)(
  hasChromium ? 'web app in Chromium: dashboard' : `web app: skipped, ${CHROMIUM} is missing`,
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
      await load('insi', '2022-08', [insi, `${BERGERAC};EG;1500`, `${FLEYRIAT_EJ};EJ;2000`])
      await load('insi', PERIOD, [insi, `${BERGERAC};EG;1700`, `${FLEYRIAT_EJ};EJ;2500`])
      await load('segur-asp', PERIOD, [
        'FINESS;Type de logiciel;Statut de la commande;VA signée',
        `${BERGERAC};DPI;Commande signée;Oui`,
        `${FLEYRIAT};RI;Commande signée;Non`,
      ])
      // Bergerac reaches SUN-ES D1 in window 1 (June 2022), with the activity its amount needs.
      await load('activite', '2019-12', [
        'FINESS PMSI;Année d’activité;Journées MCO;Séances MCO;Séjours de chirurgie ambulatoire;Journées SSR;Journées PSY;Journées HAD;Journées USLD',
        `${BERGERAC_EJ};2019;78000;4200;3900;14000;22000;0;10500`,
      ])
      await load('programmes', '2022-06', [
        'FINESS PMSI;Indicateur;Numérateur;Dénominateur;Fin de la période de mesure',
        `${BERGERAC_EJ};DS1.1;1214;2050;30/06/2022`,
        `${BERGERAC_EJ};DS1.2;900;2000;30/06/2022`,
      ])
      web = await openWebApp(store, { signIn: { role: 'national', displayName: 'Nadia Martin' } })
      ;({ page, base } = web)
    }, 180_000)

    afterAll(async () => {
      await web?.close()
      await store?.close()
    })

    const shoot = (name: string) => web?.shoot(`tableau-de-bord-${name}`)
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
    const block = (title: string) => page.getByRole('region', { name: title, exact: true })
    /** A status's row of a column's table, by the exact status label. */
    const statusRow = (column: string, status: string) =>
      block(column)
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: status, exact: true }) })
    const apiDashboard = (query: string) =>
      page.evaluate(
        (url) => fetch(url, { headers: { accept: 'application/json' } }).then((r) => r.json()),
        `/api/dashboard?${query}`,
      ) as Promise<Dashboard>

    it('opens from the menu and shows the API’s counts', async () => {
      await page.goto(`${base}/suivi`)
      await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click()
      await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor()
      await page.goto(`${base}/tableau-de-bord?period=${PERIOD}`)
      await page.getByRole('heading', { level: 2, name: 'Établissements par statut' }).waitFor()
      const api = await apiDashboard(`period=${PERIOD}`)
      const dpi = api.statusColumns.find((c) => c.key === 'segur.commande.dpi')
      const signed = dpi?.statuses.find((s) => s.code === 'signee')
      expect(signed?.count).toBeGreaterThan(0)
      const row = statusRow('Commande DPI', 'Commande signée')
      expect(await text(row.getByRole('cell').nth(1))).toMatch(new RegExp(`^${signed?.count} `))
      expect(await text(row.getByRole('cell').nth(2))).toBe(`${String(signed?.share).replace('.', ',')} %`)
      // The seed 000 tables: an EJ's calls are one line.
      const top = block('10 premiers établissements par appels INSi du mois')
      expect(await text(top.getByRole('row').nth(1))).toContain(FLEYRIAT_EJ)
      expect(await text(top.getByRole('row').nth(1))).toContain('2 500')
      await shoot('statuts')
    })

    it('follows a status count to the grid filtered on those sites', async () => {
      const row = statusRow('Commande DPI', 'Commande signée')
      const shown = Number((await text(row.getByRole('link'))).split(' ')[0])
      await row.getByRole('link').click()
      await page.waitForURL(/\/suivi\?/)
      const url = new URL(page.url())
      expect(url.searchParams.get('period')).toBe(PERIOD)
      expect(url.searchParams.getAll('where')).toEqual(['segur.commande.dpi:eq:signee'])
      const count = page.getByRole('status').filter({ hasText: /établissements?$/ })
      await expect.poll(() => text(count)).toBe(`${shown} établissement${shown > 1 ? 's' : ''}`)
      await shoot('grille')
      await page.goBack()
      await page.getByRole('heading', { level: 2, name: 'Établissements par statut' }).waitFor()
    })

    it('keeps the filters in the URL and narrows every figure to the région', async () => {
      await page.getByRole('combobox', { name: /^Région/ }).selectOption('84')
      await page.getByRole('button', { name: 'Afficher' }).click()
      await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('84')
      const api = await apiDashboard(`period=${PERIOD}&region=84`)
      expect(api.sites).toBe(2)
      await expect
        .poll(() => text(page.getByText(/^Sur \d+ établissements ouverts/)))
        .toMatch(/^Sur 2 établissements ouverts/)
      const top = block('10 premiers établissements par appels INSi cumulés')
      await expect.poll(() => top.getByRole('row').count()).toBe(2)
      expect(await text(top.getByRole('row').nth(1))).toContain('4 500')
    })

    it('downloads a table as a French CSV', async () => {
      await page.goto(`${base}/tableau-de-bord?period=${PERIOD}`)
      const dpi = block('Commande DPI')
      await dpi.waitFor()
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dpi.getByRole('button', { name: /Télécharger \(CSV\)/ }).click(),
      ])
      expect(download.suggestedFilename()).toBe(`tableau-de-bord-${PERIOD}-commande-dpi.csv`)
      const content = readFileSync(await download.path(), 'utf8')
      expect(content.startsWith('\ufeffStatut;Établissements;Part (%)\r\n')).toBe(true)
      const api = await apiDashboard(`period=${PERIOD}`)
      const column = api.statusColumns.find((c) => c.key === 'segur.commande.dpi')
      const signed = column?.statuses.find((s) => s.code === 'signee')
      expect(content).toContain(
        `\r\nCommande signée;${signed?.count};${String(signed?.share).replace('.', ',')}\r\n`,
      )
      expect(content).toContain(`\r\nSans donnée;${column?.empty.count};`)
    })

    it('shows the programme views as the API gives them, each explanation one click away', async () => {
      await page.goto(`${base}/tableau-de-bord?period=${PERIOD}`)
      await page.getByRole('heading', { level: 2, name: 'Programmes de financement' }).waitFor()
      const api = (await page.evaluate(
        (url) => fetch(url, { headers: { accept: 'application/json' } }).then((r) => r.json()),
        `/api/dashboard/programmes?period=${PERIOD}`,
      )) as ProgrammeViews
      const windows = block('SUN-ES : fenêtres de mesure et domaines atteints')
      const first = windows
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: '1', exact: true }) })
      const d1 = api.windows[0]?.domains.find((d) => d.key === 'derive.sun-es.D1.atteint')
      expect(d1?.reached.count).toBe(1)
      expect(await text(first)).toContain('Terminée')
      const forecasts = block('Prévisions par structure')
      const row = api.funding.forecast.rows.find((r) => r.finess === BERGERAC_EJ && r.id === 'sun-es')
      expect(row?.amount).not.toBeNull()
      const line = forecasts.getByRole('row').filter({ hasText: row?.label ?? '' })
      expect(await text(line)).toContain(formatEuros(row?.amount ?? null).replace(/\s/g, ' '))
      await line.locator('summary').click()
      await expect.poll(() => text(line.locator('pre'))).toContain('Fenêtre 1')
      await shoot('programmes')
      // The window's D1 count opens the grid at the window's month, on the sites that reached it.
      await first.getByRole('link').first().click()
      await page.waitForURL(/\/suivi\?/)
      const url = new URL(page.url())
      expect(url.searchParams.get('period')).toBe('2022-06')
      expect(url.searchParams.getAll('where')).toEqual(['derive.sun-es.D1.atteint:eq:oui'])
      const count = page.getByRole('status').filter({ hasText: /établissements?$/ })
      await expect.poll(() => text(count)).toBe('1 établissement')
      await page.goBack()
      await page.getByRole('heading', { level: 2, name: 'Programmes de financement' }).waitFor()
    })

    it('has no serious accessibility violation', async () => {
      expect(await seriousViolations(page)).toEqual([])
      expect(web?.browserErrors).toEqual([])
    })
  },
)
