// End to end: access in the built web app (dist/web, `npm run build:web`) served by the real server on a
// fresh database holding the demo région's FINESS referential (Bretagne, 53) and a few sites elsewhere,
// driven in Debian's Chromium. A regional contributor signs in through the sign-in page, types the météo
// and a comment it owns, cannot type a national field (in the page nor by a forced request), reads the
// establishment's journal, is refused a site of another région, and signs out; an administrator creates
// an account with a scope and finds it in the list and in the journal.
// JALON_E2E_SCREENSHOTS=/tmp also saves a full-page screenshot of each step there.
import { readFileSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFinessFile } from '../../src/app/import-finess'
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

const REGIONAL = { email: 'rose.le-goff@ars.sante.fr', displayName: 'Rose Le Goff' }
const ADMIN = { email: 'admin.national@sante.gouv.fr', displayName: 'Alain Admin' }
const SITE = DEMO.chSaintBrieucSite
/** CH de Fleyriat, in the Ain (région 84): outside Bretagne. */
const ELSEWHERE = '010000024'
/** Markup typed in a comment must come back as text, never as markup. */
const COMMENT = 'Relance du <b>DPI</b> prévue & suivie'

describe.skipIf(!hasChromium)(
  hasChromium ? 'web app in Chromium: access' : `web app: skipped, ${CHROMIUM} is missing`,
  () => {
    let store: Store | undefined
    let web: WebApp | undefined
    let page: Page
    let base: string
    let outsideRequests: string[]
    let browserErrors: string[]

    beforeAll(async () => {
      store = await freshStore()
      // The small national extract first: the demo referential, loaded after, stays open.
      const bytes = readFileSync(new URL('../fixtures/etalab-small.csv', import.meta.url))
      await importFinessFile(store, { fileName: 'etalab-small.csv', bytes })
      await loadDemoReferential(store)
      await createTestUser(store, { ...REGIONAL, role: 'regional', scopes: [{ kind: 'region', code: '53' }] })
      await createTestUser(store, { ...ADMIN, role: 'admin' })
      web = await openWebApp(store, { signIn: false })
      ;({ page, base, outsideRequests, browserErrors } = web)
    })

    afterAll(async () => {
      await web?.close()
      await store?.close()
    })

    const shoot = (name: string) => web?.shoot(`acces-${name}`)
    /** The text of an element, every kind of space as one plain space. */
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ')
    const nav = () => page.getByRole('navigation', { name: 'Menu principal' })
    const field = (label: string) =>
      page
        .getByRole('region', { name: 'Suivi régional et déclarations' })
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: label, exact: true }) })
    const signInWith = async (email: string, password: string) => {
      await page.getByLabel('Adresse électronique').fill(email)
      await page.getByLabel('Mot de passe', { exact: true }).fill(password)
      await page.getByRole('button', { name: 'Se connecter', exact: true }).click()
    }

    it('signed out, a page leads to the sign-in page, which refuses a wrong password', async () => {
      await page.goto(`${base}/structures/${SITE}`)
      await page.waitForURL(`${base}/connexion?retour=%2Fstructures%2F${SITE}`)
      await page.getByRole('heading', { level: 1, name: 'Connexion à Jalon' }).waitFor()
      expect(await page.title()).toBe('Connexion – Jalon')
      // Signed out, only the simulator is offered.
      expect(await nav().getByRole('link').allTextContents()).toEqual(['Simulateur'])

      // The simulator's API is public: its page stays usable signed out.
      await nav().getByRole('link', { name: 'Simulateur' }).click()
      await page.getByRole('heading', { level: 1, name: 'Simulateur des programmes' }).waitFor()
      expect(page.url()).toBe(`${base}/simulateur`)
      await page.goBack()
      await page.waitForURL(/\/connexion\?retour=/)

      await signInWith(REGIONAL.email, 'pas-le-bon-mot-de-passe')
      const refusal = page.getByRole('alert').filter({ hasText: 'Connexion refusée' })
      await refusal.waitFor()
      expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(
        'Connexion refusée',
      )
      await shoot('refus')
    })

    it('offers the configured OpenID Connect providers, with the page to come back to', async () => {
      // The server lists the providers its settings name; this one has none, so the list is given here.
      await page.route(`${base}/api/auth/providers`, (route) =>
        route.fulfill({
          json: [
            { id: 'proconnect', label: 'ProConnect' },
            { id: 'psc', label: 'Pro Santé Connect' },
          ],
        }),
      )
      try {
        await page.goto(`${base}/connexion?retour=${encodeURIComponent(`/structures/${SITE}`)}`)
        const returnTo = encodeURIComponent(`/structures/${SITE}`)
        const proConnect = page.getByRole('link', { name: /S’identifier avec\s*ProConnect/ })
        expect(await proConnect.getAttribute('href')).toBe(`/api/auth/oidc/proconnect?returnTo=${returnTo}`)
        const psc = page.getByRole('link', { name: 'Se connecter avec Pro Santé Connect' })
        expect(await psc.getAttribute('href')).toBe(`/api/auth/oidc/psc?returnTo=${returnTo}`)
        await shoot('connexion')
      } finally {
        await page.unroute(`${base}/api/auth/providers`)
      }
    })

    it('shows the message an OpenID Connect failure comes back with, as text', async () => {
      await page.goto(
        `${base}/connexion?erreur=${encodeURIComponent('Identité <i>refusée</i> par le fournisseur')}`,
      )
      const alert = page.getByRole('alert').filter({ hasText: 'La connexion n’a pas abouti' })
      await alert.waitFor()
      expect(await text(alert)).toContain('Identité <i>refusée</i> par le fournisseur')
      expect(await alert.locator('i').count()).toBe(0)
    })

    it('a regional contributor signs in and types the météo and a comment, which stay', async () => {
      await page.goto(`${base}/structures/${SITE}`)
      await page.waitForURL(/\/connexion\?retour=/)
      await signInWith(REGIONAL.email, TEST_PASSWORD)
      await page.waitForURL(`${base}/structures/${SITE}`)
      await page.getByRole('heading', { level: 1 }).waitFor()
      const header = page.locator('header').first()
      expect(await text(header)).toContain(REGIONAL.displayName)
      expect(await text(header)).toContain('Contributeur régional (ARS, GRADeS, DCGDR)')
      expect(await nav().getByRole('link').allTextContents()).toEqual([
        'Suivi',
        'Tableau de bord',
        'Carte',
        'Priorités',
        'Établissements',
        'Actions',
        'Simulateur',
        'Journal',
      ])

      const meteo = field('Météo')
      expect(await text(meteo)).toContain('Propriétaire : Région (colonnes jaunes)')
      await meteo.getByRole('combobox', { name: /^Météo/ }).selectOption('alerte')
      await meteo.getByRole('button', { name: /^Enregistrer/ }).click()
      await meteo
        .getByRole('status')
        .getByText('Météo enregistré : En cours de déploiement - Alerte.')
        .waitFor()

      const comment = field('Commentaires (INSi)')
      await comment.getByRole('textbox', { name: /^Commentaires \(INSi\)/ }).fill(COMMENT)
      await comment.getByRole('button', { name: /^Enregistrer/ }).click()
      await comment
        .getByRole('status')
        .getByText(/Commentaires \(INSi\) enregistré/)
        .waitFor()
      await shoot('saisie')

      await page.reload()
      await field('Météo').waitFor()
      expect(
        await field('Météo')
          .getByRole('combobox', { name: /^Météo/ })
          .inputValue(),
      ).toBe('alerte')
      expect(await text(field('Météo'))).toContain('En cours de déploiement - Alerte')
      expect(await text(field('Météo'))).toContain(`Saisi par ${REGIONAL.email} le`)
      expect(
        await field('Commentaires (INSi)')
          .getByRole('textbox', { name: /^Commentaires \(INSi\)/ })
          .inputValue(),
      ).toBe(COMMENT)
      expect(await field('Commentaires (INSi)').locator('b').count()).toBe(0)
    })

    it('a national field is not editable, says why, and a forced write is refused', async () => {
      await page.goto(`${base}/structures/${SITE}`)
      const pilot = field('ES pilote Mon Espace Santé')
      await pilot.waitFor()
      expect(await text(pilot)).toContain('Propriétaire : National (colonnes grises)')
      expect(await text(pilot)).toMatch(/Non modifiable : Ce champ appartient au niveau « ANS »/)
      expect(await pilot.getByRole('button', { name: /^Enregistrer/ }).count()).toBe(0)

      const me = (await (await page.request.get(`${base}/api/auth/me`)).json()) as { csrfToken: string }
      const url = `${base}/api/structures/${SITE}/fields/identite.es-pilote-mes`
      const data = { period: '2024-03', value: 'oui' }
      const forced = await page.request.put(url, { data, headers: { 'x-csrf-token': me.csrfToken } })
      expect(forced.status()).toBe(403)
      expect(((await forced.json()) as { error: string }).error).toMatch(/ANS/)
      // Without the anti-forgery token, even a field it owns is refused.
      const forged = await page.request.put(`${base}/api/structures/${SITE}/fields/suivi.meteo`, { data })
      expect(forged.status()).toBe(403)
    })

    it('the establishment’s journal shows the météo change, before and after', async () => {
      await page.goto(`${base}/structures/${SITE}`)
      await page.getByRole('link', { name: 'Journal des modifications' }).first().click()
      await page.waitForURL(`${base}/journal?finess=${SITE}`)
      await page.getByRole('heading', { level: 1, name: 'Journal des modifications' }).waitFor()
      const row = page.getByRole('row').filter({ hasText: 'Météo' })
      await row.waitFor()
      const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.replace(/\s+/g, ' '))
      expect(cells[0]).toMatch(/^\d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}$/)
      expect(cells.slice(1, 5)).toEqual([REGIONAL.email, 'Saisie d’un champ', SITE, 'Météo'])
      expect(cells[6]).toBe('— → devient En cours de déploiement - Alerte')
      const comment = page.getByRole('row').filter({ hasText: 'Commentaires (INSi)' })
      expect(await text(comment)).toContain(COMMENT)
      expect(await page.getByRole('link', { name: 'Télécharger (CSV)' }).getAttribute('href')).toBe(
        `/api/audit.csv?finess=${SITE}`,
      )
      await shoot('journal')
    })

    it('a site of another région shows the server’s refusal', async () => {
      await page.goto(`${base}/structures/${ELSEWHERE}`)
      const alert = page.getByRole('alert').filter({ hasText: 'Accès refusé' })
      await alert.waitFor()
      expect(await text(alert)).toContain(`L’établissement ${ELSEWHERE} est hors de votre périmètre.`)
      await shoot('hors-perimetre')
    })

    it('a session ended elsewhere leads back to the sign-in page, then to the page asked for', async () => {
      await page.goto(`${base}/structures/${SITE}`)
      await page.getByRole('link', { name: 'Journal des modifications' }).first().waitFor()
      // Every section of the page must have its answer before the session ends: a section still
      // loading would meet the 401 first and send the user back to this page, not to the journal.
      await page.waitForLoadState('networkidle')
      const me = (await (await page.request.get(`${base}/api/auth/me`)).json()) as { csrfToken: string }
      const out = await page.request.post(`${base}/api/auth/logout`, {
        headers: { 'x-csrf-token': me.csrfToken },
      })
      expect(out.status()).toBe(204)
      // The page still believes it is signed in: its next call is a 401.
      await page.getByRole('link', { name: 'Journal des modifications' }).first().click()
      await page.waitForURL(`${base}/connexion?retour=${encodeURIComponent(`/journal?finess=${SITE}`)}`)
      await signInWith(REGIONAL.email, TEST_PASSWORD)
      await page.waitForURL(`${base}/journal?finess=${SITE}`)
      await page.getByRole('row').filter({ hasText: 'Météo' }).waitFor()
    })

    it('signs out and lands on the sign-in page', async () => {
      await page.goto(`${base}/`)
      await page.getByRole('button', { name: 'Se déconnecter' }).click()
      await page.waitForURL(`${base}/connexion`)
      await page.getByRole('heading', { level: 1, name: 'Connexion à Jalon' }).waitFor()
      expect((await page.request.get(`${base}/api/auth/me`)).status()).toBe(401)
    })

    it('an administrator creates an account with a scope and finds it in the list and the journal', async () => {
      await page.goto(`${base}/administration/utilisateurs`)
      await page.waitForURL(/\/connexion\?retour=%2Fadministration%2Futilisateurs$/)
      await signInWith(ADMIN.email, TEST_PASSWORD)
      await page.waitForURL(`${base}/administration/utilisateurs`)
      await page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor()
      expect(await nav().getByRole('link').allTextContents()).toEqual([
        'Suivi',
        'Tableau de bord',
        'Carte',
        'Priorités',
        'Établissements',
        'Actions',
        'Simulateur',
        'Imports',
        'Utilisateurs',
        'Journal',
      ])

      const form = page.getByRole('form', { name: 'Créer un compte' })
      await form.getByLabel('Adresse électronique').fill('nouvelle.personne@ars.sante.fr')
      await form.getByLabel(/^Nom/).fill('Nouvelle Personne')
      await form.getByLabel('Rôle').selectOption('regional')
      await form.getByLabel(/^Organisation/).fill('ARS Bretagne')
      await form.getByLabel('Type de périmètre').selectOption('departement')
      await form.getByLabel(/^Code du périmètre/).fill('35')
      await form.getByRole('button', { name: 'Ajouter ce périmètre' }).click()
      await form
        .getByRole('list', { name: 'Périmètres du nouveau compte' })
        .getByText('Département 35')
        .waitFor()
      await form.getByRole('button', { name: 'Créer le compte' }).click()
      await form.getByRole('status').getByText('Compte créé : nouvelle.personne@ars.sante.fr.').waitFor()

      const row = page.getByRole('row').filter({ hasText: 'nouvelle.personne@ars.sante.fr' })
      await row.waitFor()
      const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.replace(/\s+/g, ' '))
      expect(cells.slice(0, 7)).toEqual([
        'Nouvelle Personne',
        'nouvelle.personne@ars.sante.fr',
        'Contributeur régional (ARS, GRADeS, DCGDR)',
        'ARS Bretagne',
        'Département 35',
        cells[5],
        'Actif',
      ])
      await shoot('utilisateurs')

      // A second scope, from the account's panel.
      await row.getByRole('button', { name: /^Gérer/ }).click()
      const panel = page.getByRole('region', { name: 'Compte de Nouvelle Personne' })
      await panel.getByLabel('Type de périmètre').selectOption('eg')
      await panel.getByLabel(/^Code du périmètre/).fill(SITE)
      await panel.getByRole('button', { name: 'Ajouter le périmètre' }).click()
      await panel
        .getByRole('status')
        .getByText(`Périmètre ajouté : Établissement (FINESS EG) ${SITE}.`)
        .waitFor()
      await row.getByText(`Département 35, Établissement (FINESS EG) ${SITE}`).waitFor()

      await page.getByRole('link', { name: 'journal des modifications' }).click()
      await page.waitForURL(`${base}/journal`)
      const created = page
        .getByRole('row')
        .filter({ hasText: 'Création d’un compte' })
        .filter({ hasText: 'nouvelle.personne@ars.sante.fr' })
      await created.waitFor()
      expect(await created.getByRole('cell').nth(1).textContent()).toBe(ADMIN.email)
      expect(await text(created)).toContain('Département 35')
      await page.getByRole('row').filter({ hasText: 'Ajout d’un périmètre' }).waitFor()
      await shoot('journal-admin')
    })

    it('loads nothing from outside and logs no error but the expected refusals', () => {
      expect(outsideRequests).toEqual([])
      // Signed out, GET /api/auth/me is a 401 and the wrong password another; the refused pages are 403.
      expect(browserErrors.filter((e) => !/status of 40[13]/.test(e))).toEqual([])
    })
  },
)
