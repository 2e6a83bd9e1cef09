import { describe, expect, it } from 'vitest'
import { hasValidFinessKey } from '../../domain/finess'
import { SourceFileError } from '../source-error'
import { esmsNumeriqueSource } from './sources/esms-numerique'
import { insiSource } from './sources/insi'
import { mssanteSource } from './sources/mssante'
import { segurAspSource } from './sources/segur-asp'
import { interpret, KNOWN, valuesOf } from './sources/testing'

const MSS_HEADER = ['FINESS juridique', 'Raison sociale', 'ES raccordé', 'Nb de messages envoyés']

describe('interpreting a monthly file', () => {
  it('uses real FINESS numbers with valid keys', () => {
    for (const finess of Object.keys(KNOWN)) expect(hasValidFinessKey(finess), finess).toBe(true)
  })

  it('finds the header row under a title, by alias, and ignores unknown columns', async () => {
    const result = await interpret(mssanteSource, [
      ['Rapport indicateurs MSSanté - général - juillet 2022'],
      [],
      ['N° FINESS EJ', 'Raison sociale', 'Statut de raccordement', 'Messages envoyés', 'Nombre de BAL'],
      ['240000059', 'CH DE BERGERAC', 'ES Emetteur', '1 830', '412'],
    ])
    expect(result.stats.headerLine).toBe(3)
    expect(result.stats.columns).toMatchObject({ finess: 'N° FINESS EJ', messages: 'Messages envoyés' })
    expect(result.issues).toEqual([])
    expect(valuesOf(result.observations, '240000059')).toEqual({
      'mss.raccordement': 'emetteur',
      'mss.messages-envoyes': '1830',
      'mss.bal': '412',
    })
    expect(result.observations.every((o) => o.level === 'EJ' && o.period === '2022-08' && o.line === 4)).toBe(
      true,
    )
  })

  it('follows a saved mapping for headers it does not know', async () => {
    const result = await interpret(
      mssanteSource,
      [
        ['Entité', 'Etat', 'Volume'],
        ['160000451', 'ES Emetteur', '10980'],
      ],
      { headers: { finess: 'Entité', raccordement: 'Etat', messages: 'Volume' } },
    )
    expect(valuesOf(result.observations, '160000451')['mss.messages-envoyes']).toBe('10980')
  })

  it('attaches a number to the level the referential knows, with a warning', async () => {
    // An EJ given in the EG-level INSi file.
    const result = await interpret(insiSource, [
      ['FINESS', 'Nombre total d’appels'],
      ['240000059', '120'],
    ])
    expect(result.observations[0]).toMatchObject({ finess: '240000059', level: 'EJ', number: '120' })
    expect(result.issues).toMatchObject([{ line: 2, severity: 'warning', code: 'level-differs' }])
    expect(result.issues[0]?.message).toContain('déclaré EG mais connu comme EJ')
  })

  it('rejects an unknown FINESS with its line and column, warns on a closed one', async () => {
    const result = await interpret(
      mssanteSource,
      [
        MSS_HEADER,
        ['240000059', 'CH DE BERGERAC', 'ES Emetteur', '1830'],
        ['330781196', 'CHU', 'ES Emetteur', '9'],
      ],
      { known: { '240000059': { levels: ['EJ'], closedOn: '2024-01-01' } } },
    )
    const unknown = result.issues.find((i) => i.code === 'finess-unknown')
    expect(unknown).toMatchObject({
      line: 3,
      severity: 'rejected',
      field: 'FINESS juridique',
      value: '330781196',
    })
    expect(unknown?.message).toContain('colonne « FINESS juridique »')
    expect(unknown?.message).toContain('330781196 inconnu')
    expect(result.issues.find((i) => i.code === 'finess-closed')).toMatchObject({
      line: 2,
      severity: 'warning',
    })
    expect(result.stats).toMatchObject({ rowsRead: 2, rowsRejected: 1, structures: 1 })
  })

  it('restores a leading zero when the key confirms it, refuses otherwise, warns on a bad key', async () => {
    const result = await interpret(insiSource, [
      ['FINESS', 'Nombre total d’appels'],
      ['10000024', '5'],
      ['10000025', '5'],
      ['24 000 037 2', '7'],
      ['240000373', '7'],
    ])
    expect(result.observations.map((o) => o.finess)).toEqual(['010000024', '240000372'])
    expect(result.issues.map((i) => [i.line, i.severity, i.code])).toEqual([
      [2, 'warning', 'finess-repaired'],
      [3, 'rejected', 'finess-invalid'],
      [5, 'warning', 'finess-key'],
      [5, 'rejected', 'finess-unknown'],
    ])
    expect(result.issues[0]?.message).toContain('10000024 → 010000024')
    expect(result.issues[1]?.message).toContain('colonne « FINESS »')
  })

  it('rejects the rows of another month, and a whole file of another month', async () => {
    const header = [...MSS_HEADER, 'Période']
    const mixed = await interpret(mssanteSource, [
      header,
      ['240000059', '', 'ES Emetteur', '1830', '2022-08'],
      ['160000451', '', 'ES Emetteur', '10980', 'juillet 2022'],
      ['160001632', '', 'ES Emetteur', '2189', '2022-08-01'],
    ])
    expect(mixed.observations.map((o) => o.finess)).toEqual([
      '240000059',
      '240000059',
      '160001632',
      '160001632',
    ])
    expect(mixed.issues).toMatchObject([
      { line: 3, severity: 'rejected', code: 'wrong-period', field: 'Période' },
    ])
    expect(mixed.issues[0]?.message).toContain('colonne « Période » : ligne du mois 2022-07')

    const wrong = interpret(mssanteSource, [header, ['240000059', '', 'ES Emetteur', '1830', '07/2022']])
    await expect(wrong).rejects.toThrow(SourceFileError)
    await expect(wrong).rejects.toThrow(/ligne 2 : le fichier porte sur un autre mois/)
  })

  it('keeps one of two equal duplicates and rejects a conflicting one', async () => {
    const result = await interpret(mssanteSource, [
      MSS_HEADER,
      ['240000059', '', 'ES Emetteur', '1830'],
      ['240000059', '', 'ES Emetteur', '1830'],
      ['240000059', '', 'ES Emetteur', '1900'],
    ])
    expect(valuesOf(result.observations, '240000059')['mss.messages-envoyes']).toBe('1830')
    expect(result.observations).toHaveLength(2)
    const duplicates = result.issues.map((i) => [i.line, i.severity, i.code])
    expect(duplicates).toEqual([
      [3, 'warning', 'duplicate'],
      [3, 'warning', 'duplicate'],
      [4, 'warning', 'duplicate'],
      [4, 'rejected', 'duplicate-conflict'],
    ])
    expect(result.issues[3]?.message).toContain(
      '« Messages MSSanté envoyés » (FINESS 240000059) déjà donné ligne 2',
    )
  })

  it('refuses a formula in a text column, naming the column, and keeps the rest of the row', async () => {
    const result = await interpret(esmsNumeriqueSource, [
      ['FINESS', 'Grappe', 'Éditeur DUI', 'DUI en place'],
      ['160000527', "=cmd|' /C calc'!A0", '@SUM(A1:A3)', 'Oui'],
    ])
    expect(result.issues.map((i) => [i.line, i.severity, i.field])).toEqual([
      [2, 'rejected', 'Grappe'],
      [2, 'rejected', 'Éditeur DUI'],
    ])
    expect(result.issues[0]?.message).toMatch(/^colonne « Grappe » : .*formule de tableur/)
    expect(valuesOf(result.observations, '160000527')).toEqual({ 'esms.dui': 'oui' })
  })

  it('refuses a file without a required column, naming it and the headers read', async () => {
    const missing = interpret(segurAspSource, [
      ['Export ASP août 2022'],
      ['FINESS', 'Éditeur', 'Statut'],
      ['240000372', 'Éditeur A', 'Signée'],
    ])
    await expect(missing).rejects.toThrow(SourceFileError)
    await expect(missing).rejects.toThrow(
      /ligne 2 : colonne\(s\) obligatoire\(s\) absente\(s\) : « Type de logiciel » \(en-têtes lus : « FINESS », « Éditeur », « Statut »\)/,
    )
  })

  it('refuses a file without a FINESS column', async () => {
    await expect(
      interpret(mssanteSource, [
        ['Nom', 'Messages'],
        ['CH', '3'],
      ]),
    ).rejects.toThrow(/aucune ligne d'en-têtes avec une colonne FINESS/)
  })
})
