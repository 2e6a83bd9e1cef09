// Follow-up actions across establishments: the list kept to the reader's scopes with its filters and pages,
// the CSV for a French spreadsheet with formulas neutralised, and a CRM's upsert by its own identifier
// (twice the same body: one action, one journal line). The log of one establishment is in actions.test.ts.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/database'
import { signInActionAccounts } from '../support/action-accounts'
import type { ApiClient } from '../support/api-session'
import { openSeededApi } from '../support/seeded-api'

const BERGERAC = '240000372' // Dordogne (24), région 75
const ANGOULEME = '160000253' // Charente (16), région 75
const AIN = '010000024' // Ain (01), région 84

let store: Store
let app: FastifyInstance
let regional: ApiClient
let colleague: ApiClient
let regionalAura: ApiClient
let establishment: ApiClient
let national: ApiClient

type Item = { id: number; finess: string; subject: string }
const subjects = (body: { items: Item[] }) => body.items.map((a) => a.subject).sort()

beforeAll(async () => {
  ;({ store, app } = await openSeededApi())
  const accounts = await signInActionAccounts(app, store)
  ;({ regional, colleague, regionalAura, establishment, national } = accounts)
  const add = async (client: ApiClient, finess: string, body: object) => {
    const answer = await client.send('POST', `/api/structures/${finess}/actions`, body)
    if (answer.status !== 201) throw new Error(JSON.stringify(answer.body))
  }
  await add(regional, BERGERAC, {
    kind: 'reunion',
    subject: 'B1 réunion INSi',
    dueOn: '2025-03-01',
    theme: 'insi',
  })
  await add(regional, BERGERAC, { kind: 'contact', subject: 'B2 fait', dueOn: '2025-02-01', status: 'fait' })
  await add(regional, ANGOULEME, {
    kind: 'relance',
    subject: 'A1 relance DMP',
    dueOn: '2025-05-01',
    theme: 'dmp',
    ownerId: colleague.user.id,
  })
  await add(regional, ANGOULEME, {
    kind: 'autre',
    subject: '=HYPERLINK("http://pirate.example","Cliquez")',
    notes: '+33 1 23; @SUM(A1)',
  })
  await add(regionalAura, AIN, { kind: 'visite', subject: 'Z1 visite Ain', dueOn: '2025-01-15' })
}, 120_000)
afterAll(async () => {
  await app?.close()
  await store?.close()
})

describe('the list', () => {
  it('holds only the actions of the reader’s scopes', async () => {
    const mine = (await regional.get('/api/actions')).body
    expect(mine.total).toBe(4)
    expect(mine.items.every((a: Item) => a.finess !== AIN)).toBe(true)
    expect(subjects((await regionalAura.get('/api/actions')).body)).toEqual(['Z1 visite Ain'])
    expect(subjects((await establishment.get('/api/actions')).body)).toEqual(['B1 réunion INSi', 'B2 fait'])
    expect((await national.get('/api/actions')).body.total).toBe(5)
    // Asking for another région by filter gives nothing rather than a leak.
    expect((await regional.get('/api/actions?region=84')).body.total).toBe(0)
  })

  it('filters by place, status, owner, due date and theme, soonest due first', async () => {
    const list = async (query: string) => (await national.get(`/api/actions?${query}`)).body
    expect((await list('')).items.map((a: Item) => a.subject).slice(0, 4)).toEqual([
      'Z1 visite Ain',
      'B2 fait',
      'B1 réunion INSi',
      'A1 relance DMP',
    ])
    expect(subjects(await list('departement=16'))).toEqual([
      '=HYPERLINK("http://pirate.example","Cliquez")',
      'A1 relance DMP',
    ])
    expect(subjects(await list('region=75&status=fait'))).toEqual(['B2 fait'])
    expect(subjects(await list(`owner=${colleague.user.id}`))).toEqual(['A1 relance DMP'])
    expect(subjects(await list('dueBefore=2025-03-01&status=a_faire'))).toEqual(['Z1 visite Ain'])
    expect(subjects(await list('theme=insi'))).toEqual(['B1 réunion INSi'])
    expect(subjects(await list(`finess=${ANGOULEME}&theme=dmp`))).toEqual(['A1 relance DMP'])
    expect((await list('updatedSince=2020-01-01')).total).toBe(5)
    const second = await list('pageSize=2&page=2')
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2 })
    expect(second.items.map((a: Item) => a.subject)).toEqual(['B1 réunion INSi', 'A1 relance DMP'])
  })

  it('refuses a bad filter with its name', async () => {
    for (const query of [
      'status=urgent',
      'dueBefore=2025-02-30',
      'theme=cyber',
      'pageSize=501',
      'region=Bretagne',
    ]) {
      const answer = await national.get(`/api/actions?${query}`)
      expect(answer.status, query).toBe(400)
      expect(answer.body.details[0].field, query).toBe(query.split('=')[0])
    }
  })
})

describe('the CSV export', () => {
  it('opens in a French spreadsheet, neutralises formulas and keeps to the scope', async () => {
    const answer = await regional.request({ method: 'GET', url: '/api/actions/export.csv?region=75' })
    expect(answer.statusCode).toBe(200)
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(answer.headers['content-disposition']).toMatch(
      /attachment; filename="actions-suivi-region-75-\d{4}-\d{2}-\d{2}\.csv"/,
    )
    expect(answer.headers['x-total-count']).toBe('4')
    const text = answer.body
    expect(text.startsWith('\ufeffN°;FINESS;Établissement;Région;Département;Type;Objet;Notes;')).toBe(true)
    const lines = text.slice(1).trimEnd().split('\r\n')
    expect(lines).toHaveLength(5)
    const angry = lines.find((l) => l.includes('HYPERLINK')) ?? ''
    expect(angry).toContain(`"'=HYPERLINK(""http://pirate.example"",""Cliquez"")"`)
    expect(angry).toContain(`"'+33 1 23; @SUM(A1)"`)
    const relance = lines.find((l) => l.includes('A1 relance DMP')) ?? ''
    expect(relance).toContain(';Relance;A1 relance DMP;;;01/05/2025;À faire;DMP;Yann Guével;Rose Le Goff;')
    expect(text).not.toContain('Z1 visite Ain')
    const other = await regionalAura.request({ method: 'GET', url: '/api/actions/export.csv' })
    expect(other.body).toContain('Z1 visite Ain')
    expect(other.body).not.toContain('B1 réunion INSi')
  })
})

describe('a CRM’s upsert by its own identifier', () => {
  const url = '/api/actions/external/crm-ars-na/RDV-2025-0042'
  const body = {
    finess: BERGERAC,
    kind: 'reunion',
    subject: 'Comité de pilotage Ségur',
    dueOn: '2025-09-15',
    theme: 'segur',
  }
  const rows = () =>
    store.db.selectFrom('follow_up_action').selectAll().where('external_id', '=', 'RDV-2025-0042').execute()
  const journal = () =>
    store.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('entity_kind', '=', 'action')
      .where('entity_id', 'in', (eb) =>
        eb
          .selectFrom('follow_up_action')
          .select(eb.cast<string>('id', 'text').as('id'))
          .where('external_id', '=', 'RDV-2025-0042'),
      )
      .orderBy('id')
      .execute()

  it('creates once, changes nothing the second time, then replaces', async () => {
    const first = await regional.send('PUT', url, body)
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.body).toMatchObject({
      externalSource: 'crm-ars-na',
      externalId: 'RDV-2025-0042',
      ownerId: regional.user.id,
    })
    const again = await regional.send('PUT', url, body)
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    expect(await rows()).toHaveLength(1)
    expect((await journal()).map((r) => r.action)).toEqual(['action.create'])

    const done = await regional.send('PUT', url, { ...body, status: 'fait' })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({
      id: first.body.id,
      status: 'fait',
      dueOn: '2025-09-15',
      ownerId: regional.user.id,
    })
    // The body is the whole action: a field left out is cleared.
    const bare = await regional.send('PUT', url, {
      finess: BERGERAC,
      kind: 'reunion',
      subject: 'Comité de pilotage Ségur',
    })
    expect(bare.body).toMatchObject({ status: 'a_faire', dueOn: null, theme: null })
    expect(await rows()).toHaveLength(1)
    const lines = await journal()
    expect(lines.map((r) => r.action)).toEqual(['action.create', 'action.update', 'action.update'])
    expect(lines[0]?.after).toMatchObject({ externalSource: 'crm-ars-na', externalId: 'RDV-2025-0042' })
    const listed = (await regional.get('/api/actions?source=crm-ars-na')).body
    expect(listed.items.map((a: Item) => a.id)).toEqual([first.body.id])
  })

  it('refuses to move an action, a writer outside the scope, and a bad identifier', async () => {
    expect((await regional.send('PUT', url, { ...body, finess: ANGOULEME })).status).toBe(409)
    expect((await regionalAura.send('PUT', url, body)).status).toBe(403)
    expect((await establishment.send('PUT', url, body)).status).toBe(403)
    const unknown = await regional.send('PUT', url, { ...body, finess: '240999999' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toMatch(/^FINESS : aucun établissement/)
    const badSource = await regional.send('PUT', '/api/actions/external/crm%20ars/1', body)
    expect(badSource.status).toBe(400)
    expect(badSource.body.details[0].field).toBe('source')
    const missing = await regional.send('PUT', url, { kind: 'reunion', subject: 'Sans établissement' })
    expect(missing.status).toBe(400)
    expect(missing.body.details[0].field).toBe('finess')
    expect(await rows()).toHaveLength(1)
  })
})
