// End to end: the priorities page (/priorites) in the built web app (dist/web, `npm run build:web`) served by
// the real server on seed 002's tracker and national files built for the criteria, driven in Debian's
// Chromium by a regional contributor of Nouvelle-Aquitaine. It opens the page from the menu on the default
// criteria and checks the ranking against the API, creates a list (criteria, weight, parameter, name,
// shared with the région), sees its ranked sites against the API, exports it (XLSX read back), follows a
// criterion's link to the grid, and checks accessibility (axe-core).
// JALON_E2E_SCREENSHOTS=/tmp also saves a full-page screenshot of each step there.
import ExcelJS from 'exceljs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PriorityResults } from '../../src/domain/contract/priorities'
import { periodRange } from '../../src/domain/observations/period'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { seriousViolations } from '../support/axe'
import { CHROMIUM, hasChromium, openWebApp, type WebApp } from '../support/browser'
import { importSeedTracker } from '../support/seed-sites'
import { importSourceLines } from '../support/source-lines'

const PERIOD = '2022-09'
const BERGERAC = '240000372'
const BERGERAC_EJ = '240000059'
const ANGOULEME = '160000253'
const ANGOULEME_EJ = '160000451'
const IME = '160013207'

describe.skipIf(!hasChromium)(
  hasChromium ? 'web app in Chromium: priorities' : `web app: skipped, ${CHROMIUM} is missing`,
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
      await load('programmes', PERIOD, [
        'FINESS PMSI;Indicateur;Numérateur;Dénominateur;Fin de la période de mesure',
        `${BERGERAC_EJ};DS1.2;40;100;30/09/2022`,
        `${ANGOULEME_EJ};DS1.1;30;100;30/09/2022`,
      ])
      for (const period of periodRange('2021-10', PERIOD))
        await load('dmp', period, [
          'FINESS;Niveau FINESS;Total documents;DMP alimentés;Convention signée',
          `${ANGOULEME};EG;2;1;Oui`,
        ])
      await load('esms-numerique', PERIOD, [
        'FINESS;Niveau de contractualisation;Financé ESMS numérique;DUI en place',
        `${BERGERAC};EG;Oui;Non`,
      ])
      web = await openWebApp(store, {
        signIn: { role: 'regional', scopes: [{ kind: 'region', code: '75' }], displayName: 'Rose Le Goff' },
      })
      ;({ page, base } = web)
    }, 300_000)

    afterAll(async () => {
      await web?.close()
      await store?.close()
    })

    const shoot = (name: string) => web?.shoot(`priorites-${name}`)
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
    const apiResults = (query: string) =>
      page.evaluate(
        (url) => fetch(url, { headers: { accept: 'application/json' } }).then((r) => r.json()),
        `/api/priorities/results?period=${PERIOD}&${query}`,
      ) as Promise<PriorityResults>
    const ranked = () => page.getByRole('region', { name: 'Établissements à aider en priorité', exact: true })
    /** The FINESS and score of each row of the ranked table, as shown. */
    const shownRanking = async () => {
      const rows = await ranked().getByRole('row').all()
      const out: [string, string][] = []
      for (const row of rows.slice(1)) {
        const cells = row.getByRole('cell')
        const finess = /FINESS (\S+)/.exec(await text(cells.nth(2)))?.[1] ?? ''
        out.push([finess, await text(cells.nth(1))])
      }
      return out
    }
    const criteriaForm = () => page.getByRole('form', { name: 'Critères de la liste de priorités' })
    const fieldset = (label: string) => criteriaForm().getByRole('group', { name: label, exact: true })

    it('opens from the menu on the default criteria, ranked as the API ranks them', async () => {
      await page.goto(`${base}/suivi`)
      await page.getByRole('navigation').getByRole('link', { name: 'Priorités' }).click()
      await page.getByRole('heading', { level: 1, name: 'Priorités' }).waitFor()
      await page.goto(`${base}/priorites?period=${PERIOD}`)
      await ranked().waitFor()
      const api = await apiResults('limit=50')
      expect(api.rows.map((r) => r.finessEg)).toEqual([BERGERAC, ANGOULEME, IME])
      await expect.poll(shownRanking).toEqual(api.rows.map((r) => [r.finessEg, String(r.score)]))
      const second = ranked().getByRole('row').nth(2)
      expect(await text(second)).toContain('DMP en EHPAD : équipé, pas encore actif')
      expect(await text(page.getByRole('heading', { level: 2, name: /à aider en priorité$/ }))).toBe(
        '3 établissements à aider en priorité',
      )
      await shoot('defaut')
    })

    it('creates a list shared with the région and shows its ranked sites', async () => {
      // DSFR draws its own box over the native one: a person clicks the label.
      await fieldset('Sans donnée nationale depuis N mois')
        .locator('label', { hasText: 'Retenir ce critère' })
        .click()
      await expect
        .poll(() => fieldset('Sans donnée nationale depuis N mois').getByRole('checkbox').isChecked())
        .toBe(false)
      await fieldset('ESMS financés par ESMS numérique sans DUI en place').getByLabel('Poids').fill('6')
      await fieldset('Candidats SUN-ES sous la cible, fenêtre de mesure proche')
        .getByLabel(/^Fin de la fenêtre dans/)
        .fill('4')
      await criteriaForm().getByLabel('Nom de la liste').fill('Charente et Dordogne à accompagner')
      await criteriaForm().locator('label', { hasText: 'Partager avec la région Nouvelle-Aquitaine' }).click()
      await criteriaForm().getByRole('button', { name: 'Enregistrer comme nouvelle liste' }).click()
      await expect
        .poll(() =>
          text(
            page
              .getByRole('status')
              .filter({ hasText: /^Liste « / })
              .first(),
          ),
        )
        .toBe(
          'Liste « Charente et Dordogne à accompagner » enregistrée, partagée avec la région Nouvelle-Aquitaine.',
        )
      await expect.poll(() => new URL(page.url()).searchParams.get('list')).toMatch(/^\d+$/)
      const id = new URL(page.url()).searchParams.get('list')
      await page
        .getByRole('heading', {
          level: 2,
          name: 'Critères de la liste « Charente et Dordogne à accompagner »',
        })
        .waitFor()
      const api = await apiResults(`list=${id}`)
      expect(api.list?.name).toBe('Charente et Dordogne à accompagner')
      expect(api.criteria.map((c) => c.id)).not.toContain('sans-donnee')
      // Bergerac, a SUN-ES candidate in the tracker: SUN-ES (3) + ESMS without DUI (6); Angoulême: EHPAD (2).
      expect(api.rows.map((r) => [r.finessEg, r.score])).toEqual([
        [BERGERAC, 9],
        [ANGOULEME, 2],
      ])
      await expect.poll(shownRanking).toEqual(api.rows.map((r) => [r.finessEg, String(r.score)]))
      // The list is kept with its criteria: the form shows them again.
      expect(
        await fieldset('ESMS financés par ESMS numérique sans DUI en place').getByLabel('Poids').inputValue(),
      ).toBe('6')
      await shoot('liste')
    })

    it('exports the list as a workbook that reads back', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Télécharger la liste (Excel)' }).click(),
      ])
      expect(download.suggestedFilename()).toBe(
        `priorites-charente-et-dordogne-a-accompagner-perimetre-${PERIOD}.xlsx`,
      )
      const book = new ExcelJS.Workbook()
      await book.xlsx.readFile(await download.path())
      const sheet = book.getWorksheet('Priorités')
      const id = new URL(page.url()).searchParams.get('list')
      const api = await apiResults(`list=${id}`)
      const rows = api.rows.map((_, i) => (sheet?.getRow(i + 2).values as unknown[]).slice(1, 5))
      expect(rows).toEqual(api.rows.map((r, i) => [i + 1, r.score, r.finessEg, r.finessEj]))
      expect(sheet?.rowCount).toBe(api.total + 1)
      const line = (sheet?.getRow(2).values as unknown[]).map(String).join(' | ')
      expect(line).toContain('Financé par ESMS numérique, DUI pas en place')
    })

    it('follows a criterion to the grid filtered on its sites', async () => {
      const row = page
        .getByRole('table', { name: 'Établissements par critère' })
        .getByRole('row')
        .filter({ hasText: 'ESMS financés par ESMS numérique sans DUI en place' })
      expect(await text(row.getByRole('cell').nth(3))).toBe('1 établissement')
      await row.getByRole('link', { name: 'Voir dans la grille' }).click()
      await page.waitForURL(/\/suivi\?/)
      const url = new URL(page.url())
      expect(url.searchParams.get('period')).toBe(PERIOD)
      expect(url.searchParams.getAll('where')).toEqual(['esms.finance:eq:oui', 'esms.dui:ne:oui'])
      const count = page.getByRole('status').filter({ hasText: /établissements?$/ })
      await expect.poll(() => text(count)).toBe('1 établissement')
      await shoot('grille')
      await page.goBack()
      await ranked().waitFor()
    })

    it('has no serious accessibility violation', async () => {
      expect(await seriousViolations(page)).toEqual([])
      expect(web?.browserErrors).toEqual([])
    })
  },
)
