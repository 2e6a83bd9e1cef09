import { gzipSync } from 'node:zlib'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import {
  bytes,
  FIXTURE_LINES,
  FIXTURE_TEXT,
  fixtureWithLine,
  withFields,
} from '../../../test/support/fixture'
import { parseEtalabExtract } from './etalab-parser'
import { refusalOf } from '../../../test/support/refusal'

const FLEYRIAT = FIXTURE_LINES[1] ?? ''
const parse = (text: string | Uint8Array, name = 'extrait.csv') =>
  parseEtalabExtract(name, typeof text === 'string' ? bytes(text) : text)

describe('etalab extract: whole-file refusals name the file and say why', () => {
  it.each([
    ['an empty file', '', /extrait\.csv : le fichier est vide/],
    [
      'a binary file',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      /binaire/,
    ],
    ['an Excel workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]), /classeur Excel.*CSV/],
    [
      'another CSV',
      'FINESS;Nom;Ville\n010000024;CH;VIRIAT\n',
      /ligne 1 : ce n'est pas un extrait FINESS etalab/,
    ],
    ['a truncated gzip', gzipSync(bytes(FIXTURE_TEXT)).subarray(0, 200), /gzip illisible ou tronquée/],
    ['a header without records', 'finess;etalab;111;2026-05-12\n', /aucune ligne structureet/],
    [
      'a file cut at a line boundary',
      `${FIXTURE_LINES.slice(0, 5).join('\n')}\n`,
      /aucune ligne geolocalisation.*tronqué/,
    ],
    [
      'a file cut inside a line',
      FIXTURE_TEXT.slice(0, FIXTURE_TEXT.indexOf('970400024;338') + 14),
      /ligne 8 : la dernière ligne est incomplète/,
    ],
  ])('refuses %s', (_label, input, message) => {
    expect(refusalOf(() => parse(input)).message).toMatch(message)
  })
})

describe('etalab extract: encodings and line ends', () => {
  it('reads UTF-8 with a BOM and CRLF line ends', () => {
    const text = `\ufeff${FIXTURE_TEXT.replace(/\n/g, '\r\n')}`
    const extract = parse(text)
    expect(extract.encoding).toBe('utf-8')
    expect(extract.sites).toHaveLength(5)
    const fleyriat = extract.sites.find((s) => s.record.finessEg === '010000024')?.record
    expect(fleyriat?.updatedOn).toBe('2020-02-04')
    expect(fleyriat?.mftLabel).toBe('ARS établissements Publics de santé dotation globale')
  })

  it('reads Windows-1252 (Latin-1) as published before 2024', () => {
    const extract = parse(iconv.encode(FIXTURE_TEXT, 'windows-1252'))
    expect(extract.encoding).toBe('windows-1252')
    const ehpad = extract.sites.find((s) => s.record.finessEg === '970302287')?.record
    expect(ehpad?.categoryLabel).toBe("Etablissement d'hébergement pour personnes âgées dépendantes")
  })

  it('reads a gzipped extract', () => {
    expect(parse(gzipSync(bytes(FIXTURE_TEXT))).gzipped).toBe(true)
  })

  it('reads quoted fields with doubled quotes', () => {
    const site = parse(FIXTURE_TEXT).sites.find((s) => s.record.finessEg === '980501506')?.record
    expect(site?.name).toBe('LIEU DE VIE "MAVOUNA MEMA 1"')
    expect(site?.nameLong).toBe('LIEU DE VIE ET D\'ACCUEIL "MAVOUNA MEMA 1"')
  })

  it('derives WGS84 positions from Lambert-93 and UTM', () => {
    const sites = new Map(parse(FIXTURE_TEXT).sites.map((s) => [s.record.finessEg, s.record]))
    expect(sites.get('010000024')?.latitude).toBeCloseTo(46.22274, 4)
    expect(sites.get('010000024')?.longitude).toBeCloseTo(5.2086, 4)
    expect(sites.get('970400024')?.longitude).toBeCloseTo(55.4446, 3)
    expect(sites.get('010000024')?.coordX).toBe(870215.7)
  })

  it('builds the INSEE commune code from the département column, overseas included', () => {
    const communes = new Map(parse(FIXTURE_TEXT).sites.map((s) => [s.record.finessEg, s.record.communeCode]))
    expect(Object.fromEntries(communes)).toEqual({
      '010000024': '01451',
      '970400024': '97411',
      '980501506': '97606',
      '970302287': '97302',
      // Wallis-et-Futuna: département 9J (INSEE 986), commune 613.
      '980600027': '98613',
    })
  })
})

describe('etalab extract: bad rows are reported with their line and skipped', () => {
  const issuesOf = (text: string) =>
    parse(text).issues.map((i) => ({ line: i.line, severity: i.severity, code: i.code }))

  it('rejects a row with too few fields', () => {
    const extract = parse(fixtureWithLine(3, FIXTURE_LINES[2]?.split(';').slice(0, 20).join(';') ?? ''))
    expect(extract.sites.map((s) => s.record.finessEg)).not.toContain('970400024')
    expect(extract.issues[0]).toMatchObject({ line: 3, severity: 'rejected', code: 'too-few-fields' })
    expect(extract.issues[0]?.message).toMatch(/19 champs au lieu de 30/)
    // Its coordinates now belong to no site: said, not fatal.
    expect(issuesOf(fixtureWithLine(3, 'structureet;970400024'))).toContainEqual({
      line: 8,
      severity: 'warning',
      code: 'geolocation-orphan',
    })
  })

  it('rejects an invalid FINESS number', () => {
    const extract = parse(fixtureWithLine(2, withFields(FLEYRIAT, { 1: '01O000024' })))
    expect(extract.issues[0]).toMatchObject({
      line: 2,
      severity: 'rejected',
      code: 'finess-invalid',
      field: 'nofinesset',
    })
    expect(extract.issues[0]?.message).toMatch(/Numéro FINESS ET : « 01O000024 » n'est pas un numéro FINESS/)
    expect(extract.sites).toHaveLength(4)
  })

  it('rejects a line whose quote is never closed, and only that line', () => {
    const extract = parse(fixtureWithLine(3, 'structureet;"970400024;CHU'))
    expect(extract.issues[0]).toMatchObject({ line: 3, severity: 'rejected', code: 'quote-unbalanced' })
    expect(extract.issues[0]?.message).toMatch(/guillemet ouvert jamais refermé/)
    expect(extract.sites).toHaveLength(4)
  })

  it('rejects an unknown record type', () => {
    expect(issuesOf(fixtureWithLine(2, 'structureej;010780054;CH'))).toContainEqual({
      line: 2,
      severity: 'rejected',
      code: 'unknown-record',
    })
  })

  it('keeps the first of two different rows for one FINESS and rejects the second', () => {
    const text = fixtureWithLine(6, withFields(FLEYRIAT, { 3: 'CH FLEYRIAT RENOMME' }))
    const extract = parse(text)
    expect(extract.issues).toContainEqual(
      expect.objectContaining({
        line: 6,
        severity: 'rejected',
        code: 'duplicate-conflict',
        finess: '010000024',
      }),
    )
    expect(extract.sites.find((s) => s.record.finessEg === '010000024')?.record.name).toBe('CH DE FLEYRIAT')
  })

  it('ignores an identical duplicate with a warning', () => {
    expect(issuesOf(fixtureWithLine(6, FLEYRIAT))).toContainEqual({
      line: 6,
      severity: 'warning',
      code: 'duplicate-identical',
    })
  })

  it('warns about a number whose check key fails, and keeps it', () => {
    const extract = parse(fixtureWithLine(2, withFields(FLEYRIAT, { 1: '010000025' })))
    expect(extract.issues).toContainEqual(
      expect.objectContaining({ line: 2, severity: 'warning', code: 'finess-key' }),
    )
    expect(extract.sites.map((s) => s.record.finessEg)).toContain('010000025')
  })

  it('warns when the file’s département column disagrees with the number', () => {
    const extract = parse(fixtureWithLine(2, withFields(FLEYRIAT, { 13: '02' })))
    expect(extract.issues).toContainEqual(expect.objectContaining({ line: 2, code: 'departement-mismatch' }))
  })
})

describe('etalab extract: a copy damaged by Excel is repaired where unambiguous', () => {
  const damaged = withFields(FLEYRIAT, {
    1: '10000024',
    2: '10780054',
    22: '2,6010004500012E+13',
    28: '13/02/1979',
    12: '451',
    13: '1',
  })

  it('restores the leading zero of an 8-digit FINESS whose key then passes, with a warning', () => {
    const extract = parse(fixtureWithLine(2, damaged))
    const site = extract.sites.find((s) => s.record.finessEg === '010000024')?.record
    expect(site?.finessEj).toBe('010780054')
    expect(extract.issues.filter((i) => i.code === 'finess-repaired').map((i) => i.field)).toEqual([
      'nofinesset',
      'nofinessej',
    ])
    expect(extract.sites.every((s) => s.record.finessEg.length === 9 && s.record.finessEj.length === 9)).toBe(
      true,
    )
  })

  it('reads back a SIRET in scientific notation only when all its digits are there', () => {
    const full = parse(fixtureWithLine(2, damaged))
    expect(full.sites.find((s) => s.record.finessEg === '010000024')?.record.siret).toBe('26010004500012')
    expect(full.issues).toContainEqual(expect.objectContaining({ line: 2, code: 'siret-repaired' }))
    const lossy = parse(fixtureWithLine(2, withFields(FLEYRIAT, { 22: '2,601E+13' })))
    expect(lossy.sites.find((s) => s.record.finessEg === '010000024')?.record.siret).toBeNull()
    expect(lossy.issues).toContainEqual(
      expect.objectContaining({ line: 2, code: 'siret-invalid', value: '2,601E+13' }),
    )
  })

  it('converts dd/mm/yyyy dates and says so', () => {
    const extract = parse(fixtureWithLine(2, damaged))
    expect(extract.sites.find((s) => s.record.finessEg === '010000024')?.record.openedOn).toBe('1979-02-13')
    expect(extract.issues).toContainEqual(
      expect.objectContaining({ line: 2, code: 'date-repaired', field: 'dateouv' }),
    )
  })

  it('rejects an 8-digit FINESS that the key does not confirm, and never stores it', () => {
    const extract = parse(fixtureWithLine(2, withFields(FLEYRIAT, { 1: '10000025' })))
    expect(extract.issues[0]).toMatchObject({ line: 2, severity: 'rejected', code: 'finess-invalid' })
    expect(extract.issues[0]?.message).toMatch(/n'a que 8 chiffres/)
    expect(extract.sites.some((s) => s.record.finessEg.length !== 9)).toBe(false)
  })
})
