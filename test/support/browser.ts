// The web app served by the real server on a store, in Debian's Chromium, for end-to-end tests.
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { createUser } from '../../src/app/access/users'
import type { SessionUser, UserInput } from '../../src/domain/contract/access'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'

export const CHROMIUM = '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM)
const WEB_BUILD = new URL('../../dist/web/index.html', import.meta.url)
if (!hasChromium) {
  console.warn(`Tests de bout en bout ignorés : ${CHROMIUM} absent. Installez-le : apt-get install chromium`)
}

export interface WebApp {
  page: Page
  base: string
  /** Requests the page tried to make outside Jalon's own server (refused). */
  outsideRequests: string[]
  /** Uncaught errors and console errors of the page. */
  browserErrors: string[]
  /** With JALON_E2E_SCREENSHOTS=/dir, a full-page screenshot `jalon-<name>.png` there. */
  shoot(name: string): Promise<void>
  close(): Promise<void>
}

export interface WebAppOptions {
  /**
   * The account the browser is signed in with (created for the test): a national contributor by default;
   * `false` leaves the browser signed out.
   */
  signIn?: false | Partial<Pick<UserInput, 'email' | 'role' | 'scopes' | 'displayName'>>
}

export const TEST_PASSWORD = 'mot-de-passe-de-test-assez-long'

/** Creates an account for a test (password TEST_PASSWORD); returns it. */
export async function createTestUser(
  store: Store,
  user: Partial<Pick<UserInput, 'email' | 'role' | 'scopes' | 'displayName'>> = {},
): Promise<SessionUser> {
  const role = user.role ?? 'national'
  return createUser(
    store,
    { id: null, label: 'test' },
    {
      email: user.email ?? `${role}-${Math.random().toString(36).slice(2, 8)}@test.jalon.fr`,
      displayName: user.displayName ?? `Compte ${role}`,
      role,
      organisation: null,
      password: TEST_PASSWORD,
      scopes: user.scopes ?? [],
    },
  )
}

export async function openWebApp(store: Store, options: WebAppOptions = {}): Promise<WebApp> {
  if (!existsSync(WEB_BUILD)) throw new Error('dist/web absent : lancez `npm run build:web` (ou `npm test`).')
  const app = await buildServer({ store })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Without the background-networking flags Chromium keeps calling out, and this machine has no network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' })
  if (options.signIn !== false) {
    const user = await createTestUser(store, options.signIn ?? {})
    const answer = await page.request.post(`${base}/api/auth/login`, {
      data: { email: user.email, password: TEST_PASSWORD },
    })
    if (!answer.ok()) throw new Error(`connexion de test refusée : ${answer.status()} ${await answer.text()}`)
  }
  const outsideRequests: string[] = []
  const browserErrors: string[] = []
  // The app must need nothing but its own server: no CDN, no font or icon from elsewhere.
  await page.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(`${base}/`)) return route.continue()
    outsideRequests.push(url)
    return route.abort()
  })
  page.on('pageerror', (error) => browserErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') browserErrors.push(message.text())
  })
  const screenshots = process.env.JALON_E2E_SCREENSHOTS
  return {
    page,
    base,
    outsideRequests,
    browserErrors,
    shoot: async (name) => {
      if (screenshots) await page.screenshot({ path: join(screenshots, `jalon-${name}.png`), fullPage: true })
    },
    close: async () => {
      await browser.close()
      await app.close()
    },
  }
}
