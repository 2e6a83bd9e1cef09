import { describe, expect, it } from 'vitest'
import { sortIssues } from '../../source-error'
import { dmpSource } from './dmp'
import { esmsNumeriqueSource } from './esms-numerique'
import { insiSource } from './insi'
import { mssanteSource } from './mssante'
import { interpret, valuesOf } from './testing'

const codes = (issues: { line: number; severity: string; code: string }[]) =>
  sortIssues([...issues] as Parameters<typeof sortIssues>[0]).map((i) => [i.line, i.severity, i.code])

describe('INSi (GIE SESAM-Vitale)', () => {
  it('sums the operations, computes the rate and warns when the file’s rate disagrees', async () => {
    const result = await interpret(insiSource, [
      [
        'FINESS',
        'Appels recherche carte Vitale',
        'Appels recherche traits',
        'Taux d’identités qualifiées',
        'Identités qualifiées',
        'Usagers pris en charge',
      ],
      ['240000372', '1 010', '301', '', '1830', '3050'],
      ['160000253', '500', '0', '47', '1830', '3050'],
    ])
    expect(valuesOf(result.observations, '240000372')).toMatchObject({
      'insi.appels': '1311',
      'insi.taux-qualifiees': '60',
    })
    expect(codes(result.issues)).toEqual([[3, 'warning', 'rate-differs']])
    expect(result.issues[0]?.message).toContain('colonne « Taux d’identités qualifiées » : taux 47 %')
  })
})

describe('MSSanté (ANS report, per EJ)', () => {
  it('reads the seed 002 values at EJ level and warns on an EG number', async () => {
    const result = await interpret(mssanteSource, [
      ['FINESS juridique', 'ES Raccordé', 'Nb de messages envoyés', 'Nb de BAL'],
      ['240000059', 'ES Emetteur', '1830', '412'],
      ['160001632', 'Oui', '2 189', ''],
      ['160000253', 'Récepteur', '0', '3'],
      ['160000451', 'Non raccordé', '50', ''],
    ])
    expect(valuesOf(result.observations, '160001632')).toEqual({
      'mss.raccordement': 'raccorde',
      'mss.messages-envoyes': '2189',
    })
    expect(result.observations.find((o) => o.finess === '160000253')?.level).toBe('EG')
    expect(codes(result.issues)).toEqual([
      [4, 'warning', 'level-differs'],
      [5, 'warning', 'inconsistent'],
    ])
  })
})

describe('DMP (CNAM / ANS)', () => {
  const header = [
    'FINESS',
    'Niveau FINESS',
    'LDL',
    'Ordonnances',
    'CRO',
    'CR biologie',
    'DLU',
    'Total documents',
    'DMP alimentés',
    'Certificat DMP',
    'Installation certificat DMP',
    'Convention signée',
  ]

  it('sums the document types, keeps the file’s total with a warning, reads EJ certificate rows', async () => {
    const result = await interpret(dmpSource, [
      ['Alimentation du DMP - août 2022'],
      header,
      ['240000372', 'EG', '1 250', '980', '310', '4 120', '', '', '3 820', '', '', ''],
      ['160000253', 'EG', '2 010', '1 730', '', '', '', '4 000', '', '', '', ''],
      ['160006987', 'FINESS géographique', '', '', '', '', '16', '', '14', '', '', 'Oui'],
      ['240000059', 'EJ', '', '', '', '', '', '', '', 'Commande effectuée', 'Oui', ''],
      ['160000451', 'EJ', '', '', '', '', '', '', '', 'Pas de commande', 'Oui', ''],
    ])
    expect(valuesOf(result.observations, '240000372')).toEqual({
      'dmp.documents.ldl': '1250',
      'dmp.documents.ordonnance': '980',
      'dmp.documents.cro': '310',
      'dmp.documents.biologie': '4120',
      'dmp.documents': '6660',
      'dmp.dmp-alimentes': '3820',
    })
    expect(valuesOf(result.observations, '160000253')['dmp.documents']).toBe('4000')
    expect(valuesOf(result.observations, '160006987')).toMatchObject({
      'dmp.documents.dlu': '16',
      'dmp.convention': 'oui',
    })
    const certificate = result.observations.filter((o) => o.indicator.startsWith('dmp.certificat'))
    expect(certificate.map((o) => [o.finess, o.level, o.text])).toEqual([
      ['240000059', 'EJ', 'commande'],
      ['240000059', 'EJ', 'oui'],
      ['160000451', 'EJ', 'non-commande'],
      ['160000451', 'EJ', 'oui'],
    ])
    expect(codes(result.issues)).toEqual([
      [4, 'warning', 'total-differs'],
      [7, 'warning', 'inconsistent'],
    ])
    expect(result.issues[0]?.message).toContain(
      'total 4000 différent de la somme des types de documents (3740)',
    )
  })

  it('warns when the declared level is not the one the referential knows', async () => {
    const result = await interpret(dmpSource, [
      header,
      ['160000253', 'EJ', '5', '', '', '', '', '', '', '', '', ''],
    ])
    expect(result.observations[0]?.level).toBe('EG')
    expect(result.issues[0]?.message).toContain('déclaré EJ mais connu comme EG')
  })
})

describe('ESMS numérique (CNSA)', () => {
  it('reads the contracting level per row and keeps it', async () => {
    const result = await interpret(esmsNumeriqueSource, [
      [
        'FINESS',
        'Niveau de contractualisation',
        'Financé ESMS numérique',
        'Grappe',
        'DUI en place',
        'Éditeur DUI',
        'Montant financé',
      ],
      ['160000527', 'EG', 'Oui', 'Grappe Charente Limousine', 'Oui', 'Éditeur F', '18 500,00'],
      ['750721235', 'Entité juridique', 'Oui', 'Grappe Charente Limousine', 'Oui', 'Éditeur G', '42 000'],
      ['160002085', '', 'Non', '', 'Non', '', '1 000'],
      ['160006987', 'Département', 'Oui', '', '', '', ''],
    ])
    expect(valuesOf(result.observations, '750721235')).toEqual({
      'esms.niveau-contractualisation': 'EJ',
      'esms.finance': 'oui',
      'esms.grappe': 'Grappe Charente Limousine',
      'esms.dui': 'oui',
      'esms.editeur': 'Éditeur G',
      'esms.montant': '42000',
    })
    expect(result.observations.find((o) => o.finess === '750721235')?.level).toBe('EJ')
    expect(valuesOf(result.observations, '160000527')['esms.niveau-contractualisation']).toBe('EG')
    expect(valuesOf(result.observations, '160002085')['esms.niveau-contractualisation']).toBeUndefined()
    expect(codes(result.issues)).toEqual([
      [4, 'warning', 'inconsistent'],
      [5, 'warning', 'invalid-level'],
    ])
    expect(result.issues[1]?.message).toContain('colonne « Niveau de contractualisation » : « Département »')
  })
})
