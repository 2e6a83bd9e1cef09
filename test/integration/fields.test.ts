// Typed fields over the API: a value holds from its month until replaced, a region's imported tracker gives
// the older ones, each write is journaled with what it replaced in the same transaction, and hostile values
// are kept as text and refused where they do not fit.
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'
import { siteObservations } from '../../src/store/observation-queries'
import { freshStore } from '../db'
import { signIn, type ApiClient } from '../support/api-session'
import { importSeedTracker } from '../support/seed-sites'
import { TRACKER_FILE_NAME } from '../support/tracker-workbook'

// Bergerac (Dordogne, Nouvelle-Aquitaine 75), a site of seed 002's tracker.
const BERGERAC = '240000372'
let store: Store
let app: FastifyInstance
let region: ApiClient
beforeAll(async () => {
  store = await freshStore()
  await importSeedTracker(store)
  app = await buildServer({ store, webRoot: '/nonexistent' })
  region = await signIn(app, store, { role: 'regional', scopes: [{ kind: 'region', code: '75' }] })
}, 120_000)
afterAll(async () => {
  await app?.close()
  await store?.close()
})

const fieldsAt = async (period: string, finess = BERGERAC) => {
  const { status, body } = await region.get(`/api/structures/${finess}/fields?period=${period}`)
  expect(status).toBe(200)
  return new Map((body.fields as { code: string }[]).map((f) => [f.code, f as Record<string, unknown>]))
}
const put = (field: string, period: string, value: string | null, finess = BERGERAC) =>
  region.send('PUT', `/api/structures/${finess}/fields/${field}`, { period, value })
const auditOf = (field: string) =>
  store.db
    .selectFrom('audit_event')
    .selectAll()
    .where('finess', '=', BERGERAC)
    .where('field', '=', field)
    .orderBy('id')
    .execute()

describe('typed fields', () => {
  it('has journaled each tab of the tracker import', async () => {
    const lines = await store.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'tracker.import')
      .execute()
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(lines.every((l) => l.actor_label === 'test' && l.entity_kind === 'source_import')).toBe(true)
    expect(lines[0]?.after).toMatchObject({ source: 'suivi-segur', file: TRACKER_FILE_NAME })
  })

  it('shows the météo of the imported tracker at its follow-up month and after', async () => {
    const imported = (await siteObservations(store.db, BERGERAC, '2022-08')).find(
      (o) => o.indicator === 'suivi.meteo',
    )
    expect(imported?.text).toBeTruthy()
    const august = await fieldsAt('2022-08')
    expect(august.get('suivi.meteo')).toMatchObject({
      value: imported?.text,
      valuePeriod: '2022-08',
      editable: true,
    })
    expect(String(august.get('suivi.meteo')?.enteredBy)).toContain('Suivi Ségur ES')
    expect((await fieldsAt('2022-12')).get('suivi.meteo')).toMatchObject({
      value: imported?.text,
      valuePeriod: '2022-08',
    })
  })

  it('carries a typed value to the following months, not to the earlier ones, and journals what it replaced', async () => {
    const before = (await fieldsAt('2022-09')).get('suivi.meteo')?.value
    const answer = await put('suivi.meteo', '2022-09', 'En cours de déploiement - Alerte')
    expect(answer.status).toBe(200)
    // The label of seed 002 is accepted and stored as its code.
    expect(answer.body).toMatchObject({
      value: 'alerte',
      valuePeriod: '2022-09',
      enteredBy: region.user.email,
    })
    expect((await fieldsAt('2022-11')).get('suivi.meteo')).toMatchObject({
      value: 'alerte',
      valuePeriod: '2022-09',
    })
    expect((await fieldsAt('2022-08')).get('suivi.meteo')?.value).toBe(before)
    const [event] = await auditOf('suivi.meteo')
    expect(event).toMatchObject({
      actor_id: region.user.id,
      actor_label: region.user.email,
      action: 'field.set',
      before,
      after: 'alerte',
    })
    expect(String(event?.period)).toMatch(/^2022-09-01/)
  })

  it('replaces the value of the same month, and clears it with null', async () => {
    const imported = (await fieldsAt('2022-10')).get('suivi.commentaire.insi')?.value ?? null
    await put('suivi.commentaire.insi', '2022-10', 'Relance du DSI')
    await put('suivi.commentaire.insi', '2022-10', 'Relance faite, réponse attendue')
    expect((await fieldsAt('2022-10')).get('suivi.commentaire.insi')?.value).toBe(
      'Relance faite, réponse attendue',
    )
    expect((await put('suivi.commentaire.insi', '2022-10', null)).status).toBe(200)
    expect((await fieldsAt('2022-10')).get('suivi.commentaire.insi')?.value).toBeNull()
    const events = await auditOf('suivi.commentaire.insi')
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [imported, 'Relance du DSI'],
      ['Relance du DSI', 'Relance faite, réponse attendue'],
      ['Relance faite, réponse attendue', null],
    ])
  })

  it('refuses a value outside the vocabulary, too long, or for a month that is not one, writing nothing', async () => {
    const events = (await auditOf('suivi.meteo')).length
    const wrong = await put('suivi.meteo', '2022-10', 'Plutôt bien')
    expect(wrong.status).toBe(400)
    expect(wrong.body.error).toMatch(/Météo : valeur attendue parmi « Non démarré »/)
    expect((await put('suivi.sih', '2022-10', 'x'.repeat(4001))).status).toBe(400)
    const month = await put('suivi.meteo', '2022-13', 'alerte')
    expect(month.status).toBe(400)
    expect((await put('suivi.meteo', '2022-10', 'alerte', '24000037')).status).toBe(400)
    expect((await put('pas.un-champ', '2022-10', 'x')).status).toBe(404)
    expect((await auditOf('suivi.meteo')).length).toBe(events)
  })

  it('keeps script, markup and SQL as plain text, and strips control characters', async () => {
    const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)>'; drop table audit_event; --\u0007`
    const answer = await put('suivi.sih', '2022-10', hostile)
    expect(answer.status).toBe(200)
    expect(answer.body.value).toBe(hostile.replace('\u0007', ''))
    expect((await store.db.selectFrom('audit_event').select('id').execute()).length).toBeGreaterThan(0)
  })

  it('refuses an oversized body', async () => {
    const answer = await region.request({
      method: 'PUT',
      url: `/api/structures/${BERGERAC}/fields/suivi.sih`,
      payload: { period: '2022-10', value: 'x'.repeat(2 * 1024 * 1024) },
    })
    expect(answer.statusCode).toBe(413)
  })

  it('writes the value and its journal line together or not at all', async () => {
    // A journal that refuses the line (here a trigger planted by the test) must leave the value unwritten.
    await sql`create function refuse_audit() returns trigger language plpgsql as $$
      begin raise exception 'journal indisponible'; end; $$`.execute(store.db)
    await sql`create trigger refuse_audit before insert on audit_event for each row execute function refuse_audit()`.execute(
      store.db,
    )
    try {
      const answer = await put('suivi.sih', '2022-11', 'ne doit pas rester')
      expect(answer.status).toBe(500)
    } finally {
      await sql`drop trigger refuse_audit on audit_event`.execute(store.db)
    }
    expect((await fieldsAt('2022-11')).get('suivi.sih')?.value).not.toBe('ne doit pas rester')
  })
})
