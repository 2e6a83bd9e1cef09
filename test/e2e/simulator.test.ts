// End to end: the simulator page of the built web app (dist/web, `npm run build:web`, run by `pretest`)
// served by the real server, driven in Debian's Chromium. The simulator needs no data; the server needs a
// store all the same, so it gets a fresh empty one.
// JALON_E2E_SCREENSHOTS=/tmp also saves a full-page screenshot of each step there.
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { CHROMIUM, hasChromium, openWebApp, type WebApp } from '../support/browser'

describe.skipIf(!hasChromium)(
  hasChromium ? 'web app in Chromium: simulator' : `web app: skipped, ${CHROMIUM} is missing`,
  () => {
    let store: Store | undefined
    let web: WebApp | undefined
    let page: Page
    let base: string
    let outsideRequests: string[]
    let browserErrors: string[]

    beforeAll(async () => {
      store = await freshStore()
      web = await openWebApp(store)
      ;({ page, base, outsideRequests, browserErrors } = web)
    })

    afterAll(async () => {
      await web?.close()
      await store?.close()
    })

    const shoot = (name: string) => web?.shoot(`simulateur-${name}`)
    // The DSFR segmented control shows labels over visually hidden radios: click the label, as people do.
    const chooseProgramme = (label: string) =>
      page.getByRole('group', { name: 'Programme' }).getByText(label, { exact: true }).click()
    /** The text of an element, every kind of space (French amounts use no-break ones) as one plain space. */
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ')
    const calculate = () => page.getByRole('button', { name: 'Calculer' }).click()
    const result = () => page.getByRole('region', { name: 'Résultat' })
    const SONS_URL = '/simulateur?programme=sons&dsr=DPI&activity=15000'

    it('is in the header navigation', async () => {
      await page.goto(`${base}/`)
      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('link', { name: 'Simulateur' })
        .click()
      await page.waitForURL(`${base}/simulateur`)
      await page.getByRole('heading', { level: 1, name: 'Simulateur des programmes' }).waitFor()
      expect(await page.title()).toBe('Simulateur des programmes – Jalon')
      await shoot('vide')
    })

    it('simulates SONS DPI at 15 000: the ceiling in euros, its category and its explanation', async () => {
      await page.goto(`${base}/simulateur`)
      await chooseProgramme('SONS')
      await page.getByRole('radio', { name: /^DPI/ }).check()
      await page.getByLabel('Activité combinée 2019 du FINESS PMSI').fill('15 000')
      await calculate()
      await page.waitForURL(`${base}${SONS_URL}`)
      await result().getByRole('heading', { name: '10 338,71 €' }).waitFor()
      expect(await text(result())).toMatch(/catégorie B/i)
      // The focus moves to the result, so that a screen reader reads it.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('resultat')
      const steps = result().getByRole('table', { name: 'Détail du calcul' })
      expect(await text(steps)).toContain('7 500 + (13 000 − 7 500) × (15 000 − 7 000) / (22 500 − 7 000)')
      expect(await text(result())).toContain('RULES.md §6')
      await shoot('sons')
    })

    it('puts the engine’s French message on the refused field', async () => {
      await page.goto(`${base}/simulateur?programme=sons&dsr=DPI`)
      const activity = page.getByLabel('Activité combinée 2019 du FINESS PMSI')
      await activity.fill('-5')
      await calculate()
      const alert = page.getByRole('alert').filter({ hasText: 'Donnée refusée' })
      await alert.waitFor()
      expect(await text(alert)).toContain(
        'Activité combinée 2019 du FINESS PMSI : valeur -5 refusée — attendu : une activité combinée positive ou nulle',
      )
      expect(await activity.getAttribute('aria-invalid')).toBe('true')
      const group = page.locator('.fr-input-group--error')
      expect(await text(group)).toContain('valeur -5 refusée')
      expect(
        await page.evaluate(() => document.activeElement?.contains(document.querySelector('[role=alert]'))),
      ).toBe(true)
      await shoot('erreur')

      // The link of the alert leads to the field; correcting it clears the error state.
      await alert.getByRole('link', { name: 'Corriger ce champ' }).click()
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('activity')
      await activity.fill('15000')
      expect(await activity.getAttribute('aria-invalid')).toBeNull()
    })

    it('simulates IFAQ NUM1 2024 at 40 / 100: not reached', async () => {
      await page.goto(`${base}/simulateur`)
      await chooseProgramme('IFAQ')
      await page.getByRole('radio', { name: /^NUM1/ }).check()
      await page.getByLabel('Année').selectOption('2024')
      await page.getByRole('textbox', { name: /^Numérateur/ }).fill('40')
      await page.getByRole('textbox', { name: /^Dénominateur/ }).fill('100')
      await calculate()
      await page.waitForURL(/programme=ifaq/)
      await result().getByRole('heading', { name: '40 % pour une cible de 50 %' }).waitFor()
      expect(await text(result())).toContain('non atteinte')
      expect(await result().getByText('Cible non atteinte').count()).toBe(1)
      await result().getByRole('heading', { name: 'Données manquantes (non devinées)' }).waitFor()
      await shoot('ifaq')
    })

    it('reads French numbers and gives the same result from the URL alone', async () => {
      await page.goto(`${base}/simulateur`)
      await chooseProgramme('SUN-ES')
      await page.getByLabel('Activité combinée 2019 du FINESS PMSI').fill('1 600 000')
      await page.getByLabel(/^Lettre de liaison/).fill('62,5')
      await calculate()
      await page.waitForURL(/activity=1600000/)
      expect(page.url()).toContain('ldl=62.5')
      await result().getByRole('heading', { name: '320 000,00 € en jeu' }).waitFor()
      await shoot('sun-es')

      // A link sent by mail: another browser context (no cache, no history), nothing typed, the same result.
      const browser = page.context().browser()
      if (!browser) throw new Error('Chromium non lancé')
      const other = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' })
      await other.goto(`${base}${SONS_URL}`)
      const shared = other.getByRole('region', { name: 'Résultat' })
      await shared.getByRole('heading', { name: '10 338,71 €' }).waitFor()
      expect(await text(shared)).toMatch(/catégorie B/i)
      expect(await other.getByRole('radio', { name: 'SONS', exact: true }).isChecked()).toBe(true)
      expect(await other.getByLabel('Activité combinée 2019 du FINESS PMSI').inputValue()).toBe('15 000')
      await other.close()
    })

    it('explains HOPEN 2 targets and the activité combinée, with a link onwards', async () => {
      await page.goto(
        `${base}/simulateur?programme=hopen2&objective=P1.O2&sunEsReached=non&rate1=50&rate2=60`,
      )
      await result()
        .getByRole('heading', { name: /Objectif P1\.O2 non atteint/ })
        .waitFor()
      const targets = result().getByRole('table', { name: 'Cibles et taux mesurés' })
      expect(await text(targets)).toContain('55 %')
      await shoot('hopen2')

      await page.goto(
        `${base}/simulateur?programme=activite&mcoDays=10000&mcoSessions=0&ambulatoryStays=100&ssrDays=0&psyDays=0&hadDays=0&usldDays=300`,
      )
      await result().getByRole('heading', { name: '10 300 équivalents journées MCO' }).waitFor()
      await shoot('activite')
      await result().getByRole('link', { name: 'Simuler le plafond SONS (DPI)' }).click()
      await page.waitForURL(/programme=sons&dsr=DPI&activity=10300/)
      await result().getByRole('heading', { name: /€$/ }).waitFor()
      await shoot('activite-sons')
    })

    it('loads nothing from outside and logs no error', () => {
      expect(outsideRequests).toEqual([])
      // The refused activity above is a 400, which the browser logs as a failed resource.
      expect(browserErrors.filter((e) => !/status of 400/.test(e))).toEqual([])
    })
  },
)
