import { describe, expect, it } from 'vitest'
import type { Role } from './roles'
import type { Scope } from './scope'
import {
  canEditView,
  canReadView,
  canShareView,
  viewChangeRefusal,
  viewEditRefusal,
  viewShareRefusal,
  type ViewPlace,
  type ViewUser,
} from './view-permissions'

const OWNER = 1
const OTHER = 2
// Bretagne (53) and Occitanie (76).
const PERSONAL: ViewPlace = { ownerId: OWNER, region: null }
const SHARED_HERE: ViewPlace = { ownerId: OWNER, region: '53' }
const SHARED_THERE: ViewPlace = { ownerId: OWNER, region: '76' }

const user = (id: number, role: Role, scopes: Scope[] = [], regions: string[] = []): ViewUser => ({
  id,
  role,
  scopes,
  regions,
})

// Someone else than the owner, each role, with scopes in Bretagne (the régions resolved by the store).
const IN_BRETAGNE: Readonly<Record<Role, ViewUser>> = {
  admin: user(OTHER, 'admin'),
  national: user(OTHER, 'national'),
  regional: user(OTHER, 'regional', [{ kind: 'departement', code: '29' }], ['53']),
  establishment: user(OTHER, 'establishment', [{ kind: 'ej', code: '290000017' }], ['53']),
  observer: user(OTHER, 'observer', [{ kind: 'region', code: '53' }], ['53']),
}

type Row = [
  Role,
  readsPersonal: boolean,
  readsSharedHere: boolean,
  readsSharedThere: boolean,
  sharesHere: boolean,
  sharesThere: boolean,
  editsSharedHere: boolean,
]
// another user of that role | personal | shared with 53 | shared with 76 | shares with 53 | with 76 | edits
const TABLE: Row[] = [
  ['admin', false, true, true, true, true, true],
  ['national', false, true, true, true, true, true],
  ['regional', false, true, false, true, false, false],
  ['establishment', false, true, false, false, false, false],
  ['observer', false, true, false, false, false, false],
]

describe('saved views, every role × personal / shared within / outside its région', () => {
  it.each(TABLE)('%s', (role, personal, here, there, shareHere, shareThere, edits) => {
    const u = IN_BRETAGNE[role]
    expect(canReadView(u, PERSONAL)).toBe(personal)
    expect(canReadView(u, SHARED_HERE)).toBe(here)
    expect(canReadView(u, SHARED_THERE)).toBe(there)
    expect(canShareView(u, '53')).toBe(shareHere)
    expect(canShareView(u, '76')).toBe(shareThere)
    expect(canEditView(u, SHARED_HERE)).toBe(edits)
    // Nobody but the owner touches a personal view, not even the administrator.
    expect(canEditView(u, PERSONAL)).toBe(false)
  })

  it.each(Object.keys(IN_BRETAGNE) as Role[])('the owner (%s) reads and edits its own views', (role) => {
    const owner = { ...IN_BRETAGNE[role], id: OWNER }
    for (const view of [PERSONAL, SHARED_HERE, SHARED_THERE]) {
      expect(canReadView(owner, view)).toBe(true)
      expect(canEditView(owner, view)).toBe(true)
    }
  })

  it('reads a région’s views through a France scope whatever the role', () => {
    const everywhere = user(OTHER, 'observer', [{ kind: 'france', code: '' }])
    expect(canReadView(everywhere, SHARED_THERE)).toBe(true)
    expect(canShareView(everywhere, '76')).toBe(false)
    expect(canShareView(user(OTHER, 'regional', [{ kind: 'france', code: '' }]), '76')).toBe(true)
  })

  it('says why in French', () => {
    expect(viewShareRefusal(IN_BRETAGNE.observer, '53')).toMatch(/Seuls les contributeurs régionaux/)
    expect(viewShareRefusal(IN_BRETAGNE.regional, '76')).toBe(
      'La région 76 est hors de votre périmètre : vous ne pouvez pas y partager de vue.',
    )
    expect(viewEditRefusal(IN_BRETAGNE.regional, SHARED_HERE)).toMatch(/Seul l’auteur/)
    expect(viewShareRefusal(IN_BRETAGNE.regional, '53')).toBeNull()
  })

  it('keeps a shared view’s content to those who may still share it', () => {
    // An owner who became an observer may make the view personal or delete it, not republish it.
    const former = user(OWNER, 'observer', [{ kind: 'region', code: '53' }], ['53'])
    expect(viewChangeRefusal(former, SHARED_HERE, SHARED_HERE)).toMatch(/Seuls les contributeurs/)
    expect(viewChangeRefusal(former, SHARED_HERE, PERSONAL)).toBeNull()
    expect(canEditView(former, SHARED_HERE)).toBe(true)
    // A regional contributor moves its own view to its région, not to another one.
    const regional = { ...IN_BRETAGNE.regional, id: OWNER }
    expect(viewChangeRefusal(regional, PERSONAL, SHARED_HERE)).toBeNull()
    expect(viewChangeRefusal(regional, PERSONAL, SHARED_THERE)).toMatch(/hors de votre périmètre/)
    // A national contributor may unshare someone's view, which stays its owner's.
    expect(viewChangeRefusal(IN_BRETAGNE.national, SHARED_HERE, PERSONAL)).toBeNull()
    expect(viewChangeRefusal(IN_BRETAGNE.regional, SHARED_HERE, PERSONAL)).toMatch(/Seul l’auteur/)
  })
})
