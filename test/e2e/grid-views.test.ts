// End to end: saved views of the tracking grid (/suivi) in the built web app (dist/web, `npm run build:web`)
// served by the real server on a fresh database holding seed 002's sites (Dordogne and Charente, région
// Nouvelle-Aquitaine 75; the Ain, 84), driven in Debian's Chromium. A regional contributor filters to a
// département, saves the view shared with the région, renames it, saves and deletes a personal one; a
// colleague of the same région signs in, opens the shared view from the list and sees the filter applied.
// JALON_E2E_SCREENSHOTS=/tmp also saves a full-page screenshot of each step there.
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/database'
import { seriousViolations } from '../support/axe'
import { CHROMIUM, createTestUser, hasChromium, TEST_PASSWORD, type WebApp } from '../support/browser'
import { openSeededWebApp } from '../support/seeded-web-app'

const DORDOGNE_SITE = '240000372'
const CHARENTE_SITE = '160000253'

describe.skipIf(!hasChromium)(
  hasChromium
    ? 'web app in Chromium: saved views of the tracking grid'
    : `web app: skipped, ${CHROMIUM} is missing`,
  () => {
    let store: Store | undefined
    let web: WebApp | undefined
    let page: Page
    let base: string

    beforeAll(async () => {
      ;({ store, web } = await openSeededWebApp({
        role: 'regional',
        scopes: [{ kind: 'region', code: '75' }],
        displayName: 'Rose Le Goff',
      }))
      ;({ page, base } = web)
    })

    afterAll(async () => {
      await web?.close()
      await store?.close()
    })

    const shoot = (name: string) => web?.shoot(`vues-${name}`)
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
    const row = (finess: string) => page.locator(`.ag-row[row-id="${finess}"]`)
    const views = () => page.getByRole('region', { name: 'Vues enregistrées' })
    const viewList = () => views().getByLabel('Vues enregistrées')
    const saveForm = () => page.getByRole('form', { name: 'Enregistrer la vue actuelle' })
    const openSection = async (label: RegExp) => {
      const button = views().getByRole('button', { name: label })
      if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click()
    }
    const announced = (message: string) => views().getByRole('status').getByText(message).waitFor()

    it('saves the filtered view, shared with the région', async () => {
      await page.goto(`${base}/suivi`)
      await row(CHARENTE_SITE).first().waitFor()
      expect(await text(views())).toContain('Aucune vue enregistrée')
      const filters = page.getByRole('search', { name: 'Filtres du suivi' })
      await filters.getByLabel('Département').fill('24')
      await filters.getByRole('button', { name: 'Appliquer les filtres' }).click()
      await page.waitForURL(/\/suivi\?.*departement=24/)
      await expect.poll(() => row(CHARENTE_SITE).count()).toBe(0)
      await row(DORDOGNE_SITE).first().waitFor()

      await openSection(/^Enregistrer la vue actuelle/)
      await saveForm().getByLabel('Nom de la vue').fill('  Dordogne <b>en alerte</b> ')
      // DSFR draws its own box over the native one: a person clicks the label.
      const share = saveForm().getByRole('checkbox', { name: /^Partager avec la région Nouvelle-Aquitaine/ })
      await saveForm().locator('label', { hasText: 'Partager avec la région Nouvelle-Aquitaine' }).click()
      await expect.poll(() => share.isChecked()).toBe(true)
      await saveForm().getByRole('button', { name: 'Enregistrer la vue' }).click()
      await announced(
        'Vue « Dordogne <b>en alerte</b> » enregistrée, partagée avec la région Nouvelle-Aquitaine.',
      )
      expect(await saveForm().getByLabel('Nom de la vue').inputValue()).toBe('')
      expect(
        await saveForm()
          .getByRole('checkbox', { name: /^Partager/ })
          .isChecked(),
      ).toBe(false)
      const group = viewList().locator('optgroup[label="Partagées avec la région Nouvelle-Aquitaine"]')
      expect(await group.locator('option').allTextContents()).toEqual([
        'Dordogne <b>en alerte</b> (Nouvelle-Aquitaine, par Rose Le Goff)',
      ])
      // The page shows that view (the filter, no month pinned): the list says so.
      expect(await viewList().locator('option:checked').textContent()).toBe(
        'Dordogne <b>en alerte</b> (Nouvelle-Aquitaine, par Rose Le Goff)',
      )
      await shoot('enregistree')
    })

    it('renames it, and saves then deletes a personal view', async () => {
      await openSection(/^Gérer mes vues/)
      await views().getByRole('button', { name: 'Renommer la vue « Dordogne <b>en alerte</b> »' }).click()
      const rename = views().getByRole('form', { name: /^Renommer la vue/ })
      await rename.getByLabel('Nouveau nom').fill('Dordogne en alerte')
      await rename.getByRole('button', { name: 'Enregistrer le nom' }).click()
      await announced('Vue renommée : « Dordogne en alerte ».')
      await expect
        .poll(async () => viewList().locator('option').allTextContents())
        .toContain('Dordogne en alerte (Nouvelle-Aquitaine, par Rose Le Goff)')

      // The sections open one at a time.
      await openSection(/^Enregistrer la vue actuelle/)
      await saveForm().getByLabel('Nom de la vue').fill('Brouillon')
      await saveForm().getByRole('button', { name: 'Enregistrer la vue' }).click()
      await announced('Vue « Brouillon » enregistrée.')
      expect(await viewList().locator('optgroup[label="Mes vues"] option').allTextContents()).toEqual([
        'Brouillon',
      ])
      await openSection(/^Gérer mes vues/)
      await views().getByRole('button', { name: 'Supprimer la vue « Brouillon »' }).click()
      const confirm = views().getByRole('group', { name: /^Supprimer la vue « Brouillon »/ })
      await expect.poll(() => confirm.evaluate((box) => box === document.activeElement)).toBe(true)
      await confirm.getByRole('button', { name: 'Confirmer la suppression' }).click()
      await announced('Vue « Brouillon » supprimée.')
      await expect.poll(() => viewList().locator('optgroup[label="Mes vues"]').count()).toBe(0)
      expect(web?.browserErrors).toEqual([])
      await shoot('gestion')
    })

    it('passes axe-core with its forms open', async () => {
      expect(await seriousViolations(page, ['section[aria-label="Vues enregistrées"]'])).toEqual([])
    })

    it('opens for a colleague of the same région, with the filter applied', async () => {
      const colleague = await createTestUser(store as Store, {
        role: 'regional',
        scopes: [{ kind: 'region', code: '75' }],
        displayName: 'Yann Cariou',
      })
      await page.getByRole('button', { name: 'Se déconnecter' }).click()
      await page.waitForURL(/\/connexion/)
      await page.goto(`${base}/connexion?retour=%2Fsuivi`)
      await page.getByLabel('Adresse électronique').fill(colleague.email)
      await page.getByLabel('Mot de passe', { exact: true }).fill(TEST_PASSWORD)
      await page.getByRole('button', { name: 'Se connecter', exact: true }).click()
      await page.waitForURL(`${base}/suivi`)
      await row(CHARENTE_SITE).first().waitFor()
      // Signing out leaves the browser's note of a 401; none from here on.
      const errorsBefore = web?.browserErrors.length ?? 0

      await viewList().selectOption({ label: 'Dordogne en alerte (Nouvelle-Aquitaine, par Rose Le Goff)' })
      await views().getByRole('button', { name: 'Ouvrir la vue' }).click()
      // Saved without its follow-up point: it opens on the current month.
      await page.waitForURL(`${base}/suivi?departement=24`)
      const filters = page.getByRole('search', { name: 'Filtres du suivi' })
      expect(await filters.getByLabel('Département').inputValue()).toBe('24')
      // The list says which view is shown.
      expect(await viewList().locator('option:checked').textContent()).toBe(
        'Dordogne en alerte (Nouvelle-Aquitaine, par Rose Le Goff)',
      )
      await row(DORDOGNE_SITE).first().waitFor()
      await expect.poll(() => row(CHARENTE_SITE).count()).toBe(0)
      // Someone else's shared view: opened, not managed.
      expect(
        await views()
          .getByRole('button', { name: /^Gérer mes vues/ })
          .count(),
      ).toBe(0)
      expect(web?.browserErrors.slice(errorsBefore)).toEqual([])
      expect(web?.outsideRequests).toEqual([])
      await shoot('collegue')
    })
  },
)
