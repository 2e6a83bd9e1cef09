// The audit journal: read per establishment (within the reader's scope, without the fields the reader may
// not read) or per account, filtered and paged, downloaded as a CSV safe to open; and never rewritten.
import type { FastifyInstance } from 'fastify'
import { parse } from 'csv-parse/sync'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFinessFile } from '../../src/app/import-finess'
import { buildServer } from '../../src/server/app'
import { insertAuditEvents, type AuditEventInput } from '../../src/store/audit'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { signIn, type ApiClient } from '../support/api-session'
import { bytes, FIXTURE_TEXT } from '../support/fixture'

// CH de Fleyriat (Ain, Auvergne-Rhône-Alpes 84), of the EJ 010780054; Hôpital de Sia (Wallis-et-Futuna).
const FLEYRIAT = '010000024'
const FLEYRIAT_EJ = '010780054'
const SIA = '980600027'

let store: Store
let app: FastifyInstance
let admin: ApiClient
let national: ApiClient
let regional: ApiClient
let otherRegion: ApiClient
let establishment: ApiClient

const FORMULA = '=HYPERLINK("http://pirate.example","clic")'

beforeAll(async () => {
  store = await freshStore()
  await importFinessFile(store, { fileName: 'etalab-small.csv', bytes: bytes(FIXTURE_TEXT) })
  app = await buildServer({ store, webRoot: '/nonexistent' })
  admin = await signIn(app, store, { role: 'admin' })
  national = await signIn(app, store, { role: 'national' })
  regional = await signIn(app, store, {
    role: 'regional',
    email: 'ars-ara@test.jalon.fr',
    scopes: [{ kind: 'region', code: '84' }],
  })
  otherRegion = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: '53' }] })
  establishment = await signIn(app, store, {
    role: 'establishment',
    email: 'dsi@ch-fleyriat.fr',
    scopes: [{ kind: 'ej', code: FLEYRIAT_EJ }],
  })

  const field = (
    actor: ApiClient,
    finess: string,
    code: string,
    after: string,
    before: string | null = null,
  ) =>
    ({
      actorId: actor.user.id,
      actorLabel: actor.user.email,
      action: 'field.set',
      entityKind: 'structure',
      entityId: finess,
      finess,
      field: code,
      period: '2024-03-01',
      before,
      after,
    }) satisfies AuditEventInput
  await store.transaction(async (session) => {
    await insertAuditEvents(session, [
      field(regional, FLEYRIAT, 'suivi.meteo', 'orage', 'soleil'),
      field(regional, FLEYRIAT, 'suivi.commentaire.insi', 'Relancer le DSI; réunion "jeudi"'),
      field(establishment, FLEYRIAT, 'etablissement.referent', FORMULA),
      {
        actorId: null,
        actorLabel: 'cli:exploitant',
        action: 'pmsi.override',
        entityKind: 'structure',
        entityId: FLEYRIAT,
        finess: FLEYRIAT,
        before: { pmsi: null },
        after: { pmsi: FLEYRIAT_EJ },
      },
      // Twelve months of a national field elsewhere, to page through.
      ...Array.from({ length: 12 }, (_, i) => ({
        ...field(national, SIA, 'identite.es-pilote-mes', i % 2 ? 'oui' : 'non'),
        period: `2023-${String(i + 1).padStart(2, '0')}-01`,
      })),
    ])
  })
})
afterAll(async () => {
  await app?.close()
  await store?.close()
})

type Item = { action: string; field: string | null; period: string | null; actorLabel: string }
const fieldsOf = (items: Item[]) => items.map((i) => i.field)

describe('GET /api/audit?finess=', () => {
  it('gives an establishment’s journal to its region, most recent first, in the contract’s shape', async () => {
    const { status, body } = await regional.get(`/api/audit?finess=${FLEYRIAT}`)
    expect(status).toBe(200)
    expect(body.total).toBe(4)
    expect(body.items.map((i: Item) => i.action)).toEqual([
      'pmsi.override',
      'field.set',
      'field.set',
      'field.set',
    ])
    expect(body.items[3]).toEqual({
      id: expect.any(Number),
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      actorId: regional.user.id,
      actorLabel: 'ars-ara@test.jalon.fr',
      action: 'field.set',
      actionLabel: 'Saisie d’un champ',
      entityKind: 'structure',
      entityId: FLEYRIAT,
      finess: FLEYRIAT,
      field: 'suivi.meteo',
      fieldLabel: 'Météo',
      period: '2024-03',
      before: 'soleil',
      after: 'orage',
    })
    expect(body.items[0]).toMatchObject({
      actorId: null,
      actorLabel: 'cli:exploitant',
      actionLabel: 'Correction du FINESS PMSI',
      field: null,
      fieldLabel: null,
      period: null,
      after: { pmsi: FLEYRIAT_EJ },
    })
  })

  it('leaves out of an establishment account’s view the region’s météo and comments', async () => {
    const { status, body } = await establishment.get(`/api/audit?finess=${FLEYRIAT}`)
    expect(status).toBe(200)
    expect(body.total).toBe(2)
    expect(fieldsOf(body.items)).toEqual([null, 'etablissement.referent'])
    const asked = await establishment.get(`/api/audit?finess=${FLEYRIAT}&field=suivi.meteo`)
    expect(asked.body).toMatchObject({ total: 0, items: [] })
  })

  it('refuses an establishment outside the reader’s scope (403) and an unknown one (404)', async () => {
    const outside = await otherRegion.get(`/api/audit?finess=${FLEYRIAT}`)
    expect(outside.status).toBe(403)
    expect(outside.body.error).toBe(`L’établissement ${FLEYRIAT} est hors de votre périmètre.`)
    expect((await establishment.get(`/api/audit?finess=${SIA}`)).status).toBe(403)
    expect((await admin.get('/api/audit?finess=220999999')).status).toBe(404)
  })

  it.each([
    ['field=suivi.commentaire.insi', ['suivi.commentaire.insi']],
    ['action=pmsi.override', [null]],
    ['action=user.create', []],
    ['from=2000-01-01', [null, 'etablissement.referent', 'suivi.commentaire.insi', 'suivi.meteo']],
    ['from=2999-01-01', []],
    ['until=2000-01-01', []],
    [`actor=${0}`, []],
  ])('filters: %s', async (filter, fields) => {
    const { status, body } = await admin.get(`/api/audit?finess=${FLEYRIAT}&${filter}`)
    expect(status).toBe(200)
    expect(fieldsOf(body.items)).toEqual(fields)
    expect(body.total).toBe(fields.length)
  })

  it('pages', async () => {
    const pages = await Promise.all(
      [1, 2, 3].map((page) => national.get(`/api/audit?finess=${SIA}&pageSize=5&page=${page}`)),
    )
    expect(pages.map((p) => p.body.items.length)).toEqual([5, 5, 2])
    expect(pages.every((p) => p.body.total === 12 && p.body.pageSize === 5)).toBe(true)
    const periods = pages.flatMap((p) => p.body.items.map((i: Item) => i.period))
    expect(periods).toEqual(Array.from({ length: 12 }, (_, i) => `2023-${String(12 - i).padStart(2, '0')}`))
  })

  it.each([
    ['finess=123', 'finess'],
    ['actor=quelqu-un', 'actor'],
    ['from=01/03/2024', 'from'],
    ['pageSize=10000', 'pageSize'],
  ])('refuses %s with a 400 naming the filter', async (query, field) => {
    const { status, body } = await admin.get(`/api/audit?${query}`)
    expect(status).toBe(400)
    expect(body.details.map((d: { field: string }) => d.field)).toContain(field)
  })
})

describe('GET /api/audit?actor=', () => {
  it('gives anyone their own journal', async () => {
    const { status, body } = await regional.get(`/api/audit?actor=${regional.user.id}&action=field.set`)
    expect(status).toBe(200)
    expect(fieldsOf(body.items)).toEqual(['suivi.commentaire.insi', 'suivi.meteo'])
    const logins = await regional.get(`/api/audit?actor=${regional.user.id}&action=session.login`)
    expect(logins.body.items.map((i: Item) => i.actorLabel)).toEqual(['ars-ara@test.jalon.fr'])
  })

  it('gives another account’s journal to the administrator only', async () => {
    const refused = await national.get(`/api/audit?actor=${regional.user.id}`)
    expect(refused.status).toBe(403)
    expect(refused.body.error).toBe('Vous ne pouvez consulter que votre propre journal.')
    const { status, body } = await admin.get(`/api/audit?actor=${establishment.user.id}&action=field.set`)
    expect(status).toBe(200)
    expect(fieldsOf(body.items)).toEqual(['etablissement.referent'])
  })
})

describe('GET /api/audit without an establishment or an account', () => {
  it.each([
    ['national', () => national],
    ['regional', () => regional],
    ['establishment', () => establishment],
  ])('refuses %s with a French message', async (_role, client) => {
    const { status, body } = await client().get('/api/audit')
    expect(status).toBe(403)
    expect(body.error).toMatch(/choisissez un établissement ou un utilisateur/)
    expect((await client().get('/api/audit.csv')).status).toBe(403)
  })

  it('gives the administrator the whole journal', async () => {
    const { status, body } = await admin.get('/api/audit?action=field.set&pageSize=500')
    expect(status).toBe(200)
    expect(body.total).toBe(15)
  })

  it('refuses anonymous readers', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401)
    expect((await app.inject({ method: 'GET', url: `/api/audit.csv?finess=${FLEYRIAT}` })).statusCode).toBe(
      401,
    )
  })
})

describe('GET /api/audit.csv', () => {
  async function download(client: ApiClient, query: string) {
    const r = await client.request({ method: 'GET', url: `/api/audit.csv?${query}` })
    expect(r.statusCode).toBe(200)
    const rows: string[][] = parse(r.body, { delimiter: ';', bom: true })
    return { r, header: rows[0] ?? [], rows: rows.slice(1) }
  }

  it('downloads every matching row, in French, ready for a French Excel', async () => {
    const { r, header, rows } = await download(regional, `finess=${FLEYRIAT}`)
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(r.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="journal-${FLEYRIAT}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    )
    expect(r.headers['x-total-count']).toBe('4')
    expect(r.body.startsWith('\ufeff')).toBe(true)
    expect(r.body).toContain('\r\n')
    expect(header).toEqual([
      'date',
      'auteur',
      'n° du compte',
      'action',
      'code action',
      'objet',
      'identifiant',
      'FINESS',
      'champ',
      'libellé du champ',
      'mois',
      'avant',
      'après',
    ])
    expect(rows).toHaveLength(4)
    const meteo = rows.find((row) => row[8] === 'suivi.meteo')
    expect(meteo?.slice(1)).toEqual([
      'ars-ara@test.jalon.fr',
      String(regional.user.id),
      'Saisie d’un champ',
      'field.set',
      'structure',
      FLEYRIAT,
      FLEYRIAT,
      'suivi.meteo',
      'Météo',
      '2024-03',
      'soleil',
      'orage',
    ])
    expect(rows.find((row) => row[8] === 'suivi.commentaire.insi')?.[12]).toBe(
      'Relancer le DSI; réunion "jeudi"',
    )
    expect(rows.find((row) => row[4] === 'pmsi.override')?.[12]).toBe(`{"pmsi":"${FLEYRIAT_EJ}"}`)
  })

  it('neutralises a value a spreadsheet would run as a formula', async () => {
    const { r, rows } = await download(establishment, `finess=${FLEYRIAT}`)
    expect(rows.find((row) => row[8] === 'etablissement.referent')?.[12]).toBe(`'${FORMULA}`)
    expect(r.body).not.toMatch(/(^|;)"?=HYPERLINK/m)
  })

  it('keeps the establishment account’s download without the region’s fields', async () => {
    const { rows } = await download(establishment, `finess=${FLEYRIAT}`)
    expect(rows.map((row) => row[8])).toEqual(['', 'etablissement.referent'])
  })

  it('names the file after the account or the whole journal', async () => {
    const own = await download(regional, `actor=${regional.user.id}&action=field.set`)
    expect(own.r.headers['content-disposition']).toMatch(
      /filename="journal-compte-\d+-\d{4}-\d{2}-\d{2}\.csv"/,
    )
    expect(own.rows).toHaveLength(2)
    const all = await download(admin, 'field=identite.es-pilote-mes')
    expect(all.r.headers['content-disposition']).toMatch(/filename="journal-complet-/)
    expect(all.rows).toHaveLength(12)
  })

  it('refuses an establishment outside the reader’s scope', async () => {
    const r = await otherRegion.request({ method: 'GET', url: `/api/audit.csv?finess=${FLEYRIAT}` })
    expect(r.statusCode).toBe(403)
  })
})

describe('the journal is append-only', () => {
  it.each([
    ['UPDATE', sql`update audit_event set actor_label = 'falsifié'`],
    ['DELETE', sql`delete from audit_event where action = 'field.set'`],
    ['TRUNCATE', sql`truncate audit_event`],
  ])('refuses a direct %s', async (_statement, statement) => {
    const before = await admin.get('/api/audit?pageSize=500')
    await expect(statement.execute(store.db)).rejects.toThrow(/journal d'audit ne se modifie pas/)
    const after = await admin.get('/api/audit?pageSize=500')
    expect(after.body.total).toBe(before.body.total)
    expect(after.body.items.map((i: Item) => i.actorLabel)).toEqual(
      before.body.items.map((i: Item) => i.actorLabel),
    )
  })
})
