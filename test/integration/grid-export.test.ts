// The grid's exports: an XLSX in the tracker's layout (seed 002) that reads back through the tracker
// importer with the same values, FINESS as text, owner colours, the national average and methodology tabs,
// the archive file name; and a CSV.
import type { FastifyInstance } from 'fastify'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importTrackerFile } from '../../src/app/import-tracker'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { signIn, type ApiClient } from '../support/api-session'
import { importSeedTracker } from '../support/seed-sites'

let store: Store
let app: FastifyInstance
let national: ApiClient
let regional: ApiClient
beforeAll(async () => {
  store = await freshStore()
  await importSeedTracker(store)
  app = await buildServer({ store, webRoot: '/nonexistent' })
  national = await signIn(app, store, { role: 'national' })
  regional = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: '75' }] })
}, 120_000)
afterAll(async () => {
  await app?.close()
  await store?.close()
})

const download = async (client: ApiClient, url: string) => {
  const answer = await client.request({ method: 'GET', url })
  expect(answer.statusCode, answer.body.slice(0, 300)).toBe(200)
  return answer
}

describe('grid exports', () => {
  it('writes the tracker layout, named after the archive convention, FINESS as text', async () => {
    const answer = await download(national, '/api/grid/export.xlsx?period=2022-08')
    expect(answer.headers['content-type']).toContain('spreadsheetml')
    expect(decodeURIComponent(String(answer.headers['content-disposition']).split("UTF-8''")[1] ?? '')).toBe(
      '2022_Suivi Ségur ES_FRANCE_V1_Logiciels-082022_INS-082022_MSS-072022_DMP-082022_Certificats-082022.xlsx',
    )
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(answer.rawPayload as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Suivi Ségur ES - 08-2022',
      'Moyenne nationale',
      'Méthodologie',
    ])
    const sheet = workbook.getWorksheet('Suivi Ségur ES - 08-2022') as ExcelJS.Worksheet
    const headers = (sheet.getRow(3).values as unknown[]).slice(1)
    expect(headers.slice(0, 7)).toEqual([
      'FINESS Géographique',
      'FINESS PMSI',
      'FINESS Juridique',
      'Département',
      'Catégorie d’établissements',
      'Raison sociale',
      'ES Pilote MES',
    ])
    const titles = [...new Set((sheet.getRow(2).values as unknown[]).filter(Boolean))]
    expect(titles).toContain('INSi - Août 2022')
    expect(titles).toContain('MSSanté - Juillet 2022')
    const meteo = headers.indexOf('Météo') + 1
    expect(sheet.getRow(3).getCell(meteo).fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } })
    expect(sheet.getRow(3).getCell(1).fill).toMatchObject({ fgColor: { argb: 'FFD9D9D9' } })
    const finess = [5, 6, 7, 8, 9].map((r) => sheet.getRow(r).getCell(1).value)
    expect(finess).toContain('010000024')
    expect(finess.every((f) => typeof f === 'string')).toBe(true)
    const methodology = workbook.getWorksheet('Méthodologie') as ExcelJS.Worksheet
    const text = methodology.getSheetValues().flat().join(' ')
    expect(text).toContain('MSSanté')
    expect(text).toContain('Juillet 2022')
  })

  it('reads back through the tracker importer with the same values', async () => {
    const answer = await download(national, '/api/grid/export.xlsx?period=2022-08')
    const report = await importTrackerFile(store, {
      fileName: 'export.xlsx',
      bytes: answer.rawPayload,
      actor: { id: null, label: 'test' },
      dryRun: true,
    })
    expect(report.tabs).toHaveLength(1)
    const [tab] = report.tabs
    expect(tab?.period).toBe('2022-08')
    expect(tab?.counts.changed).toBe(0)
    expect(tab?.counts.added).toBe(0)
  })

  it('keeps a région’s export to its scope and names the file after it', async () => {
    const answer = await download(regional, '/api/grid/export.xlsx?period=2022-08&region=75')
    expect(String(answer.headers['content-disposition'])).toContain(encodeURIComponent('NOUVELLE-AQUITAINE'))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(answer.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet
    const ids = [5, 6, 7, 8, 9].map((r) => sheet.getRow(r).getCell(1).value).filter(Boolean)
    expect(ids.sort()).toEqual(['160000253', '160013207', '240000372'])
  })

  it('writes a CSV with the same columns, BOM and no runnable formula', async () => {
    await regional.send('PUT', '/api/structures/240000372/fields/suivi.sih', {
      period: '2022-08',
      value: '=cmd|calc',
    })
    const answer = await download(
      regional,
      '/api/grid/export.csv?period=2022-08&columns=suivi.sih,insi.appel-ts',
    )
    expect(answer.headers['content-type']).toContain('text/csv')
    expect(answer.body.startsWith('\ufeffFINESS Géographique;FINESS PMSI;FINESS Juridique;')).toBe(true)
    const lines = answer.body.trim().split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatch(/;SIH;Appel de l.ES au TS INSi$/)
    expect(answer.body).toContain(";'=cmd|calc;")
  })
})
