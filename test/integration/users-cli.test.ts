// `jalon users …` parsed in-process on a throwaway program, on a fresh store, output captured.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { verifyPassword } from '../../src/app/access/passwords'
import { findUserByEmail } from '../../src/store/accounts'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { runUsersCommand } from '../support/users-cli'

let store: Store
beforeAll(async () => {
  store = await freshStore()
})
afterAll(async () => {
  await store?.close()
})
afterEach(() => {
  process.exitCode = undefined
  vi.restoreAllMocks()
})

const cli = (...argv: string[]) => runUsersCommand(store, argv)

async function journal(email: string) {
  const user = await findUserByEmail(store.db, email)
  return store.db
    .selectFrom('audit_event')
    .selectAll()
    .where('entity_id', '=', String(user?.id))
    .orderBy('id')
    .execute()
}

describe('jalon users', () => {
  it('adds an account and prints its generated password once', async () => {
    const r = await cli(
      'add',
      'Anne.Leroy@ars.sante.fr',
      '--name',
      'Anne Leroy',
      '--role',
      'regional',
      '--organisation',
      'ARS Bretagne',
      '--scope',
      'region:53',
      '--scope',
      'departement:35',
    )
    expect(r.err).toBe('')
    expect(r.exitCode).toBeUndefined()
    expect(r.out).toMatch(/^Compte n° \d+ créé : anne.leroy@ars.sante.fr \(Contributeur régional/)
    const password = /affiché une seule fois : (\S+)$/m.exec(r.out)?.[1] ?? ''
    expect(password).toHaveLength(20)
    const row = await findUserByEmail(store.db, 'anne.leroy@ars.sante.fr')
    expect(await verifyPassword(row?.password_hash ?? null, password)).toBe(true)
    const [created] = await journal('anne.leroy@ars.sante.fr')
    expect(created).toMatchObject({
      action: 'user.create',
      actor_id: null,
      actor_label: expect.stringMatching(/^cli:/),
      after: { scopes: ['Région 53', 'Département 35'] },
    })
    expect(JSON.stringify(created)).not.toContain(password)
  })

  it('adds an OpenID Connect-only account with --no-password', async () => {
    const r = await cli(
      'add',
      'oidc@ch-redon.fr',
      '--name',
      'DSI Redon',
      '--role',
      'establishment',
      '--scope',
      'ej:350000048',
      '--no-password',
    )
    expect(r.out).toContain('Sans mot de passe : connexion par OpenID Connect seulement.')
    expect(r.out).not.toMatch(/Mot de passe/)
    expect((await findUserByEmail(store.db, 'oidc@ch-redon.fr'))?.password_hash).toBeNull()
  })

  it('lists accounts, in French or as JSON', async () => {
    const text = await cli('list')
    expect(text.out).toMatch(
      /anne\.leroy@ars\.sante\.fr — Anne Leroy — Contributeur régional .* — ARS Bretagne — Département 35, Région 53 — connexion : local/,
    )
    expect(text.out).toMatch(
      /oidc@ch-redon\.fr .* — Entité juridique \(FINESS EJ\) 350000048 — connexion : aucune/,
    )
    const json = await cli('list', '--json')
    const accounts = JSON.parse(json.out) as { email: string; signIn: string[] }[]
    expect(accounts.map((a) => a.email)).toEqual(['anne.leroy@ars.sante.fr', 'oidc@ch-redon.fr'])
  })

  it('grants and revokes a scope, journaled', async () => {
    const granted = await cli('grant', 'anne.leroy@ars.sante.fr', 'ght:ght-bretagne-sud')
    expect(granted.out).toBe('Périmètre GHT ght-bretagne-sud accordé à anne.leroy@ars.sante.fr.')
    const revoked = await cli('revoke', 'ANNE.LEROY@ars.sante.fr', 'region:53')
    expect(revoked.out).toBe('Périmètre Région 53 retiré à ANNE.LEROY@ars.sante.fr.')
    const actions = (await journal('anne.leroy@ars.sante.fr')).map((e) => e.action)
    expect(actions).toEqual(['user.create', 'scope.grant', 'scope.revoke'])
    const listed = JSON.parse((await cli('list', '--json')).out) as { email: string; scopes: unknown[] }[]
    expect(listed[0]?.scopes).toEqual([
      { kind: 'departement', code: '35' },
      { kind: 'ght', code: 'ght-bretagne-sud' },
    ])
  })

  it('disables and enables an account, and gives it a new password', async () => {
    expect((await cli('disable', 'anne.leroy@ars.sante.fr')).out).toBe(
      'Compte anne.leroy@ars.sante.fr désactivé.',
    )
    expect((await findUserByEmail(store.db, 'anne.leroy@ars.sante.fr'))?.disabled_at).not.toBeNull()
    expect((await cli('list')).out).toMatch(/anne\.leroy.*DÉSACTIVÉ/)
    expect((await cli('enable', 'anne.leroy@ars.sante.fr')).out).toBe(
      'Compte anne.leroy@ars.sante.fr réactivé.',
    )
    expect((await findUserByEmail(store.db, 'anne.leroy@ars.sante.fr'))?.disabled_at).toBeNull()

    const r = await cli('password', 'anne.leroy@ars.sante.fr')
    const password = /affiché une seule fois : (\S+)$/.exec(r.out)?.[1] ?? ''
    const row = await findUserByEmail(store.db, 'anne.leroy@ars.sante.fr')
    expect(await verifyPassword(row?.password_hash ?? null, password)).toBe(true)
    const updates = (await journal('anne.leroy@ars.sante.fr')).filter((e) => e.action === 'user.update')
    expect(
      updates.map((e) => [
        (e.before as { disabled: boolean }).disabled,
        (e.after as { disabled: boolean }).disabled,
      ]),
    ).toEqual([
      [false, true],
      [true, false],
      [false, false],
    ])
    expect(updates[2]?.after).toMatchObject({ password: 'modifié' })
  })

  it.each([
    [
      ['add', 'x@y.fr', '--name', 'X', '--role', 'chef'],
      'rôle « chef » inconnu ; attendu : admin, national, regional, establishment, observer',
    ],
    [
      ['add', 'pas-une-adresse', '--name', 'X', '--role', 'observer'],
      'email : adresse électronique attendue',
    ],
    [
      ['add', 'x@y.fr', '--name', 'X', '--role', 'observer', '--scope', 'pays:FR'],
      'périmètre « pays:FR » : type « pays » inconnu',
    ],
    [
      ['add', 'x@y.fr', '--name', 'X', '--role', 'observer', '--scope', 'region:Bretagne'],
      'Code région invalide : « Bretagne » (2 chiffres).',
    ],
    [
      ['add', 'anne.leroy@ars.sante.fr', '--name', 'X', '--role', 'observer'],
      'Un compte existe déjà pour anne.leroy@ars.sante.fr.',
    ],
    [['grant', 'inconnu@ars.sante.fr', 'region:53'], 'Aucun compte pour inconnu@ars.sante.fr.'],
    [['grant', 'anne.leroy@ars.sante.fr', 'eg:123'], 'Numéro FINESS invalide : « 123 »'],
    [
      ['revoke', 'anne.leroy@ars.sante.fr', 'region:76'],
      'anne.leroy@ars.sante.fr n’a pas le périmètre Région 76.',
    ],
    [['disable', 'inconnu@ars.sante.fr'], 'Aucun compte pour inconnu@ars.sante.fr.'],
  ])('%j → exit 2, %s', async (argv, message) => {
    const r = await cli(...argv)
    expect(r.err).toContain(`Erreur : ${message}`)
    expect(r.exitCode).toBe(2)
    expect(await findUserByEmail(store.db, 'x@y.fr')).toBeUndefined()
  })
})
