import { describe, expect, it } from 'vitest'
import { readActivities, readIdentity, type OidcIdentity } from './oidc-claims'
import { accountEmail, decideAccount, type AccountFacts } from './oidc-mapping'
import { safeReturnTo } from './oidc-return-to'
import { readOidcSettings } from './oidc-settings'

const identity = (over: Partial<OidcIdentity> = {}): OidcIdentity => ({
  subject: 'sub-1',
  email: 'agent@ars.sante.fr',
  displayName: 'Camille Martin',
  nationalId: null,
  activities: [],
  ...over,
})

const facts = (over: Partial<AccountFacts> = {}): AccountFacts => ({
  provider: 'proconnect',
  providerLabel: 'ProConnect',
  identity: identity(),
  linked: undefined,
  sameEmail: undefined,
  known: [],
  ...over,
})

describe('decideAccount', () => {
  it('signs in to the account the identity is tied to, even when another has its address', () => {
    expect(
      decideAccount(facts({ linked: { id: 7, disabled: false }, sameEmail: { id: 9, disabled: false } })),
    ).toEqual({ kind: 'signIn', userId: 7 })
  })

  it('refuses a disabled account, tied or matched by address', () => {
    expect(decideAccount(facts({ linked: { id: 7, disabled: true } })).kind).toBe('refuse')
    expect(decideAccount(facts({ sameEmail: { id: 9, disabled: true } })).kind).toBe('refuse')
  })

  it('ties the identity to the account with the same address', () => {
    expect(decideAccount(facts({ sameEmail: { id: 9, disabled: false } }))).toEqual({
      kind: 'link',
      userId: 9,
    })
  })

  it('refuses a ProConnect agent without an account, naming the address', () => {
    expect(decideAccount(facts())).toEqual({
      kind: 'refuse',
      message: 'Aucun compte Jalon pour agent@ars.sante.fr : demandez à un administrateur de le créer.',
    })
    expect(decideAccount(facts({ identity: identity({ email: null }) })).kind).toBe('refuse')
  })

  const psc = (activities: OidcIdentity['activities'], known: AccountFacts['known']) =>
    decideAccount(
      facts({
        provider: 'psc',
        providerLabel: 'Pro Santé Connect',
        identity: identity({ activities }),
        known,
      }),
    )

  it('creates an establishment account scoped to the known site of a health professional', () => {
    expect(
      psc(
        [{ site: '220000012', legalEntity: '220000020', name: 'CH SAINT-BRIEUC' }],
        [
          { finess: '220000012', level: 'EG', name: 'CH YVES LE FOLL' },
          { finess: '220000020', level: 'EJ', name: 'CH DE SAINT-BRIEUC' },
        ],
      ),
    ).toEqual({
      kind: 'create',
      email: 'agent@ars.sante.fr',
      displayName: 'Camille Martin',
      organisation: 'CH YVES LE FOLL',
      scopes: [{ kind: 'eg', code: '220000012' }],
    })
  })

  it('falls back to the legal entity when the site is unknown, one scope per activity', () => {
    const decision = psc(
      [
        { site: '220999999', legalEntity: '220000020', name: null },
        { site: '350000048', legalEntity: null, name: null },
        { site: null, legalEntity: '220000020', name: null },
      ],
      [
        { finess: '220000020', level: 'EJ', name: 'CH DE SAINT-BRIEUC' },
        { finess: '350000048', level: 'EJ', name: 'CH DE REDON' },
      ],
    )
    expect(decision).toMatchObject({
      kind: 'create',
      scopes: [
        { kind: 'ej', code: '220000020' },
        { kind: 'ej', code: '350000048' },
      ],
    })
  })

  it('refuses a professional whose FINESS is absent or unknown, in French', () => {
    expect(psc([], [])).toMatchObject({
      kind: 'refuse',
      message: expect.stringContaining('aucun établissement'),
    })
    expect(psc([{ site: '220999999', legalEntity: null, name: null }], [])).toMatchObject({
      kind: 'refuse',
      message: expect.stringContaining('FINESS 220999999'),
    })
  })
})

describe('accountEmail', () => {
  it('gives a professional without address a non-deliverable one from the RPPS number', () => {
    expect(accountEmail(identity({ email: null, nationalId: '810002345678' }), 'psc')).toBe(
      '810002345678@pro-sante-connect.invalid',
    )
    expect(accountEmail(identity({ email: null, subject: 'f:550dc1c8:ANS2023' }), 'psc')).toBe(
      'f-550dc1c8-ans2023@pro-sante-connect.invalid',
    )
    expect(accountEmail(identity({ email: null }), 'proconnect')).toBeNull()
  })
})

describe('readIdentity', () => {
  it('reads the ProConnect claims', () => {
    expect(
      readIdentity('proconnect', {
        sub: 'abc',
        email: ' Camille.Martin@ARS.sante.fr ',
        given_name: 'Camille',
        usual_name: 'Martin',
        siret: '13000548100010',
      }),
    ).toEqual({
      subject: 'abc',
      email: 'camille.martin@ars.sante.fr',
      displayName: 'Camille Martin',
      nationalId: null,
      activities: [],
    })
  })

  it('reads the activities of a Pro Santé Connect userinfo', () => {
    const claims = {
      sub: 'f:550dc1c8:ANS20231122132732',
      SubjectNameID: 'ANS20231122132732',
      given_name: 'Fistinien',
      family_name: 'Grominoch',
      SubjectRefPro: {
        exercices: [
          {
            nomDexercice: 'Grominoch',
            activities: [
              {
                numeroFinessSite: '220000012',
                numeroFinessetablissementJuridique: '220000020',
                raisonSocialeSite: 'CH YVES LE FOLL',
              },
              { numeroFinessSite: '', numeroFinessetablissementJuridique: '', raisonSocialeSite: 'CABINET' },
              { ancienIdentifiantDeLaStructure: '1350000048', raisonSocialeSite: 'CH DE REDON' },
              { ancienIdentifiantDeLaStructure: '499700237045007' },
            ],
          },
        ],
      },
    }
    const read = readIdentity('psc', claims)
    expect(read.email).toBeNull()
    expect(read.nationalId).toBe('ANS20231122132732')
    expect(read.displayName).toBe('Fistinien Grominoch')
    expect(read.activities).toEqual([
      { site: '220000012', legalEntity: '220000020', name: 'CH YVES LE FOLL' },
      { site: '350000048', legalEntity: null, name: 'CH DE REDON' },
    ])
  })

  it('accepts flat FINESS claims and SubjectRefPro sent as JSON text', () => {
    expect(readActivities({ sub: 'x', numeroFinessSite: '220 000 012' })).toEqual([
      { site: '220000012', legalEntity: null, name: null },
    ])
    expect(
      readActivities({
        sub: 'x',
        SubjectRefPro: JSON.stringify({ exercices: [{ activities: [{ numeroFinessSite: '220000012' }] }] }),
      }),
    ).toEqual([{ site: '220000012', legalEntity: null, name: null }])
    expect(readActivities({ sub: 'x', SubjectRefPro: 'pas du JSON', exercices: 3 })).toEqual([])
  })
})

describe('safeReturnTo', () => {
  it.each([
    ['/structures/220000012?mois=2024-03', '/structures/220000012?mois=2024-03'],
    ['/', '/'],
    [undefined, '/'],
    ['', '/'],
    ['//evil.example', '/'],
    ['https://evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['structures', '/'],
    [`/${'a'.repeat(3000)}`, '/'],
  ])('%s → %s', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected)
  })
})

describe('readOidcSettings', () => {
  const proconnect = {
    JALON_PROCONNECT_ISSUER: 'https://auth.agentconnect.gouv.fr/api/v2',
    JALON_PROCONNECT_CLIENT_ID: 'jalon',
    JALON_PROCONNECT_CLIENT_SECRET: 'secret',
  }

  it('offers a provider when its three variables are set, with its redirect URI', () => {
    const settings = readOidcSettings(proconnect, 'https://jalon.example.gouv.fr/')
    expect(settings.providers).toHaveLength(1)
    expect(settings.providers[0]).toMatchObject({
      id: 'proconnect',
      label: 'ProConnect',
      redirectUri: 'https://jalon.example.gouv.fr/api/auth/oidc/proconnect/callback',
      scope: 'openid email given_name usual_name',
    })
    expect(readOidcSettings({}, undefined).providers).toEqual([])
  })

  it('explains in French what is missing', () => {
    expect(() => readOidcSettings(proconnect, undefined)).toThrow(/JALON_PUBLIC_URL est requis/)
    expect(() => readOidcSettings({ JALON_PSC_ISSUER: 'https://psc.example' }, 'https://j.example')).toThrow(
      /JALON_PSC_CLIENT_ID, JALON_PSC_CLIENT_SECRET/,
    )
    expect(() =>
      readOidcSettings({ ...proconnect, JALON_PROCONNECT_ISSUER: 'http://idp.example' }, 'https://j.example'),
    ).toThrow(/https/)
  })
})
