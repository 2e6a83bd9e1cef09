import { describe, expect, it } from 'vitest'
import { actionWriteRefusal, canOwnAction, canReadActions, canWriteActions } from './action-permissions'
import type { AccessUser } from './permissions'
import type { Role } from './roles'
import type { Scope, StructurePlace } from './scope'

const BERGERAC: StructurePlace = {
  finess: '240000372',
  finessEj: '240000059',
  region: '75',
  departement: '24',
  ghts: ['ght-24'],
}

const user = (role: Role, scopes: Scope[] = []): AccessUser => ({ id: 1, role, scopes })
const region = (code: string): Scope => ({ kind: 'region', code })

// role, scopes → reads, writes
const CASES: [string, AccessUser, boolean, boolean][] = [
  ['admin without scope', user('admin'), true, true],
  ['national without scope', user('national'), true, true],
  ['regional of its région', user('regional', [region('75')]), true, true],
  ['regional of its département', user('regional', [{ kind: 'departement', code: '24' }]), true, true],
  ['regional of its GHT', user('regional', [{ kind: 'ght', code: 'ght-24' }]), true, true],
  ['regional of another région', user('regional', [region('84')]), false, false],
  ['regional without scope', user('regional'), false, false],
  ['regional with the France scope', user('regional', [{ kind: 'france', code: '' }]), true, true],
  ['observer of the région', user('observer', [region('75')]), true, false],
  ['observer elsewhere', user('observer', [region('84')]), false, false],
  ['establishment, its EJ', user('establishment', [{ kind: 'ej', code: '240000059' }]), true, false],
  ['establishment, its site', user('establishment', [{ kind: 'eg', code: '240000372' }]), true, false],
  ['establishment, another EJ', user('establishment', [{ kind: 'ej', code: '160000451' }]), false, false],
]

describe('follow-up actions at an establishment of the Dordogne (région 75)', () => {
  it.each(CASES)('%s: reads %s, writes %s', (_name, who, reads, writes) => {
    expect(canReadActions(who, BERGERAC)).toBe(reads)
    expect(canWriteActions(who, BERGERAC)).toBe(writes)
    expect(canOwnAction(who, BERGERAC)).toBe(writes)
    const refusal = actionWriteRefusal(who, BERGERAC)
    if (writes) expect(refusal).toBeNull()
    else expect(refusal).toMatch(reads ? /rôle|région/ : /hors de votre périmètre/)
  })
})
