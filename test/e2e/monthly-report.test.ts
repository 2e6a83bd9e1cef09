// End to end: the monthly report's downloads on the dashboard (/tableau-de-bord) in the built web app
// (dist/web, `npm run build:web`) served by the real server on seed 002's tracker and a month of national
// files, in Debian's Chromium. A national contributor chooses a région and downloads its report as a PDF
// (its text read back names the région, accents intact) and as an Excel workbook (its key figures are the
// dashboard API's); a regional user is offered its own région's report without choosing it.
// JALON_E2E_SCREENSHOTS=/tmp also saves a full-page screenshot of each step there.
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dashboard } from '../../src/domain/contract/dashboard'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { seriousViolations } from '../support/axe'
import { CHROMIUM, hasChromium, openWebApp, type WebApp } from '../support/browser'
import { importSeedTracker } from '../support/seed-sites'
import { importSourceLines } from '../support/source-lines'

const PERIOD = '2022-09'
const BERGERAC = '240000372'
const FLEYRIAT_EJ = '010780054'
const REGION = '84'
const REGION_NAME = 'Auvergne-Rhône-Alpes'

describe.skipIf(!hasChromium)(
  hasChromium ? 'web app in Chromium: monthly report' : `web app: skipped, ${CHROMIUM} is missing`,
  () => {
    let store: Store | undefined
    let web: WebApp | undefined
    let page: Page
    let base: string

    beforeAll(async () => {
      store = await freshStore()
      await importSeedTracker(store)
      const insi = 'FINESS;Niveau FINESS;Nombre total d’appels'
      await importSourceLines(store, 'insi', PERIOD, [insi, `${BERGERAC};EG;1700`, `${FLEYRIAT_EJ};EJ;2500`])
      web = await openWebApp(store, { signIn: { role: 'national', displayName: 'Nadia Martin' } })
      ;({ page, base } = web)
    }, 180_000)

    afterAll(async () => {
      await web?.close()
      await store?.close()
    })

    const downloadOf = async (name: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name, exact: true }).click(),
      ])
      return { name: download.suggestedFilename(), content: readFileSync(await download.path()) }
    }

    it('offers no report before a région is chosen on the national view', async () => {
      await page.goto(`${base}/tableau-de-bord?period=${PERIOD}`)
      await page.getByRole('heading', { level: 2, name: 'Établissements par statut' }).waitFor()
      expect(await page.getByRole('link', { name: 'Rapport mensuel (PDF)' }).count()).toBe(0)
    })

    it('downloads the chosen région’s report as a PDF naming the région', async () => {
      await page.goto(`${base}/tableau-de-bord?period=${PERIOD}&region=${REGION}`)
      await page.getByRole('heading', { level: 2, name: 'Établissements par statut' }).waitFor()
      await web?.shoot('rapport-mensuel-liens')
      expect(await seriousViolations(page)).toEqual([])
      const pdf = await downloadOf('Rapport mensuel (PDF)')
      expect(pdf.name).toBe(`jalon-rapport-${REGION}-${PERIOD}.pdf`)
      expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.content)), {
        mergePages: true,
      })
      const flat = text.replace(/\s+/g, ' ')
      expect(flat).toContain(REGION_NAME)
      expect(flat).toContain('Point de suivi : septembre 2022')
    })

    it('downloads the same report as an Excel workbook with the dashboard’s figures', async () => {
      const excel = await downloadOf('Rapport mensuel (Excel)')
      expect(excel.name).toBe(`jalon-rapport-${REGION}-${PERIOD}.xlsx`)
      expect(excel.content.subarray(0, 2).toString('latin1')).toBe('PK')
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(excel.content as unknown as ArrayBuffer)
      const sheet = workbook.getWorksheet('Chiffres clés') as ExcelJS.Worksheet
      expect(String(sheet.getCell('A1').value)).toContain(REGION_NAME)
      const api = (await page.evaluate(
        (url) => fetch(url, { headers: { accept: 'application/json' } }).then((r) => r.json()),
        `/api/dashboard?period=${PERIOD}&region=${REGION}`,
      )) as Dashboard
      expect(sheet.getCell('E5').value).toBe(api.sites)
      const ri = api.statusColumns.find((c) => c.key === 'segur.commande.ri')
      let found = false
      sheet.eachRow((row) => {
        if (row.getCell(2).value === ri?.label && row.getCell(4).value === ri?.statuses[0]?.label) {
          expect(row.getCell(5).value).toBe(ri?.statuses[0]?.count)
          found = true
        }
      })
      expect(found).toBe(true)
    })

    it('offers a regional user its own région’s report without choosing it', async () => {
      await web?.close()
      web = await openWebApp(store as Store, {
        signIn: { role: 'regional', scopes: [{ kind: 'region', code: REGION }] },
      })
      ;({ page, base } = web)
      await page.goto(`${base}/tableau-de-bord?period=${PERIOD}`)
      await page.getByRole('heading', { level: 2, name: 'Établissements par statut' }).waitFor()
      const link = page.getByRole('link', { name: 'Rapport mensuel (PDF)', exact: true })
      expect(await link.getAttribute('href')).toBe(
        `/api/reports/monthly?region=${REGION}&period=${PERIOD}&format=pdf`,
      )
      expect(web.browserErrors).toEqual([])
      expect(web.outsideRequests).toEqual([])
    })
  },
)
