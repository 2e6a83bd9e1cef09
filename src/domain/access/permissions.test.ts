import { describe, expect, it } from 'vitest'
import {
  canEditField,
  canImport,
  canManageUsers,
  canReadField,
  canReadStructure,
  canReadStructureAudit,
  canReadUserAudit,
  fieldEditRefusal,
  type AccessUser,
} from './permissions'
import type { Role } from './roles'
import type { Scope, StructurePlace } from './scope'

// A site of Bretagne (Ille-et-Vilaine), of the EJ 350000022 and of GHT 'ght-35'; the other in Occitanie.
const INSIDE: StructurePlace = {
  finess: '350000030',
  finessEj: '350000022',
  region: '53',
  departement: '35',
  ghts: ['ght-35'],
}
const OUTSIDE: StructurePlace = {
  finess: '310000011',
  finessEj: '310000029',
  region: '76',
  departement: '31',
  ghts: ['ght-31'],
}

const SCOPES: Readonly<Record<Role, readonly Scope[]>> = {
  admin: [],
  national: [],
  regional: [{ kind: 'region', code: '53' }],
  establishment: [{ kind: 'ej', code: '350000022' }],
  observer: [{ kind: 'departement', code: '35' }],
}
const user = (role: Role): AccessUser => ({ id: 7, role, scopes: SCOPES[role] })

const METEO = 'suivi.meteo' // regional, typed
const PILOT = 'identite.es-pilote-mes' // national, typed
const REFERENT = 'etablissement.referent' // establishment, typed
const INSI = 'insi.appels' // national, imported
const DERIVED = 'derive.ins-demarre' // computed

type Row = [Role, read: boolean, readOut: boolean, readMeteo: boolean, edit: string[], importing: boolean]
// role | reads inside | reads outside | reads météo | fields it may type inside | imports
const TABLE: Row[] = [
  ['admin', true, true, true, [PILOT], true],
  ['national', true, true, true, [PILOT], true],
  ['regional', true, false, true, [METEO], false],
  ['establishment', true, false, false, [REFERENT], false],
  ['observer', true, false, true, [], false],
]

describe('permissions, every role × action × inside / outside its scope', () => {
  it.each(TABLE)('%s', (role, read, readOut, readMeteo, edit, importing) => {
    const u = user(role)
    expect(canReadStructure(u, INSIDE)).toBe(read)
    expect(canReadStructure(u, OUTSIDE)).toBe(readOut)
    expect(canReadField(u, METEO, INSIDE)).toBe(readMeteo)
    expect(canReadField(u, METEO, OUTSIDE)).toBe(readMeteo && readOut)
    expect(canReadField(u, INSI, INSIDE)).toBe(true)
    for (const field of [METEO, PILOT, REFERENT, INSI, DERIVED]) {
      expect(canEditField(u, field, INSIDE), `${role} edits ${field} inside`).toBe(edit.includes(field))
      expect(canEditField(u, field, OUTSIDE), `${role} edits ${field} outside`).toBe(
        edit.includes(field) && readOut,
      )
      expect(fieldEditRefusal(u, field, INSIDE) === null).toBe(edit.includes(field))
    }
    expect(canImport(u)).toBe(importing)
    expect(canManageUsers(u)).toBe(role === 'admin')
    expect(canReadStructureAudit(u, INSIDE)).toBe(read)
    expect(canReadStructureAudit(u, OUTSIDE)).toBe(readOut)
    expect(canReadUserAudit(u, 7)).toBe(true)
    expect(canReadUserAudit(u, 8)).toBe(role === 'admin')
  })

  it('places a site by région, département, GHT, EJ or FINESS EG', () => {
    const regional = (scopes: Scope[]): AccessUser => ({ id: 1, role: 'regional', scopes })
    expect(canReadStructure(regional([{ kind: 'departement', code: '35' }]), INSIDE)).toBe(true)
    expect(canReadStructure(regional([{ kind: 'ght', code: 'ght-35' }]), INSIDE)).toBe(true)
    expect(canReadStructure(regional([{ kind: 'eg', code: '350000030' }]), INSIDE)).toBe(true)
    expect(canReadStructure(regional([{ kind: 'eg', code: '350000048' }]), INSIDE)).toBe(false)
    expect(canReadStructure(regional([]), INSIDE)).toBe(false)
    expect(canReadStructure(regional([{ kind: 'france', code: '' }]), OUTSIDE)).toBe(true)
    // Several scopes add up.
    const two = regional([
      { kind: 'region', code: '53' },
      { kind: 'region', code: '76' },
    ])
    expect(canReadStructure(two, OUTSIDE) && canReadStructure(two, INSIDE)).toBe(true)
  })

  it('says why a write is refused, in French', () => {
    expect(fieldEditRefusal(user('regional'), METEO, OUTSIDE)).toMatch(/hors de votre périmètre/)
    expect(fieldEditRefusal(user('regional'), INSI, INSIDE)).toMatch(/par import/)
    expect(fieldEditRefusal(user('national'), DERIVED, INSIDE)).toMatch(/calculé/)
    expect(fieldEditRefusal(user('national'), METEO, INSIDE)).toMatch(/Région/)
    expect(fieldEditRefusal(user('admin'), 'pas.un-champ', INSIDE)).toMatch(/inconnu/)
  })
})
