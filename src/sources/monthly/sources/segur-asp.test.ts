import { describe, expect, it } from 'vitest'
import { sortIssues } from '../../source-error'
import { readSegurKind } from './segur-kinds'
import { segurAspSource } from './segur-asp'
import { interpret, valuesOf } from './testing'

const HEADER = [
  'N° FINESS',
  'Raison sociale',
  'Couloir',
  'Statut du dossier',
  'Editeur',
  'Nom de la solution',
  'Date de signature de la VA',
  'Montant avance',
  'Montant solde',
  'Montant versé',
]

describe('Ségur orders (ASP)', () => {
  it.each([
    ['DPI', 'dpi'],
    ['DPI - Dossier patient informatisé', 'dpi'],
    ['Plateforme d’intermédiation (PFI)', 'pfi'],
    ['RI', 'ri'],
    ['Référentiel d’identités', 'ri'],
    ['LOINC', 'loinc'],
    ['Transcodage du catalogue de biologie LOINC', 'loinc'],
    ['SGL', 'sgl'],
    ['Gestion de laboratoire', 'sgl'],
    ['RADIO', 'radio'],
    ['Radiologie', 'radio'],
    ['RIS', 'radio'],
  ])('reads the software kind %s', (raw, kind) => {
    expect(readSegurKind(raw)).toEqual({ ok: true, value: kind })
  })

  it('refuses a text naming two kinds or none', () => {
    expect(readSegurKind('DPI + RI')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('plusieurs'),
    })
    expect(readSegurKind('Téléphonie')).toMatchObject({ ok: false })
  })

  it('reads seed 002 rows and fills the kinds without a row as « Pas de commande signée »', async () => {
    const result = await interpret(segurAspSource, [
      ['Extraction ASP - SONS - août 2022'],
      HEADER,
      [
        '240000372',
        'CH DE BERGERAC',
        'DPI',
        'Commande signée',
        'Éditeur A',
        'Solution A',
        '15/03/2023',
        '8 400,00',
        '19 600,00',
        '',
      ],
      ['240000372', 'CH DE BERGERAC', 'PFI', 'Devis signé', 'Éditeur B', '', 'Non', '', '', ''],
      ['240000372', 'CH DE BERGERAC', 'LOINC', 'Signée', '', '', '', '', '', ''],
      ['240000372', 'CH DE BERGERAC', 'SGL', 'Non concerné', '', '', '', '', '', ''],
      ['240000372', 'CH DE BERGERAC', 'Radiologie', 'Avance versée', '', '', '', '3786', '', ''],
      [
        '160000253',
        "CH D'ANGOULEME",
        'DPI - Dossier patient informatisé',
        '',
        'Éditeur E',
        '',
        'Oui',
        '',
        '',
        '9 800',
      ],
    ])
    expect(result.issues).toEqual([])
    expect(valuesOf(result.observations, '240000372')).toEqual({
      'segur.commande.dpi': 'signee',
      'segur.editeur.dpi': 'Éditeur A',
      'segur.solution.dpi': 'Solution A',
      'segur.va.dpi': 'oui',
      'segur.va-date.dpi': '2023-03-15',
      'segur.avance.dpi': '8400',
      'segur.solde.dpi': '19600',
      'segur.paiement.dpi': '28000',
      'segur.commande.pfi': 'signee',
      'segur.editeur.pfi': 'Éditeur B',
      'segur.va.pfi': 'non',
      'segur.commande.loinc': 'signee',
      'segur.commande.sgl': 'non-concerne',
      'segur.commande.radio': 'signee',
      'segur.avance.radio': '3786',
      'segur.paiement.radio': '3786',
      // No RI line in the ASP file (seed 002).
      'segur.commande.ri': 'non-signee',
    })
    // A blank status: the row itself is the order.
    expect(valuesOf(result.observations, '160000253')).toMatchObject({
      'segur.commande.dpi': 'signee',
      'segur.paiement.dpi': '9800',
      'segur.commande.pfi': 'non-signee',
      'segur.commande.ri': 'non-signee',
      'segur.commande.radio': 'non-signee',
    })
    const filled = result.observations.find(
      (o) => o.indicator === 'segur.commande.ri' && o.finess === '240000372',
    )
    expect(filled).toMatchObject({ level: 'EG', line: 3 })
  })

  it('warns on payments that do not add up, a balance without VA, a payment without order', async () => {
    const result = await interpret(segurAspSource, [
      HEADER,
      ['240000372', '', 'DPI', 'Signée', '', '', 'Non', '8400', '19600', '30000'],
      ['240000372', '', 'PFI', 'Pas de commande', '', '', '', '1000', '', ''],
    ])
    expect(result.issues.map((i) => [i.line, i.severity, i.code, i.field])).toEqual([
      [2, 'warning', 'total-differs', 'Montant versé'],
      [2, 'warning', 'balance-without-va', 'Montant solde'],
      [3, 'warning', 'payment-without-order', 'Statut du dossier'],
    ])
    expect(valuesOf(result.observations, '240000372')['segur.paiement.dpi']).toBe('30000')
  })

  it('rejects an unreadable row and then deduces nothing for its establishment', async () => {
    const result = await interpret(segurAspSource, [
      HEADER,
      ['240000372', '', 'DPI', 'Signée', '', '', '', '', '', ''],
      ['240000372', '', 'Téléphonie', 'Signée', '', '', '', '', '', ''],
      ['160000253', '', 'PFI', 'Peut-être', '', '', '', '', '', ''],
      ['160013207', '', 'RI', 'Signée', '', '', '', '', '', ''],
    ])
    // Deductions are reported at the end of the file; a report sorts them by line.
    expect(sortIssues(result.issues).map((i) => [i.line, i.severity, i.code, i.field])).toEqual([
      [2, 'warning', 'not-completed', null],
      [3, 'rejected', 'invalid-value', 'Couloir'],
      [4, 'rejected', 'invalid-value', 'Statut du dossier'],
      [4, 'warning', 'not-completed', null],
    ])
    expect(result.issues[1]?.message).toContain('colonne « Couloir » : « Téléphonie »')
    expect(result.issues[0]?.message).toContain('la ligne 3 a une valeur refusée')
    expect(Object.keys(valuesOf(result.observations, '240000372'))).toEqual(['segur.commande.dpi'])
    expect(valuesOf(result.observations, '160000253')).toEqual({})
    expect(Object.keys(valuesOf(result.observations, '160013207'))).toHaveLength(6)
    expect(result.stats.rowsRejected).toBe(2)
  })

  it('rejects a second row of one kind with another status', async () => {
    const result = await interpret(segurAspSource, [
      HEADER,
      ['240000372', '', 'DPI', 'Signée', '', '', '', '', '', ''],
      ['240000372', '', 'Dossier patient informatisé', 'Non concerné', '', '', '', '', '', ''],
    ])
    expect(result.issues).toMatchObject([{ line: 3, severity: 'rejected', code: 'duplicate-conflict' }])
    expect(valuesOf(result.observations, '240000372')['segur.commande.dpi']).toBe('signee')
  })
})
