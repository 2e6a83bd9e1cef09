import { describe, expect, it } from 'vitest'
import type { AccessUser } from '../access/permissions'
import type { Role } from '../access/roles'
import type { Scope } from '../access/scope'
import { canReadRegionReport, showsNationalShare } from './permissions'

const user = (role: Role, scopes: Scope[] = []): AccessUser => ({ id: 1, role, scopes })

describe('canReadRegionReport', () => {
  it.each([
    ['admin', [], '84', true],
    ['national', [], '11', true],
    ['observer', [{ kind: 'france', code: '' }], '11', true],
    ['regional', [{ kind: 'region', code: '84' }], '84', true],
    ['regional', [{ kind: 'region', code: '84' }], '75', false],
    [
      'regional',
      [
        { kind: 'region', code: '84' },
        { kind: 'region', code: '75' },
      ],
      '75',
      true,
    ],
    ['regional', [{ kind: 'departement', code: '01' }], '84', false],
    ['observer', [{ kind: 'region', code: '84' }], '84', true],
    ['establishment', [{ kind: 'eg', code: '010000024' }], '84', false],
    ['regional', [], '84', false],
  ] as [Role, Scope[], string, boolean][])('%s %j for région %s: %s', (role, scopes, region, allowed) => {
    expect(canReadRegionReport(user(role, scopes), region)).toBe(allowed)
  })
})

describe('showsNationalShare', () => {
  const regional = user('regional', [{ kind: 'region', code: '84' }])
  it('shows a regional user national shares of national columns, not of régions’ typed fields', () => {
    expect(showsNationalShare(regional, { entry: 'import' })).toBe(true)
    expect(showsNationalShare(regional, { entry: 'computed' })).toBe(true)
    expect(showsNationalShare(regional, { entry: 'manual' })).toBe(false)
    expect(showsNationalShare(user('national'), { entry: 'manual' })).toBe(true)
  })
})
