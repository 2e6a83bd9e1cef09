// Follow-up actions over the API: an establishment's log written by those who steer it and read by whoever
// reads the establishment; the list and its CSV kept to the reader's scopes; hostile input refused with
// its field named and nothing written; a CRM's upsert by its own identifier; every write journaled.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/database'
import { signInActionAccounts } from '../support/action-accounts'
import type { ApiClient } from '../support/api-session'
import { auditSince, lastAuditId, rowCount } from '../support/audit-rows'
import { openSeededApi } from '../support/seeded-api'

// Seed sites: Bergerac (24) and two Charente sites (16) in Nouvelle-Aquitaine (75); two Ain sites (84).
const BERGERAC = '240000372'
const ANGOULEME = '160000253'
const AIN = '010000024'

let store: Store
let app: FastifyInstance
let regional: ApiClient
let colleague: ApiClient
let regionalAura: ApiClient
let observer: ApiClient
let establishment: ApiClient
let national: ApiClient

beforeAll(async () => {
  ;({ store, app } = await openSeededApi())
  const accounts = await signInActionAccounts(app, store)
  ;({ regional, colleague, regionalAura, observer, establishment, national } = accounts)
}, 120_000)
afterAll(async () => {
  await app?.close()
  await store?.close()
})

const MEETING = {
  kind: 'reunion',
  subject: 'Point INSi avec la DSI',
  notes: 'Appels en baisse depuis mars.\nRelancer l’éditeur.',
  nextStep: 'Envoyer le compte rendu',
  dueOn: '2025-06-30',
  theme: 'insi',
}
const create = (client: ApiClient, finess: string, body: object = MEETING) =>
  client.send('POST', `/api/structures/${finess}/actions`, body)

const actionCount = () => rowCount(store, 'follow_up_action')

describe('an establishment’s log', () => {
  it('is written, read, changed and deleted by a regional contributor, each step journaled', async () => {
    const since = await lastAuditId(store)
    const created = await create(regional, BERGERAC)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body).toMatchObject({
      finess: BERGERAC,
      region: '75',
      kind: 'reunion',
      kindLabel: 'Réunion',
      status: 'a_faire',
      statusLabel: 'À faire',
      themeLabel: 'INSi',
      dueOn: '2025-06-30',
      notes: MEETING.notes,
      ownerId: regional.user.id,
      ownerName: 'Rose Le Goff',
      createdByName: 'Rose Le Goff',
      externalSource: null,
      editable: true,
    })
    const id = created.body.id as number

    const log = await regional.get(`/api/structures/${BERGERAC}/actions`)
    expect(log.status).toBe(200)
    expect(log.body).toMatchObject({ canWrite: true, refusal: null })
    expect(log.body.items).toEqual([created.body])
    const owners = log.body.owners.map((o: { name: string }) => o.name)
    expect(owners).toEqual(expect.arrayContaining(['Rose Le Goff', 'Yann Guével', 'Agence nationale']))
    expect(log.body.owners.map((o: { id: number }) => o.id)).not.toContain(regionalAura.user.id)
    expect(log.body.owners.map((o: { id: number }) => o.id)).not.toContain(observer.user.id)

    const done = await regional.send('PUT', `/api/actions/${id}`, {
      status: 'fait',
      ownerId: colleague.user.id,
    })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body).toMatchObject({ status: 'fait', statusLabel: 'Fait', ownerName: 'Yann Guével' })
    expect(done.body.subject).toBe(MEETING.subject)
    const cleared = await regional.send('PUT', `/api/actions/${id}`, { dueOn: null, theme: null })
    expect(cleared.body).toMatchObject({ dueOn: null, theme: null, status: 'fait' })
    expect((await regional.get(`/api/actions/${id}`)).body).toEqual(cleared.body)

    expect((await regional.send('DELETE', `/api/actions/${id}`)).status).toBe(204)
    expect((await regional.get(`/api/actions/${id}`)).status).toBe(404)
    expect((await regional.send('DELETE', `/api/actions/${id}`)).status).toBe(404)

    const journal = await auditSince(store, since)
    expect(journal.map((r) => [r.action, r.entity_kind, r.entity_id, r.finess, r.actor_label])).toEqual([
      ['action.create', 'action', String(id), BERGERAC, regional.user.email],
      ['action.update', 'action', String(id), BERGERAC, regional.user.email],
      ['action.update', 'action', String(id), BERGERAC, regional.user.email],
      ['action.delete', 'action', String(id), BERGERAC, regional.user.email],
    ])
    expect(journal[0]?.after).toMatchObject({
      subject: MEETING.subject,
      status: 'a_faire',
      dueOn: '2025-06-30',
    })
    expect(journal[1]?.before).toMatchObject({ status: 'a_faire', ownerId: regional.user.id })
    expect(journal[1]?.after).toMatchObject({ status: 'fait', ownerId: colleague.user.id })
    expect(journal[3]?.before).toMatchObject({ subject: MEETING.subject, dueOn: null })
    // The establishment's journal, as the web app reads it, names the writes in French.
    const audit = await regional.get(`/api/audit?finess=${BERGERAC}&action=action.create`)
    expect(audit.body.items[0].actionLabel).toBe('Création d’une action de suivi')
  })

  it('is read by an observer and by the establishment itself, written by neither', async () => {
    const { body } = await create(regional, BERGERAC, { kind: 'contact', subject: 'Appel du directeur' })
    for (const reader of [observer, establishment]) {
      const log = await reader.get(`/api/structures/${BERGERAC}/actions`)
      expect(log.status).toBe(200)
      expect(log.body.canWrite).toBe(false)
      expect(log.body.refusal).toMatch(/consult/)
      expect(log.body.owners).toEqual([])
      expect(log.body.items.map((a: { id: number }) => a.id)).toContain(body.id)
      expect((await create(reader, BERGERAC)).status).toBe(403)
      expect((await reader.send('PUT', `/api/actions/${body.id}`, { status: 'fait' })).status).toBe(403)
      expect((await reader.send('DELETE', `/api/actions/${body.id}`)).status).toBe(403)
    }
    expect((await establishment.get(`/api/structures/${ANGOULEME}/actions`)).status).toBe(403)
    expect((await regional.get(`/api/actions/${body.id}`)).body.status).toBe('a_faire')
  })

  it('stays out of reach of a regional contributor of another région', async () => {
    const { body } = await create(regional, BERGERAC, { kind: 'visite', subject: 'Visite sur site' })
    expect((await regionalAura.get(`/api/structures/${BERGERAC}/actions`)).status).toBe(403)
    expect((await create(regionalAura, BERGERAC)).status).toBe(403)
    // An action outside the scope answers as one that does not exist.
    for (const answer of [
      await regionalAura.get(`/api/actions/${body.id}`),
      await regionalAura.send('PUT', `/api/actions/${body.id}`, { status: 'abandonne' }),
      await regionalAura.send('DELETE', `/api/actions/${body.id}`),
    ])
      expect(answer.status).toBe(404)
    expect((await create(regionalAura, AIN, { kind: 'relance', subject: 'Relance DUI' })).status).toBe(201)
    expect((await regional.get(`/api/structures/${AIN}/actions`)).status).toBe(403)
    // A national contributor writes everywhere, and may put a regional contributor of the place in charge.
    const national84 = await create(national, AIN, {
      kind: 'reunion',
      subject: 'Comité national',
      ownerId: regionalAura.user.id,
    })
    expect(national84.status).toBe(201)
    expect(national84.body.ownerId).toBe(regionalAura.user.id)
    expect((await regional.get(`/api/actions/${body.id}`)).body.status).toBe('a_faire')
  })
})

describe('hostile input', () => {
  it.each([
    ['an unknown kind', { kind: 'dejeuner' }, 'kind', /Type : valeur attendue parmi/],
    ['an empty subject', { subject: '  \u0007 ' }, 'subject', /Objet/],
    ['a subject too long', { subject: 'x'.repeat(201) }, 'subject', /Objet : 200 caractères au plus/],
    ['notes too long', { notes: 'é'.repeat(4001) }, 'notes', /Notes : 4000 caractères au plus/],
    ['a huge text', { nextStep: 'y'.repeat(200_000) }, 'nextStep', /Prochaine étape/],
    [
      'a date before 2020',
      { dueOn: '2019-12-31' },
      'dueOn',
      /Échéance : date antérieure au 1er janvier 2020/,
    ],
    ['a day that does not exist', { dueOn: '2025-02-30' }, 'dueOn', /Échéance : date attendue/],
    ['a French date', { dueOn: '30/06/2025' }, 'dueOn', /Échéance/],
    ['an unknown status', { status: 'en cours' }, 'status', /Statut : valeur attendue/],
    ['an unknown theme', { theme: 'cyber' }, 'theme', /Thème/],
    ['an unknown field', { dueDate: '2025-06-30' }, '', /Champ inconnu : dueDate/],
  ])('refuses %s (400, field named) and writes nothing', async (_name, change, field, message) => {
    const before = await actionCount()
    const since = await lastAuditId(store)
    const answer = await create(regional, BERGERAC, { ...MEETING, ...change })
    expect(answer.status).toBe(400)
    expect(answer.body.details[0].field).toBe(field)
    expect(answer.body.details[0].message).toMatch(message)
    expect(await actionCount()).toBe(before)
    expect(await auditSince(store, since)).toEqual([])
  })

  it('refuses an owner who could not act there, and an unknown establishment', async () => {
    const before = await actionCount()
    const outsider = await create(regional, BERGERAC, { ...MEETING, ownerId: regionalAura.user.id })
    expect(outsider.status).toBe(400)
    expect(outsider.body.error).toMatch(/^Responsable : le compte/)
    const reader = await create(regional, BERGERAC, { ...MEETING, ownerId: observer.user.id })
    expect(reader.status).toBe(400)
    expect((await create(regional, '240999999')).status).toBe(404)
    expect((await create(regional, 'pas-un-finess')).status).toBe(400)
    expect(await actionCount()).toBe(before)
  })

  it('keeps HTML as plain text, shown as such', async () => {
    const html = '<img src=x onerror="alert(1)"> <script>alert(2)</script>'
    const { status, body } = await create(regional, BERGERAC, { kind: 'autre', subject: html, notes: html })
    expect(status).toBe(201)
    expect(body.subject).toBe(html)
    const raw = await regional.request({ method: 'GET', url: `/api/actions/${body.id}` })
    expect(raw.headers['content-type']).toMatch(/^application\/json/)
  })
})
