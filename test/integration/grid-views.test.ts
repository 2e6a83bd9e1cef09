// Saved views of the tracking grid over the API: a personal view stays its owner's, a view shared with a
// région is seen there (whatever the kind of scope that lies in it) and nowhere else, only regional and
// national contributors share, only the owner (or a national role for a shared view) changes a view, the
// saved query is checked like the grid's, and every write is journaled in its transaction.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/database'
import { signIn, type ApiClient } from '../support/api-session'
import { auditSince, lastAuditId, rowCount } from '../support/audit-rows'
import { openSeededApi } from '../support/seeded-api'
import { SEED_SITES } from '../support/seed-sites'

let store: Store
let app: FastifyInstance
// Bretagne (53) through a région, a département (29) and a département (35) scope; Nouvelle-Aquitaine (75).
let regional: ApiClient
let regionalFinistere: ApiClient
let regionalAquitaine: ApiClient
let observer: ApiClient
let national: ApiClient
let admin: ApiClient
// An EJ of the Ain (01, Auvergne-Rhône-Alpes 84): its région is read from its sites.
let establishment: ApiClient

beforeAll(async () => {
  ;({ store, app } = await openSeededApi())
  regional = await signIn(app, store, {
    role: 'regional',
    scopes: [{ kind: 'region', code: '53' }],
    displayName: 'Rose Le Goff',
  })
  regionalFinistere = await signIn(app, store, {
    role: 'regional',
    scopes: [{ kind: 'departement', code: '29' }],
  })
  regionalAquitaine = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: '75' }] })
  observer = await signIn(app, store, { role: 'observer', scopes: [{ kind: 'departement', code: '35' }] })
  national = await signIn(app, store, { role: 'national' })
  admin = await signIn(app, store, { role: 'admin' })
  const ainEj = SEED_SITES.find(([, , dept]) => dept === '01')?.[1] ?? ''
  establishment = await signIn(app, store, { role: 'establishment', scopes: [{ kind: 'ej', code: ainEj }] })
}, 120_000)
afterAll(async () => {
  await app?.close()
  await store?.close()
})

const ALERTS_29 = 'departement=29&category=500&where=suivi.meteo:eq:alerte'
const CANONICAL_29 = 'departement=29&category=500&where=suivi.meteo%3Aeq%3Aalerte'

let serial = 0
const save = (client: ApiClient, body: Record<string, unknown>) =>
  client.send('POST', '/api/grid/views', { name: `Vue ${++serial}`, query: ALERTS_29, ...body })
const names = async (client: ApiClient) =>
  ((await client.get('/api/grid/views')).body.views as { name: string }[]).map((v) => v.name)

const viewCount = () => rowCount(store, 'grid_view')

describe('a personal view', () => {
  it('is created, listed, renamed, changed and deleted by its owner, each step journaled', async () => {
    const since = await lastAuditId(store)
    const created = await regional.send('POST', '/api/grid/views', {
      name: '  EHPAD en alerte du Finistère ',
      query: `?${ALERTS_29}`,
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body).toMatchObject({
      name: 'EHPAD en alerte du Finistère',
      query: CANONICAL_29,
      region: null,
      ownerName: 'Rose Le Goff',
      mine: true,
      editable: true,
    })
    const id = created.body.id as number
    const list = await regional.get('/api/grid/views')
    expect(list.status).toBe(200)
    expect(list.body.views.find((v: { id: number }) => v.id === id)).toEqual(created.body)
    expect(list.body.shareRegions).toEqual(['53'])

    const renamed = await regional.send('PUT', `/api/grid/views/${id}`, { name: 'EHPAD du 29 en alerte' })
    expect(renamed.status).toBe(200)
    expect(renamed.body).toMatchObject({ name: 'EHPAD du 29 en alerte', query: CANONICAL_29 })
    const requeried = await regional.send('PUT', `/api/grid/views/${id}`, { query: 'departement=29' })
    expect(requeried.body).toMatchObject({ name: 'EHPAD du 29 en alerte', query: 'departement=29' })

    const removed = await regional.send('DELETE', `/api/grid/views/${id}`)
    expect(removed.status).toBe(204)
    expect(await names(regional)).not.toContain('EHPAD du 29 en alerte')
    expect((await regional.send('DELETE', `/api/grid/views/${id}`)).status).toBe(404)

    const journal = await auditSince(store, since)
    expect(journal.map((r) => [r.action, r.entity_kind, r.entity_id, r.actor_id])).toEqual([
      ['grid_view.create', 'grid_view', String(id), regional.user.id],
      ['grid_view.update', 'grid_view', String(id), regional.user.id],
      ['grid_view.update', 'grid_view', String(id), regional.user.id],
      ['grid_view.delete', 'grid_view', String(id), regional.user.id],
    ])
    expect(journal[0]?.after).toEqual({
      name: 'EHPAD en alerte du Finistère',
      query: CANONICAL_29,
      region: null,
    })
    expect(journal[1]?.before).toMatchObject({ name: 'EHPAD en alerte du Finistère' })
    expect(journal[1]?.after).toMatchObject({ name: 'EHPAD du 29 en alerte' })
    expect(journal[3]?.before).toMatchObject({ query: 'departement=29' })
    expect(journal[3]?.after).toBeNull()
  })

  it('is seen by no one else, not even a national role, and changed by no one else', async () => {
    const { body } = await save(regional, { name: 'Ma vue à moi' })
    for (const other of [regionalFinistere, observer, national, admin]) {
      expect(await names(other)).not.toContain('Ma vue à moi')
      // One that is not visible answers as one that does not exist.
      const put = await other.send('PUT', `/api/grid/views/${body.id}`, { name: 'Volée' })
      expect(put.status).toBe(404)
      expect(put.body.error).toBe(`Aucune vue n°${body.id}.`)
      expect((await other.send('DELETE', `/api/grid/views/${body.id}`)).status).toBe(404)
    }
    expect(await names(regional)).toContain('Ma vue à moi')
  })

  it('may be saved by anyone signed in, an observer or an establishment account too', async () => {
    for (const client of [observer, establishment]) {
      const answer = await save(client, { name: 'Pour moi seul' })
      expect(answer.status).toBe(201)
      expect(await names(client)).toContain('Pour moi seul')
      expect((await client.get('/api/grid/views')).body.shareRegions).toEqual([])
    }
  })
})

describe('a view shared with a région', () => {
  let id = 0
  beforeAll(async () => {
    const answer = await save(regional, { name: 'Alertes Finistère (partagée)', region: '53' })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    id = answer.body.id
  })

  it('is seen by every user whose scopes lie in the région, and by the national roles', async () => {
    for (const client of [regionalFinistere, observer, national, admin]) {
      const view = (await client.get('/api/grid/views')).body.views.find((v: { id: number }) => v.id === id)
      expect(view).toMatchObject({
        region: '53',
        query: CANONICAL_29,
        ownerName: 'Rose Le Goff',
        mine: false,
      })
      expect(view.editable).toBe(client === national || client === admin)
    }
  })

  it('is not seen from another région', async () => {
    for (const client of [regionalAquitaine, establishment])
      expect(await names(client)).not.toContain('Alertes Finistère (partagée)')
    const put = await regionalAquitaine.send('PUT', `/api/grid/views/${id}`, { name: 'x' })
    expect(put.status).toBe(404)
  })

  it('is changed by its owner or a national role only', async () => {
    const since = await lastAuditId(store)
    for (const client of [regionalFinistere, observer]) {
      const put = await client.send('PUT', `/api/grid/views/${id}`, { name: 'Détournée' })
      expect(put.status).toBe(403)
      expect(put.body.error).toMatch(/^Seul l’auteur de cette vue/)
      expect((await client.send('DELETE', `/api/grid/views/${id}`)).status).toBe(403)
    }
    expect(await auditSince(store, since)).toEqual([])
    const byNational = await national.send('PUT', `/api/grid/views/${id}`, { name: 'Alertes du Finistère' })
    expect(byNational.status).toBe(200)
    // Still its author's view.
    expect(byNational.body).toMatchObject({ ownerName: 'Rose Le Goff', mine: false, editable: true })
    expect(await names(regionalFinistere)).toContain('Alertes du Finistère')
  })

  it('is seen through a site’s région for an establishment account', async () => {
    const shared = await save(national, { name: 'Ain', query: 'departement=01', region: '84' })
    expect(shared.status).toBe(201)
    expect(await names(establishment)).toContain('Ain')
    expect(await names(regional)).not.toContain('Ain')
  })
})

describe('sharing is refused', () => {
  it.each([
    ['an observer', () => observer, '53', /^Seuls les contributeurs régionaux et nationaux partagent/],
    ['an establishment account', () => establishment, '84', /^Seuls les contributeurs régionaux/],
    [
      'a regional contributor outside its région',
      () => regional,
      '75',
      /^La région 75 est hors de votre périmètre/,
    ],
  ])('to %s, and nothing is written', async (_who, client, region, message) => {
    const [since, count] = [await lastAuditId(store), await viewCount()]
    const answer = await save(client(), { region })
    expect(answer.status).toBe(403)
    expect(answer.body.error).toMatch(message)
    expect(await auditSince(store, since)).toEqual([])
    expect(await viewCount()).toBe(count)
  })

  it('when a view is moved to a région the owner may not share with', async () => {
    const { body } = await save(observer, {})
    const answer = await observer.send('PUT', `/api/grid/views/${body.id}`, { region: '53' })
    expect(answer.status).toBe(403)
    expect(
      (await observer.get('/api/grid/views')).body.views.find((v: { id: number }) => v.id === body.id).region,
    ).toBeNull()
  })

  it('for a région that does not exist', async () => {
    const answer = await save(national, { region: '99' })
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe('Région inconnue : « 99 ».')
  })
})

describe('bad input', () => {
  it('refuses a query the grid would refuse, naming the parameter in French', async () => {
    const cases: [string, RegExp][] = [
      ['departement=999', /Département \(departement\) : code INSEE de département attendu/],
      ['where=insi.appels:environ:3', /Seuil \(where\) : opérateur inconnu « environ »/],
      ['columns=pas.une.colonne', /Colonnes : colonne inconnue « pas.une.colonne »/],
      ['offset=100', /Paramètre inconnu « offset »/],
    ]
    const count = await viewCount()
    for (const [query, message] of cases) {
      const answer = await save(regional, { query })
      expect(answer.status, query).toBe(400)
      expect(answer.body.error).toBe('Requête invalide')
      expect(answer.body.details).toHaveLength(1)
      expect(answer.body.details[0].field).toBe('query')
      expect(answer.body.details[0].message).toMatch(message)
    }
    expect(await viewCount()).toBe(count)
  })

  it('answers 409 to a name the owner already uses, whatever its case', async () => {
    expect((await save(regional, { name: 'Suivi DMP' })).status).toBe(201)
    const again = await save(regional, { name: 'suivi dmp' })
    expect(again.status).toBe(409)
    expect(again.body.error).toBe('Vous avez déjà une vue nommée « suivi dmp » : choisissez un autre nom.')
    const other = await save(regional, { name: 'Suivi MSSanté' })
    const rename = await regional.send('PUT', `/api/grid/views/${other.body.id}`, { name: 'SUIVI DMP' })
    expect(rename.status).toBe(409)
    // Another user may use the same name.
    expect((await save(regionalFinistere, { name: 'Suivi DMP' })).status).toBe(201)
  })

  it('keeps a name with HTML as text, removes control characters and refuses a long one', async () => {
    const html = '<img src=x onerror=alert(1)> & "vue"'
    const created = await save(regional, { name: html })
    expect(created.status).toBe(201)
    expect(created.body.name).toBe(html)
    const control = await save(regional, { name: 'Vue\u0000 avec\u0007\ncontrôles\u001b' })
    expect(control.body.name).toBe('Vue avec contrôles')
    const long = await save(regional, { name: 'x'.repeat(81) })
    expect(long.status).toBe(400)
    expect(long.body.details).toEqual([{ field: 'name', message: 'Nom de la vue : 80 caractères au plus' }])
    const blank = await save(regional, { name: ' \u0001\t ' })
    expect(blank.body.details).toEqual([{ field: 'name', message: 'Nom de la vue : un nom est attendu' }])
    const huge = await save(regional, { name: 'x'.repeat(100_000) })
    expect(huge.status).toBe(400)
  })

  it('refuses an empty change and a bad id', async () => {
    const { body } = await save(regional, {})
    expect((await regional.send('PUT', `/api/grid/views/${body.id}`, {})).status).toBe(400)
    expect((await regional.send('PUT', '/api/grid/views/abc', { name: 'x' })).status).toBe(400)
    expect((await regional.send('DELETE', '/api/grid/views/99999999')).status).toBe(404)
  })

  it('refuses a write without the CSRF token', async () => {
    const answer = await app.inject({
      method: 'POST',
      url: '/api/grid/views',
      payload: { name: 'Sans jeton', query: '' },
      headers: { cookie: regional.cookie },
    })
    expect(answer.statusCode).toBe(403)
    expect(await names(regional)).not.toContain('Sans jeton')
  })
})
