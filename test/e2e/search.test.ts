// End to end: the built web app (dist/web, `npm run build:web`, run by `pretest`) served by the real server
// on a fresh database holding the five fixture establishments, driven in Debian's Chromium.
// JALON_E2E_SCREENSHOTS=/tmp also saves a full-page screenshot of each page there.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFinessFile } from '../../src/app/import-finess'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { CHROMIUM, hasChromium, openWebApp, type WebApp } from '../support/browser'

describe.skipIf(!hasChromium)(
  hasChromium
    ? 'web app in Chromium: search and structure page'
    : `web app: skipped, ${CHROMIUM} is missing (apt-get install chromium)`,
  () => {
    let store: Store | undefined
    let web: WebApp | undefined
    let page: Page
    let base: string
    let outsideRequests: string[]
    let browserErrors: string[]

    beforeAll(async () => {
      store = await freshStore()
      const bytes = readFileSync(new URL('../fixtures/etalab-small.csv', import.meta.url))
      await importFinessFile(store, { fileName: 'etalab-small.csv', bytes })
      web = await openWebApp(store)
      ;({ page, base, outsideRequests, browserErrors } = web)
    })

    afterAll(async () => {
      await web?.close()
      await store?.close()
    })

    const search = async (text: string) => {
      await page.getByRole('searchbox', { name: /Recherche/ }).fill(text)
      await page.getByRole('button', { name: 'Rechercher', exact: true }).click()
    }
    const resultRows = () => page.locator('main table tbody tr')
    const fact = (label: string) =>
      page
        .locator('dt')
        .filter({ hasText: new RegExp(`^${label}$`) })
        .locator('xpath=following-sibling::dd')
    const shoot = (name: string) => web?.shoot(name)

    it('finds an establishment by name and opens its page', async () => {
      await page.goto(`${base}/`)
      await page.getByRole('heading', { level: 1, name: 'Rechercher un établissement' }).waitFor()
      await search('fleyriat')
      await page.waitForURL(`${base}/?q=fleyriat`)
      await page.getByRole('heading', { name: '1 établissement', exact: true }).waitFor()
      expect(await resultRows().count()).toBe(1)
      await shoot('search')

      await page.getByRole('link', { name: 'CH DE FLEYRIAT' }).click()
      await page.waitForURL(`${base}/structures/010000024`)
      await page.getByRole('heading', { level: 1, name: 'CH DE FLEYRIAT' }).waitFor()
      expect(await fact('FINESS EJ \\(juridique\\)').textContent()).toBe('010780054')
      expect(await fact('Département').textContent()).toBe('Ain (01)')
      expect(await page.title()).toBe('CH DE FLEYRIAT – Jalon')
      await shoot('structure')

      // Back to the results, as they were.
      await page.goBack()
      await page.waitForURL(`${base}/?q=fleyriat`)
      await page.getByRole('link', { name: 'CH DE FLEYRIAT' }).waitFor()
      expect(await page.getByRole('searchbox', { name: /Recherche/ }).inputValue()).toBe('fleyriat')
    })

    it('filters by région, and the URL alone gives the same view', async () => {
      await page.goto(`${base}/`)
      await page.getByLabel('Région').selectOption('04')
      await page.getByRole('button', { name: 'Rechercher', exact: true }).click()
      await page.waitForURL(`${base}/?region=04`)
      await page.getByRole('heading', { name: '1 établissement', exact: true }).waitFor()
      await page.getByRole('link', { name: 'CHU SITE FELIX GUYON (SAINT DENIS)' }).waitFor()

      await page.goto(`${base}/?region=04`)
      await page.getByRole('link', { name: 'CHU SITE FELIX GUYON (SAINT DENIS)' }).waitFor()
      expect(await page.getByLabel('Région').inputValue()).toBe('04')
    })

    it('sorts by a column, then reverses the order', async () => {
      await page.goto(`${base}/?status=all`)
      await page.getByRole('heading', { name: '5 établissements', exact: true }).waitFor()
      await page.getByRole('button', { name: 'Trier par nom', exact: true }).click()
      await page.waitForURL(`${base}/?status=all&sort=name`)
      await page.locator('th[aria-sort="ascending"]', { hasText: 'Nom' }).waitFor()
      expect(await resultRows().first().getByRole('link').textContent()).toBe('CH DE FLEYRIAT')
      await page.getByRole('button', { name: 'Trier par nom, ordre décroissant' }).click()
      await page.waitForURL(`${base}/?status=all&sort=name&order=desc`)
      await page.locator('th[aria-sort="descending"]', { hasText: 'Nom' }).waitFor()
      expect(await resultRows().first().getByRole('link').textContent()).toBe('LIEU DE VIE "MAVOUNA MEMA 1"')
    })

    it('pages through the results', async () => {
      await page.goto(`${base}/?status=all&pageSize=2`)
      await page.getByRole('heading', { name: '5 établissements', exact: true }).waitFor()
      expect(await resultRows().count()).toBe(2)
      await page
        .getByRole('navigation', { name: 'Pagination' })
        .getByRole('link', { name: '3', exact: true })
        .click()
      await page.waitForURL(`${base}/?status=all&page=3&pageSize=2`)
      await page.getByRole('link', { name: 'HOPITAL DE SIA' }).waitFor()
      expect(await resultRows().count()).toBe(1)
    })

    it('says so in French when nothing matches', async () => {
      await page.goto(`${base}/`)
      await search('aucun établissement de ce nom')
      await page.getByRole('heading', { name: '0 établissement', exact: true }).waitFor()
      await page.getByText('Aucun établissement ne correspond à votre recherche').waitFor()
      expect(await resultRows().count()).toBe(0)
    })

    it("shows the server's French message for an invalid filter and an unknown FINESS", async () => {
      await page.goto(`${base}/?departement=999`)
      const alert = page.getByRole('alert').filter({ hasText: 'La recherche a échoué' })
      await alert.waitFor()
      expect(await alert.textContent()).toContain('Département — code INSEE de département attendu')

      await page.goto(`${base}/structures/010000032`)
      await page.getByText('Établissement introuvable').waitFor()
      expect(await page.getByRole('alert').textContent()).toContain('Aucun établissement 010000032')
    })

    it('loads nothing from outside and logs no error', () => {
      expect(outsideRequests).toEqual([])
      // The refused filter (400) and the unknown FINESS (404) above are logged by the browser as failed
      // resources; nothing else may fail.
      expect(browserErrors.filter((e) => !/status of (400|404)/.test(e))).toEqual([])
    })
  },
)
