// Who sees, shares and changes a saved priority list, as a table: the saved views' rules, a list's words.
import { describe, expect, it } from 'vitest'
import type { ViewPlace, ViewUser } from '../access/view-permissions'
import { canReadList, listChangeRefusal, listEditRefusal, listShareRefusal } from './list-permissions'

const user = (id: number, role: ViewUser['role'], regions: string[] = []): ViewUser => ({
  id,
  role,
  scopes: regions.map((code) => ({ kind: 'region', code })),
  regions,
})
const owner = user(1, 'regional', ['75'])
const colleague = user(2, 'regional', ['75'])
const elsewhere = user(3, 'regional', ['84'])
const national = user(4, 'national')
const establishment = user(5, 'establishment', ['75'])
const personal: ViewPlace = { ownerId: 1, region: null }
const shared: ViewPlace = { ownerId: 1, region: '75' }

describe('priority list permissions', () => {
  it.each([
    [owner, personal, true],
    [colleague, personal, false],
    [owner, shared, true],
    [colleague, shared, true],
    [establishment, shared, true],
    [elsewhere, shared, false],
    [national, shared, true],
    [national, personal, false],
  ])('reads: user %#', (u, place, expected) => expect(canReadList(u, place)).toBe(expected))

  it.each([
    [owner, '75', null],
    [national, '84', null],
    [elsewhere, '75', 'La région 75 est hors de votre périmètre : vous ne pouvez pas y partager de liste.'],
    [establishment, '75', /^Seuls les contributeurs régionaux et nationaux partagent une liste/],
  ])('shares: user %#', (u, region, expected) => {
    const refusal = listShareRefusal(u, region)
    if (expected === null || typeof expected === 'string') expect(refusal).toBe(expected)
    else expect(refusal).toMatch(expected)
  })

  it.each([
    [owner, personal, null],
    [colleague, shared, /^Seul l’auteur de cette liste/],
    [national, shared, null],
    [national, personal, /^Seul l’auteur/],
  ])('edits: user %#', (u, place, expected) => {
    const refusal = listEditRefusal(u, place)
    if (expected === null) expect(refusal).toBeNull()
    else expect(refusal).toMatch(expected)
  })

  it('refuses to move a list to a région the user may not share with, but lets its owner make it personal', () => {
    expect(listChangeRefusal(owner, personal, { ownerId: 1, region: '84' })).toMatch(
      /hors de votre périmètre/,
    )
    expect(listChangeRefusal(owner, shared, personal)).toBeNull()
    expect(listChangeRefusal(colleague, shared, personal)).toMatch(/^Seul l’auteur/)
  })
})
