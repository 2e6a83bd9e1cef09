// End to end: the imports page of the built web app (dist/web, `npm run build:web`, run by `pretest`) served
// by the real server, signed in as a national contributor, on a fresh database holding the demo région's
// FINESS referential, driven in Debian's Chromium: a simulation, the import for good, the history, and
// refusals (a bad file, a regional account).
// JALON_E2E_SCREENSHOTS=/tmp also saves a full-page screenshot of each step there.
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import {
  CHROMIUM,
  createTestUser,
  hasChromium,
  openWebApp,
  TEST_PASSWORD,
  type WebApp,
} from '../support/browser'
import { DEMO, loadDemoReferential } from '../support/demo-referential'

const IMPORTER = 'import-national@test.jalon.fr'
const FILE_NAME = 'M1271_V02_TLSt_Publication donnees INSI-202403.csv'
/** Two known structures, then a valid FINESS the referential does not know: line 4 is rejected. */
const INSI_CSV = [
  'FINESS;Appels recherche carte Vitale;Appels recherche traits;Appels vérification;Taux d’identités qualifiées',
  `${DEMO.chSaintBrieucSite};1010;301;121;47`,
  `${DEMO.polycliniqueTregor};2210;480;95;62,5`,
  `${DEMO.unknown};12;3;1;30`,
].join('\r\n')
// The first bytes of a PNG image: not a table at all.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')

describe.skipIf(!hasChromium)(
  hasChromium ? 'web app in Chromium: imports' : `web app: skipped, ${CHROMIUM} is missing`,
  () => {
    let store: Store | undefined
    let web: WebApp | undefined
    let page: Page
    let base: string
    let outsideRequests: string[]
    let browserErrors: string[]

    beforeAll(async () => {
      store = await freshStore()
      await loadDemoReferential(store)
      web = await openWebApp(store, { signIn: { email: IMPORTER, role: 'national' } })
      ;({ page, base, outsideRequests, browserErrors } = web)
    })

    afterAll(async () => {
      await web?.close()
      await store?.close()
    })

    const shoot = (name: string) => web?.shoot(`imports-${name}`)
    /** The text of an element, every kind of space (French numbers use no-break ones) as one plain space. */
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ')
    const form = () => page.getByRole('form', { name: 'Importer un fichier' })
    const report = () => page.getByRole('region', { name: /^(Résultat de la simulation|Import n° \d+)/ })
    const fact = (label: string) =>
      report()
        .locator('dt')
        .filter({ hasText: new RegExp(`^${label}$`) })
        .locator('xpath=following-sibling::dd')
    const history = () => page.getByRole('region', { name: 'Historique des imports' })

    /** Fills the upload form; the upload goes with the session. */
    const fillForm = async (file: { name: string; bytes: Buffer; mimeType?: string }) => {
      await form()
        .getByLabel(/^Source/)
        .selectOption('insi')
      await form()
        .getByLabel(/^Mois des données/)
        .fill('2024-03')
      await form()
        .getByLabel(/^Fichier/)
        .setInputFiles({ name: file.name, mimeType: file.mimeType ?? 'text/csv', buffer: file.bytes })
    }
    // The DSFR draws its checkboxes on their labels, over the inputs: click the label, as people do.
    const toggle = (label: string) => form().locator('label', { hasText: label }).click()
    const insiFile = { name: FILE_NAME, bytes: Buffer.from(INSI_CSV, 'utf8') }

    it('is in the header navigation', async () => {
      await page.goto(`${base}/`)
      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('link', { name: 'Imports' })
        .click()
      await page.waitForURL(`${base}/imports`)
      await page.getByRole('heading', { level: 1, name: 'Imports des sources mensuelles' }).waitFor()
      expect(await page.title()).toBe('Imports des sources mensuelles – Jalon')
      await history().getByText('0 import', { exact: true }).waitFor()
    })

    it('simulates an INSi file, then imports it for good', async () => {
      await page.goto(`${base}/imports`)
      await fillForm(insiFile)
      // The source's producer and usual file name are its hint.
      expect(await text(form())).toContain('Produite par GIE SESAM-Vitale')
      expect(await form().getByLabel('Simulation (aperçu sans enregistrer)').isChecked()).toBe(true)
      await form().getByRole('button', { name: 'Lancer la simulation' }).click()

      await page.getByRole('heading', { level: 2, name: 'Résultat de la simulation' }).waitFor()
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('rapport-import')
      expect(await text(report())).toContain('Simulation : rien n’a été enregistré')
      expect(await fact('Lignes lues').textContent()).toBe('3')
      expect(await fact('Structures').textContent()).toBe('2')
      expect(await fact('Lignes rejetées').textContent()).toBe('1')
      expect(await text(report())).toContain('Aucun import précédent pour ce mois')
      const rejected = report().getByRole('row').filter({ hasText: DEMO.unknown })
      expect(await rejected.getByRole('cell').first().textContent()).toBe('4')
      expect(await text(rejected)).toContain('Rejet')
      // Nothing recorded yet: no link to a stored report, nothing in the history.
      expect(
        await report()
          .getByRole('link', { name: /Rapport d’erreurs/ })
          .count(),
      ).toBe(0)
      expect(await text(history())).toContain('0 import')
      await shoot('simulation')

      await report().getByRole('button', { name: 'Importer pour de bon' }).click()
      const committed = page.getByRole('heading', { level: 2, name: /^Import n° \d+ enregistré$/ })
      await committed.waitFor()
      const importId = /n° (\d+)/.exec((await committed.textContent()) ?? '')?.[1]
      expect(importId).toBeDefined()
      expect(await fact('Structures').textContent()).toBe('2')
      expect(await text(report())).toContain('Enregistré')
      expect(await report().getByRole('button', { name: 'Importer pour de bon' }).count()).toBe(0)
      const csvLink = report().getByRole('link', { name: /Rapport d’erreurs complet \(CSV\)/ })
      expect(await csvLink.getAttribute('href')).toBe(`/api/imports/sources/${importId}/issues.csv`)
      const csv = await page.request.get(`${base}/api/imports/sources/${importId}/issues.csv`)
      expect(await csv.text()).toContain(DEMO.unknown)

      // The history shows the new import.
      await history().getByText('1 import', { exact: true }).waitFor()
      const row = history().getByRole('row').filter({ hasText: FILE_NAME })
      const cells = await row.getByRole('cell').allTextContents()
      expect(cells.slice(0, 4)).toEqual([
        importId,
        'Publication INSi (GIE SESAM-Vitale)',
        'mars 2024',
        FILE_NAME,
      ])
      const importer = IMPORTER.replace(/\./g, '\\.')
      expect(cells[4]).toMatch(new RegExp(String.raw`^le \d{2}/\d{2}/\d{4} à \d{2}:\d{2}par ${importer}$`))
      expect(cells[5]).toBe('10')
      expect(cells[6]).toMatch(/^1 rejet0 avertissementrapport d’erreurs \(CSV\)/)
      expect(cells[7]).toBe('en vigueur')
      await row.getByRole('link', { name: `rapport d’erreurs (CSV) de l’import n° ${importId}` }).waitFor()
      await shoot('import')
    })

    it('a second import of the month replaces the first, and the history says so', async () => {
      await page.goto(`${base}/imports`)
      await fillForm(insiFile)
      await toggle('Simulation (aperçu sans enregistrer)')
      expect(await form().getByLabel('Simulation (aperçu sans enregistrer)').isChecked()).toBe(false)
      await form().getByRole('button', { name: 'Importer le fichier' }).click()
      const committed = page.getByRole('heading', { level: 2, name: /^Import n° \d+ enregistré$/ })
      await committed.waitFor()
      expect(await text(report())).toMatch(/Cet import remplace l’import n° \d+/)
      expect(await fact('Valeurs nouvelles').textContent()).toBe('0')
      await history().getByText('2 imports', { exact: true }).waitFor()
      expect(await text(history())).toMatch(/remplacé par n° \d+/)
    })

    it('filters the history by source and month, from the URL', async () => {
      await page.goto(`${base}/imports?source=insi&period=2024-03`)
      await history().getByText('2 imports', { exact: true }).waitFor()
      expect(await history().getByLabel('Source des imports').inputValue()).toBe('insi')
      expect(
        await history()
          .getByLabel(/^Mois des imports/)
          .inputValue(),
      ).toBe('2024-03')

      await history()
        .getByLabel(/^Mois des imports/)
        .fill('2024-04')
      await history().getByRole('button', { name: 'Filtrer' }).click()
      await page.waitForURL(`${base}/imports?source=insi&period=2024-04`)
      await history().getByText('0 import', { exact: true }).waitFor()

      await history().getByRole('button', { name: 'Tout afficher' }).click()
      await page.waitForURL(`${base}/imports`)
      await history().getByText('2 imports', { exact: true }).waitFor()
    })

    it('shows why a file is refused, with its anomalies when it has some', async () => {
      await page.goto(`${base}/imports`)
      await fillForm({ name: 'capture-INSI-202403.png', bytes: PNG, mimeType: 'image/png' })
      await form().getByRole('button', { name: 'Lancer la simulation' }).click()
      const refused = page.getByRole('alert').filter({ hasText: 'Fichier refusé' })
      await refused.waitFor()
      expect(await text(refused)).toContain('capture-INSI-202403.png')
      await shoot('refus-png')

      // Strict mode refuses the whole file for its one rejected line, and lists it.
      await page.goto(`${base}/imports`)
      await fillForm(insiFile)
      await toggle('Mode strict')
      await form().getByRole('button', { name: 'Lancer la simulation' }).click()
      await refused.waitFor()
      expect(await text(refused)).toContain(FILE_NAME)
      const line = page.getByRole('row').filter({ hasText: DEMO.unknown })
      expect(await line.getByRole('cell').first().textContent()).toBe('4')
      await shoot('refus-strict')
    })

    it('checks the form before sending', async () => {
      await page.goto(`${base}/imports`)
      await form().getByRole('button', { name: 'Lancer la simulation' }).click()
      expect(await text(form())).toContain('Choisissez la source du fichier.')
      expect(
        await form()
          .getByLabel(/^Source/)
          .getAttribute('aria-invalid'),
      ).toBe('true')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('import-source')
    })

    it('a regional account cannot upload: a message instead of the form, and the server refuses', async () => {
      if (!store) throw new Error('store absent')
      const regional = await createTestUser(store, {
        role: 'regional',
        scopes: [{ kind: 'region', code: '53' }],
      })
      const login = await page.request.post(`${base}/api/auth/login`, {
        data: { email: regional.email, password: TEST_PASSWORD },
      })
      expect(login.status()).toBe(200)
      const { csrfToken } = (await login.json()) as { csrfToken: string }
      await page.goto(`${base}/imports`)
      await page.getByRole('heading', { level: 1, name: 'Imports des sources mensuelles' }).waitFor()
      expect(
        await page
          .getByRole('navigation', { name: 'Menu principal' })
          .getByRole('link', { name: 'Imports' })
          .count(),
      ).toBe(0)
      await page.getByText('Import réservé aux équipes nationales').waitFor()
      expect(await form().count()).toBe(0)
      // The history stays readable.
      await history().getByText('2 imports', { exact: true }).waitFor()
      await shoot('regional')

      const forced = await page.request.post(
        `${base}/api/imports/sources/insi?period=2024-03&fileName=${encodeURIComponent(FILE_NAME)}&dryRun=true&strict=false`,
        {
          headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrfToken },
          data: Buffer.from(INSI_CSV, 'utf8'),
        },
      )
      expect(forced.status()).toBe(403)
      expect(((await forced.json()) as { error: string }).error).toMatch(/\S/)
    })

    it('loads nothing from outside and logs no error', () => {
      expect(outsideRequests).toEqual([])
      expect(browserErrors).toEqual([])
    })
  },
)
