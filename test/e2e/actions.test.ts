// End to end: follow-up actions in the built web app (dist/web) served by the real server, driven in
// Debian's Chromium by a regional contributor of Nouvelle-Aquitaine. On an establishment's page it adds an
// action, sees it listed, marks it done; then finds it on /actions (filtered from the URL) and downloads
// the CSV; both pages are checked for accessibility (axe-core).
// JALON_E2E_SCREENSHOTS=/tmp also saves a full-page screenshot of each step there.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StructureActions } from '../../src/domain/contract/actions'
import type { Store } from '../../src/store/database'
import { seriousViolations } from '../support/axe'
import { CHROMIUM, hasChromium, type WebApp } from '../support/browser'
import { openSeededWebApp } from '../support/seeded-web-app'

const BERGERAC = '240000372'
const SUBJECT = 'Point INSi avec la DSI'

describe.skipIf(!hasChromium)(
  hasChromium ? 'web app in Chromium: follow-up actions' : `web app: skipped, ${CHROMIUM} is missing`,
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
    }, 120_000)

    afterAll(async () => {
      await web?.close()
      await store?.close()
    })

    const section = () => page.locator('section[aria-labelledby="actions-suivi"]')

    it('adds an action on the establishment’s page and lists it', async () => {
      await page.goto(`${base}/structures/${BERGERAC}`)
      await section().getByText('Aucune action de suivi pour cet établissement.').waitFor()
      const form = section().getByRole('form', { name: 'Nouvelle action' })
      await form.getByLabel('Type').selectOption({ label: 'Réunion' })
      await form.getByLabel('Objet').fill(SUBJECT)
      await form.getByLabel('Prochaine étape (facultatif)').fill('Envoyer le compte rendu')
      await form.getByLabel('Échéance (facultatif)').fill('2099-06-30')
      await form.getByLabel('Thème (facultatif)').selectOption({ label: 'INSi' })
      await form.getByLabel('Notes (facultatif)').fill('Appels en baisse.\nRelancer l’éditeur.')
      expect(await form.getByLabel('Responsable').inputValue()).not.toBe('')
      await form.getByRole('button', { name: 'Ajouter l’action' }).click()
      await section().getByRole('status').getByText(`Action « ${SUBJECT} » ajoutée.`).waitFor()
      const row = section().getByRole('row', { name: new RegExp(SUBJECT) })
      await row.waitFor()
      const cells = (await row.getByRole('cell').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())
      expect(cells.slice(0, 3)).toEqual(['30/06/2099', 'À faire', 'Réunion'])
      expect(cells[3]).toContain('Prochaine étape : Envoyer le compte rendu')
      expect(cells.slice(4, 6)).toEqual(['INSi', 'Rose Le Goff'])
      // The form is ready for the next one.
      expect(await form.getByLabel('Objet').inputValue()).toBe('')
      await web?.shoot('actions-etablissement')
    })

    it('marks it done', async () => {
      const row = section().getByRole('row', { name: new RegExp(SUBJECT) })
      await row.getByRole('button', { name: `Marquer comme fait : ${SUBJECT}` }).click()
      await row.getByRole('button', { name: `Rouvrir : ${SUBJECT}` }).waitFor()
      expect(await row.getByRole('cell').nth(1).textContent()).toBe('Fait')
      const api = await page.request.get(`${base}/api/structures/${BERGERAC}/actions`)
      const body = (await api.json()) as StructureActions
      expect(body.items.map((a) => [a.subject, a.status, a.dueOn])).toEqual([[SUBJECT, 'fait', '2099-06-30']])
      expect(await seriousViolations(page)).toEqual([])
    })

    it('finds it on /actions through the menu and the filters', async () => {
      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('link', { name: 'Actions' })
        .click()
      await page.getByRole('heading', { level: 1, name: 'Actions de suivi' }).waitFor()
      await page.getByRole('heading', { name: '1 action' }).waitFor()
      const filters = page.getByRole('search', { name: 'Filtres des actions' })
      await filters.getByLabel('Statut').selectOption({ label: 'À faire' })
      await filters.getByRole('button', { name: 'Filtrer' }).click()
      await page.waitForURL(`${base}/actions?status=a_faire`)
      await page.getByRole('heading', { name: '0 action' }).waitFor()
      await filters.getByLabel('Statut').selectOption({ label: 'Fait' })
      await filters.getByRole('button', { name: 'Filtrer' }).click()
      await page.waitForURL(`${base}/actions?status=fait`)
      await page.getByRole('heading', { name: '1 action' }).waitFor()
      const row = page.getByRole('row', { name: new RegExp(SUBJECT) })
      expect(await row.getByRole('link', { name: new RegExp(BERGERAC) }).getAttribute('href')).toBe(
        `/structures/${BERGERAC}`,
      )
      await web?.shoot('actions-liste')
      expect(await seriousViolations(page)).toEqual([])
    })

    it('downloads the CSV of the filtered list', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Télécharger les actions (CSV)' }).click(),
      ])
      expect(download.suggestedFilename()).toMatch(/^actions-suivi-perimetre-\d{4}-\d{2}-\d{2}\.csv$/)
      const text = readFileSync(await download.path(), 'utf8')
      expect(text.startsWith('\ufeffN°;FINESS;Établissement;')).toBe(true)
      const lines = text.trimEnd().split('\r\n')
      expect(lines).toHaveLength(2)
      expect(lines[1]).toContain(`;${BERGERAC};`)
      expect(lines[1]).toContain(
        `;Réunion;${SUBJECT};"Appels en baisse.\nRelancer l’éditeur.";Envoyer le compte rendu;30/06/2099;Fait;INSi;Rose Le Goff;`,
      )
      expect(web?.outsideRequests).toEqual([])
      expect(web?.browserErrors).toEqual([])
    })
  },
)
