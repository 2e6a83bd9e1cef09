import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { toWgs84 } from '../coordinates'
import { looksLikeJson, parseFinessPlus } from './parser'
import { at, editedExample, FINESSPLUS_EXAMPLE } from '../../../../test/support/finessplus-example'
import { refusalOf } from '../../../../test/support/refusal'

const EXAMPLE = FINESSPLUS_EXAMPLE
const bytes = (text: string) => Buffer.from(text, 'utf8')
const parse = (text: string | Uint8Array, name = 'flux.json') =>
  parseFinessPlus(name, typeof text === 'string' ? bytes(text) : text)
const example = parse(EXAMPLE)
const site = (finess: string) => example.sites.find((s) => s.record.finessEg === finess)
const entity = (finess: string) => example.legalEntities.find((e) => e.finessEj === finess)
/** The 1-based line of the first occurrence of a piece of text. */
const lineOf = (text: string, piece: string) => text.slice(0, text.indexOf(piece)).split('\n').length

describe('FiNESS+ daily flow: the published example', () => {
  it('is the published file, CRLF and padding included', () => {
    expect(EXAMPLE).toContain('\r\n')
    expect(EXAMPLE).toContain('"nomEgeCourt" : "SMUR POLYCLINIQUE AMBERIEU      "')
  })

  it('reads 23 legal entities, 27 sites and 19 groups', () => {
    expect(example).toMatchObject({
      schemaVersion: 'v1.0.0',
      generatedAt: '2026-03-09T15:49:37.615611300Z',
      extractDate: '2026-03-09',
      encoding: 'utf-8',
      gzipped: false,
      lineCount: 3451,
    })
    expect(example.legalEntities).toHaveLength(23)
    expect(example.sites).toHaveLength(27)
    expect(example.groups.map((g) => g.kind)).toEqual([...Array(5).fill('gcc'), ...Array(14).fill('gco')])
    expect(example.issues.filter((i) => i.severity === 'rejected')).toEqual([])
  })

  it('gives each site the line where its object starts', () => {
    expect(site('010780195')?.line).toBe(354)
    for (const s of example.sites) {
      const numberLine = lineOf(EXAMPLE, `"numFinessEge" : "${s.record.finessEg}"`)
      expect(EXAMPLE.split('\n')[(s.line ?? 0) - 1]).toMatch(/\{\s*$/)
      expect(numberLine - (s.line ?? 0)).toBeGreaterThan(0)
      expect(numberLine - (s.line ?? 0)).toBeLessThan(10)
    }
  })

  it('trims padded strings', () => {
    expect(site('010787190')?.record).toMatchObject({
      name: 'SMUR POLYCLINIQUE AMBERIEU',
      nameLong: 'SMUR POLYCLINIQUE AMBERIEU EN BUGEY',
      streetType: 'R',
      streetName: 'AIME VINGTRINIER',
      finessEj: '010000164',
    })
    expect(entity('010000164')).toMatchObject({
      name: "POLYCLINIQUE D'AMBERIEU",
      nameLong: "POLYCLINIQUE D'AMBERIEU EN BUGEY",
      apeCode: '851A',
    })
  })

  it('maps a site and its legal entity', () => {
    expect(site('010780195')).toMatchObject({
      closedOn: null,
      record: {
        finessEj: '010000156',
        name: 'CLINIQUE CONVERT',
        nameLong: 'CLINIQUE DOCTEUR CONVERT',
        streetNumber: '62',
        streetType: 'AV',
        streetName: 'DE JASSERON',
        lieuDitBp: 'BP 132',
        communeCode: '01053',
        postalCode: '01000',
        city: 'BOURG EN BRESSE',
        phone: '0428631234',
        categoryCode: '365',
        aggregateCode: null,
        mftCode: '07',
        siret: '77220148900022',
        openedOn: '1956-11-16',
        authorizedOn: '1956-11-16',
        updatedOn: '2021-10-18',
      },
    })
    expect(entity('010000156')).toEqual({
      finessEj: '010000156',
      sourceId: '2',
      name: 'CLINIQUE CONVERT',
      nameLong: 'CLINIQUE CONVERT',
      siren: '772201489',
      legalStatus: '73',
      apeCode: '8610Z',
      createdOn: '2001-01-01',
      closedOn: null,
      communeCode: '01053',
      postalCode: '01000',
      city: 'BOURG EN BRESSE',
    })
  })

  it('puts the swapped Lambert-93 pair back in order and keeps the given WGS84 position', () => {
    const convert = site('010780195')?.record
    expect(convert).toMatchObject({
      coordX: 873766.07,
      coordY: 6570414.61,
      latitude: 46.211257,
      longitude: 5.254203,
      coordSource: 'FINESS+ BAN 01053_1950_00062',
    })
    // The pair, once in order, is the given position in Lambert-93: the swap is real, not a guess.
    for (const { record } of example.sites.filter((s) => s.record.coordX !== null)) {
      const { latitude, longitude } = toWgs84(record.coordX ?? 0, record.coordY ?? 0, 'LAMBERT_93')
      expect(latitude).toBeCloseTo(record.latitude ?? 0, 5)
      expect(longitude).toBeCloseTo(record.longitude ?? 0, 5)
    }
    const swapped = example.issues.filter((i) => i.code === 'coordinates-swapped')
    expect(swapped).toEqual([expect.objectContaining({ severity: 'warning', value: '18', line: 354 })])
    expect(site('010787190')?.record.coordX).toBeNull()
  })

  it('closes what the flow says is closed, at its closing date', () => {
    expect(example.legalEntities.filter((e) => e.closedOn !== null)).toHaveLength(14)
    expect(example.sites.filter((s) => s.closedOn !== null)).toHaveLength(12)
    expect(site('010787190')?.closedOn).toBe('1993-01-01')
    // The entity closed on 2026-03-02, a week before the flow, its two sites still active.
    expect(entity('010000339')?.closedOn).toBe('2026-03-02')
    expect(site('010780906')?.closedOn).toBeNull()
    expect(site('010006401')?.closedOn).toBeNull()
    expect(example.issues.filter((i) => i.code === 'legal-entity-closed').map((i) => i.finess)).toEqual([
      '010780906',
      '010006401',
    ])
  })

  it('reads the gcc groups, whose members are not in this file', () => {
    expect(example.groups[0]).toEqual({
      id: 'gcc:1',
      kind: 'gcc',
      typeCode: '001',
      name: "21-52 Côte d'Or-Haute-Marne",
      externalId: '27103',
      state: 'A',
      members: [],
      membersComplete: false,
    })
    expect(example.groups[5]).toMatchObject({ id: 'gco:403', kind: 'gco', typeCode: '003', name: null })
    expect(example.issues.find((i) => i.code === 'group-members-unknown')).toMatchObject({
      line: 4,
      field: 'gcc[0].pmejDuGcc',
      message: expect.stringMatching(/^gcc\[0\]\.pmejDuGcc : 9 membre\(s\) absent\(s\) de ce fichier/),
    })
  })
})

describe('FiNESS+ daily flow: records', () => {
  it('resolves group members named by FiNESS+ ids to FINESS numbers', () => {
    const flow = parse(
      editedExample((f) => {
        at(f.gcc, 1).pmejDuGcc = [{ pmSmsseId: '2', typeRoleEntiteGroupe: 'S' }]
        at(f.gcc, 1).egeDuGcc = [{ egeId: '816', typeRoleEntiteGroupe: 'M' }]
      }),
    )
    expect(flow.groups[1]).toMatchObject({
      id: 'gcc:2',
      membersComplete: true,
      members: [
        { finess: '010000156', level: 'EJ', role: 'S' },
        { finess: '010780575', level: 'EG', role: 'M' },
      ],
    })
  })

  it('rejects a site with an invalid FINESS number, naming its line and JSON path', () => {
    const text = EXAMPLE.replace('"numFinessEge" : "010780211"', '"numFinessEge" : "0107802XX"')
    const flow = parse(text)
    expect(flow.sites).toHaveLength(26)
    expect(flow.issues.filter((i) => i.severity === 'rejected')).toEqual([
      {
        line: 605,
        severity: 'rejected',
        code: 'finess-invalid',
        field: 'pmej[3].ege[0].informationsGeneralesEGE.numFinessEge',
        finess: null,
        value: '0107802XX',
        message: expect.stringMatching(
          /^pmej\[3\]\.ege\[0\]\.informationsGeneralesEGE\.numFinessEge : « 0107802XX » n'est pas un numéro FINESS/,
        ),
      },
    ])
  })

  it('rejects the sites of a legal entity whose number is invalid', () => {
    const flow = parse(EXAMPLE.replace('"numFinessPm" : "010000222"', '"numFinessPm" : "12"'))
    expect(flow.legalEntities).toHaveLength(22)
    expect(flow.sites).toHaveLength(24)
    expect(flow.issues.filter((i) => i.severity === 'rejected').map((i) => [i.code, i.field])).toEqual([
      ['finess-invalid', 'pmej[5].informationsGeneralesPMEJ.numFinessPm'],
      ['legal-entity-rejected', 'pmej[5].ege[0].informationsGeneralesEGE.numFinessEge'],
      ['legal-entity-rejected', 'pmej[5].ege[1].informationsGeneralesEGE.numFinessEge'],
      ['legal-entity-rejected', 'pmej[5].ege[2].informationsGeneralesEGE.numFinessEge'],
    ])
  })

  it('restores the leading zero of an 8-digit FINESS whose key is valid, and says so', () => {
    const flow = parse(EXAMPLE.replace('"numFinessEge" : "010780195"', '"numFinessEge" : "10780195"'))
    expect(flow.sites.map((s) => s.record.finessEg)).toContain('010780195')
    expect(flow.issues).toContainEqual(
      expect.objectContaining({
        code: 'finess-repaired',
        severity: 'warning',
        finess: '010780195',
        line: 354,
      }),
    )
  })

  it('keeps the first of two sites with the same number', () => {
    const flow = parse(
      editedExample((f) => {
        const sites = at(f.pmej, 1).ege
        sites.push({ ...at(sites, 0), modefixationtarifaire: '08' })
      }),
    )
    expect(flow.sites).toHaveLength(27)
    expect(flow.issues).toContainEqual(
      expect.objectContaining({ code: 'duplicate-conflict', severity: 'rejected', finess: '010780195' }),
    )
  })

  it.each([
    ['inactive without closing date: its last event', 'I', undefined, '2001-06-30', '2001-06-30'],
    ['closed (F) without date nor event: the date of the flow', 'F', undefined, null, '2026-03-09'],
    ['active with a closing date: open, warned', 'A', '2030-01-01', '2001-06-30', null],
  ])('closure rule, %s', (_label, state, closing, eventDate, expected) => {
    const flow = parse(
      editedExample((f) => {
        const ege = at(at(f.pmej, 1).ege, 0)
        ege.etatObjet = state
        ege.informationsGeneralesEGE.dateFermeture = closing
        ege.evenement = eventDate ? [{ dateEvenement: '1956-11-16' }, { dateEvenement: eventDate }] : []
      }),
    )
    const convert = flow.sites.find((s) => s.record.finessEg === '010780195')
    expect(convert?.closedOn).toBe(expected)
    expect(flow.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: state === 'A' ? 'closure-ignored' : 'closure-date-missing',
        field: 'pmej[1].ege[0].etatObjet',
      }),
    )
  })
})

describe('FiNESS+ daily flow: whole-file refusals name the file and say why', () => {
  it.each([
    ['an empty file', '', /^flux\.json : le fichier est vide/],
    ['blank text', '  \r\n ', /le fichier est vide/],
    ['a truncated file', EXAMPLE.slice(0, 50_000), /^flux\.json, ligne \d+ : .*le fichier est tronqué/],
    [
      'broken JSON',
      '{\r\n  "pmej": [ }\r\n',
      /^flux\.json, ligne 2 : ce n'est pas un fichier JSON valide : erreur de syntaxe colonne 13, devant « } »\.$/,
    ],
    [
      'a missing comma',
      EXAMPLE.replace('"nomGcc" : "77 Nord",', '"nomGcc" : "77 Nord"'),
      /^flux\.json, ligne 54 : ce n'est pas un fichier JSON valide : erreur de syntaxe colonne 5, devant « "typeGcc" : "001", »/,
    ],
    [
      'a JSON of another kind',
      '{ "resourceType": "Bundle", "entry": [] }',
      /^flux\.json : ce n'est pas un flux FiNESS\+ des structures : pmej : tableau attendu, absent \(et 2 autre\(s\) écart\(s\)\)\.$/,
    ],
    ['a JSON array', '[1, 2]', /la racine du fichier : objet attendu, trouvé un tableau/],
    [
      'a site number written as a number',
      EXAMPLE.replace('"numFinessEge" : "010780195"', '"numFinessEge" : 10780195'),
      /^flux\.json, ligne 354 : ce n'est pas un flux FiNESS\+ des structures : pmej\[1\]\.ege\[0\]\.informationsGeneralesEGE\.numFinessEge : texte attendu, trouvé un nombre\.$/,
    ],
    [
      'another version of the schema',
      EXAMPLE.replace('"schemaVersion" : "v1.0.0"', '"schemaVersion" : "v2.0.0"'),
      /ligne 2 : schemaVersion « v2\.0\.0 » : version du flux FiNESS\+ non prise en charge/,
    ],
    [
      'a generatedAt that is not a date',
      EXAMPLE.replace('"generatedAt" : "2026-03-09T', '"generatedAt" : "hier T'),
      /ligne 3 : generatedAt : date et heure ISO attendues/,
    ],
  ])('refuses %s', (_label, input, message) => {
    expect(refusalOf(() => parse(input)).message).toMatch(message)
  })

  it('reads a gzipped flow', () => {
    const flow = parse(gzipSync(bytes(EXAMPLE)))
    expect(flow).toMatchObject({ gzipped: true, extractDate: '2026-03-09' })
    expect(flow.sites).toHaveLength(27)
  })
})

describe('looksLikeJson', () => {
  it.each([
    ['the example', bytes(EXAMPLE), true],
    ['the example gzipped', gzipSync(bytes(EXAMPLE)), true],
    ['JSON after a BOM and blank lines', bytes('\ufeff\r\n  {"pmej": []}'), true],
    ['an etalab extract', bytes('finess;etalab;111;2026-05-12\n'), false],
    ['an empty file', new Uint8Array(), false],
    ['a broken gzip', new Uint8Array([0x1f, 0x8b, 1, 2]), false],
  ])('%s', (_label, input, expected) => {
    expect(looksLikeJson(input)).toBe(expected)
  })
})
