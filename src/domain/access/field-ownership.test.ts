import { describe, expect, it } from 'vitest'
import { ALL_INDICATORS } from '../observations/catalogue'
import { fieldOwnership, isManualField } from './field-ownership'

describe('field ownership', () => {
  it('gives every field of the catalogue an owner', () => {
    const orphans = ALL_INDICATORS.map((i) => i.code).filter((code) => !fieldOwnership(code))
    expect(orphans).toEqual([])
  })

  it('follows seed 002: the region types météo and comments, the ANS fills the grey columns', () => {
    expect(fieldOwnership('suivi.meteo')).toMatchObject({ owner: 'regional', entry: 'manual' })
    expect(fieldOwnership('suivi.commentaire.insi')).toMatchObject({ owner: 'regional', entry: 'manual' })
    expect(fieldOwnership('identite.commentaire')).toMatchObject({ owner: 'regional' })
    expect(fieldOwnership('insi.appels')).toMatchObject({ owner: 'national', entry: 'import' })
    expect(fieldOwnership('segur.commande.dpi')).toMatchObject({ owner: 'national', entry: 'import' })
    expect(fieldOwnership('dmp.documents')?.responsible).toBe('Cnam / ANS')
    expect(fieldOwnership('etablissement.referent')).toMatchObject({ owner: 'establishment' })
  })

  it('lets no one type an imported or a computed value', () => {
    const manual = ALL_INDICATORS.filter((i) => isManualField(i.code)).map((i) => i.code)
    expect(
      manual.every((code) => /^(suivi|identite|etablissement)\./.test(code) || code === 'insi.organisation'),
    ).toBe(true)
    expect(isManualField('derive.ins-demarre')).toBe(false)
    expect(isManualField('unknown.code')).toBe(false)
  })
})
