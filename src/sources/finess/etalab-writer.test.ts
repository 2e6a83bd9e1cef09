import { describe, it, expect } from 'vitest'
import { NO_POSITION, type SiteRecord } from '../../domain/structure'
import { GEOLOCATION_FIELDS, HEADER_PATTERN, STRUCTURE_FIELDS } from './etalab-layout'
import { encodeExtract, etalabDepartementLabel, formatEtalabExtract, quoteField } from './etalab-writer'

const HEADER = { extractNumber: 111, extractDate: '2026-05-12' }

function site(overrides: Partial<SiteRecord>): SiteRecord {
  return {
    finessEg: '010000024',
    finessEj: '010780054',
    name: 'CH DE FLEYRIAT',
    nameLong: null,
    nameComplement: null,
    distributionComplement: null,
    streetNumber: null,
    streetType: null,
    streetName: null,
    streetComplement: null,
    lieuDitBp: null,
    communeCode: null,
    postalCode: null,
    city: null,
    sourceDepartement: null,
    phone: null,
    fax: null,
    categoryCode: null,
    categoryLabel: null,
    aggregateCode: null,
    aggregateLabel: null,
    siret: null,
    apeCode: null,
    mftCode: null,
    mftLabel: null,
    sphCode: null,
    sphLabel: null,
    openedOn: null,
    authorizedOn: null,
    updatedOn: null,
    ...NO_POSITION,
    ...overrides,
  }
}

// The real records of the 2026-05-12 extract for these sites, field by field.
const FLEYRIAT = site({
  nameLong: 'CENTRE HOSPITALIER DE BOURG-EN-BRESSE FLEYRIAT',
  streetNumber: '900',
  streetType: 'RTE',
  streetName: 'DE PARIS',
  communeCode: '01451',
  postalCode: '01440',
  city: 'VIRIAT',
  phone: '0474454647',
  fax: '0474454114',
  categoryCode: '355',
  categoryLabel: 'Centre Hospitalier (C.H.)',
  aggregateCode: '1102',
  aggregateLabel: 'Centres Hospitaliers',
  siret: '26010004500012',
  apeCode: '8610Z',
  mftCode: '03',
  mftLabel: 'ARS établissements Publics de santé dotation globale',
  sphCode: '1',
  sphLabel: 'Etablissement public de santé',
  openedOn: '1979-02-13',
  authorizedOn: '1979-02-13',
  updatedOn: '2020-02-04',
  coordX: 870215.7,
  coordY: 6571590.5,
  coordSource: '1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93',
  coordUpdatedOn: '2021-01-05',
})
const FLEYRIAT_LINE =
  'structureet;010000024;010780054;CH DE FLEYRIAT;CENTRE HOSPITALIER DE BOURG-EN-BRESSE FLEYRIAT;;;900;RTE;DE PARIS;;;451;01;AIN;01440 VIRIAT;0474454647;0474454114;355;Centre Hospitalier (C.H.);1102;Centres Hospitaliers;26010004500012;8610Z;03;ARS établissements Publics de santé dotation globale;1;Etablissement public de santé;1979-02-13;1979-02-13;2020-02-04;'

const MAVOUNA = site({
  finessEg: '980501506',
  finessEj: '980501498',
  name: 'LIEU DE VIE "MAVOUNA MEMA 1"',
  nameLong: `LIEU DE VIE ET D'ACCUEIL "MAVOUNA MEMA 1"`,
  nameComplement: 'ASSOCIATION MESSO',
  streetNumber: '12',
  streetType: 'R',
  streetName: 'ANCIEN TERRAIN DE FOOT',
  communeCode: '97606',
  postalCode: '97620',
  city: 'CHIRONGUI',
  phone: '0269666815',
  categoryCode: '462',
  categoryLabel: 'Lieux de Vie et d\u0027Accueil',
  aggregateCode: '4605',
  aggregateLabel: 'Etablissements et services multi-clientèles',
  siret: '82967998400015',
  mftCode: '08',
  mftLabel: 'Président du Conseil Départemental',
  openedOn: '2019-04-01',
  authorizedOn: '2019-03-18',
  updatedOn: '2025-05-07',
})
const MAVOUNA_LINE = `structureet;980501506;980501498;"LIEU DE VIE ""MAVOUNA MEMA 1""";"LIEU DE VIE ET D'ACCUEIL ""MAVOUNA MEMA 1""";ASSOCIATION MESSO;;12;R;ANCIEN TERRAIN DE FOOT;;;606;9F;MAYOTTE;97620 CHIRONGUI;0269666815;;462;Lieux de Vie et d'Accueil;4605;Etablissements et services multi-clientèles;82967998400015;;08;Président du Conseil Départemental;;;2019-04-01;2019-03-18;2025-05-07;`

function lines(text: string): string[] {
  return text.split('\n')
}

describe('formatEtalabExtract', () => {
  it('writes the header, then the records, each ending with ";" and "\\n"', () => {
    const text = formatEtalabExtract([FLEYRIAT], HEADER)
    expect(lines(text)[0]).toBe('finess;etalab;111;2026-05-12')
    expect(HEADER_PATTERN.test(lines(text)[0] ?? '')).toBe(true)
    expect(text.endsWith(';\n')).toBe(true)
    expect(lines(text)).toHaveLength(4) // header, structureet, geolocalisation, final empty string
  })

  it('reproduces a published structureet record byte for byte', () => {
    expect(lines(formatEtalabExtract([FLEYRIAT], HEADER))[1]).toBe(FLEYRIAT_LINE)
  })

  it('puts each value at the position STRUCTURE_FIELDS gives it', () => {
    const fields = (lines(formatEtalabExtract([FLEYRIAT], HEADER))[1] ?? '').split(';')
    expect(fields).toHaveLength(STRUCTURE_FIELDS.length + 2) // the tag, then the trailing empty field
    const at = (name: (typeof STRUCTURE_FIELDS)[number]) => fields[STRUCTURE_FIELDS.indexOf(name) + 1]
    expect(fields[0]).toBe('structureet')
    expect(at('nofinesset')).toBe('010000024')
    expect(at('nofinessej')).toBe('010780054')
    expect(at('rslongue')).toBe('CENTRE HOSPITALIER DE BOURG-EN-BRESSE FLEYRIAT')
    expect(at('typvoie')).toBe('RTE')
    expect(at('voie')).toBe('DE PARIS')
    expect(at('commune')).toBe('451')
    expect(at('departement')).toBe('01')
    expect(at('libdepartement')).toBe('AIN')
    expect(at('ligneacheminement')).toBe('01440 VIRIAT')
    expect(at('telecopie')).toBe('0474454114')
    expect(at('siret')).toBe('26010004500012')
    expect(at('codemft')).toBe('03')
    expect(at('codesph')).toBe('1')
    expect(at('dateautor')).toBe('1979-02-13')
    expect(at('datemaj')).toBe('2020-02-04')
    expect(fields.at(-1)).toBe('')
  })

  it('quotes a field holding quotes, doubling them, as the published files do', () => {
    expect(lines(formatEtalabExtract([MAVOUNA], HEADER))[1]).toBe(MAVOUNA_LINE)
    expect(quoteField('A;B')).toBe('"A;B"')
    expect(quoteField('A\nB')).toBe('"A\nB"')
    expect(quoteField("D'ACCUEIL")).toBe("D'ACCUEIL")
  })

  it('writes overseas départements as 9A…9J when the site has no source column', () => {
    const departementOf = (s: SiteRecord) => {
      const fields = (lines(formatEtalabExtract([s], HEADER))[1] ?? '').split(';')
      return fields.slice(13, 15).join(';')
    }
    expect(departementOf(site({ finessEg: '970400024', communeCode: '97411' }))).toBe('9D;LA REUNION')
    expect(departementOf(site({ finessEg: '970100012' }))).toBe('9A;GUADELOUPE')
    expect(departementOf(site({ finessEg: '980600011' }))).toBe('9J;WALLIS ET FUTUNA')
    expect(departementOf(site({ finessEg: '2A0000014' }))).toBe('2A;CORSE DU SUD')
    expect(departementOf(site({ finessEg: '220000020' }))).toBe('22;COTES D ARMOR')
    // The commune's département comes before the number's: together with the commune it is the INSEE code.
    expect(departementOf(site({ finessEg: '440019644', communeCode: '49123' }))).toBe('49;MAINE ET LOIRE')
    // Saint-Martin has no column code of its own: it stays under Guadeloupe, as its FINESS number says.
    expect(departementOf(site({ finessEg: '970100400', communeCode: '97801' }))).toBe('9A;GUADELOUPE')
    // The file's own column wins when the site came with one.
    expect(departementOf(site({ finessEg: '970400024', sourceDepartement: '9D' }))).toBe('9D;LA REUNION')
  })

  it('upper-cases département names without accents, hyphens or apostrophes', () => {
    expect(etalabDepartementLabel("Côtes-d'Armor")).toBe('COTES D ARMOR')
    expect(etalabDepartementLabel('La Réunion')).toBe('LA REUNION')
  })

  it('writes geolocalisation records after all structures, X and Y with one decimal', () => {
    const other = site({ finessEg: '010000032', coordX: 880000, coordY: 6500000.04 })
    const noCoords = site({ finessEg: '010000040' })
    const text = formatEtalabExtract([FLEYRIAT, other, noCoords], HEADER)
    expect(lines(text).map((l) => l.split(';')[0])).toEqual([
      'finess',
      'structureet',
      'structureet',
      'structureet',
      'geolocalisation',
      'geolocalisation',
      '',
    ])
    expect(lines(text)[4]).toBe(
      'geolocalisation;010000024;870215.7;6571590.5;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2021-01-05;',
    )
    // Without a source or a date, the usual source with the territory's projection, dated by the extract.
    expect(lines(text)[5]).toBe(
      'geolocalisation;010000032;880000.0;6500000.0;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2026-05-12;',
    )
    expect((lines(text)[5] ?? '').split(';')).toHaveLength(GEOLOCATION_FIELDS.length + 2)
  })

  it('names the UTM projection of an overseas site in the default source', () => {
    const reunion = site({ finessEg: '970400024', coordX: 338112.3, coordY: 7689437.9 })
    expect(lines(formatEtalabExtract([reunion], HEADER))[2]).toBe(
      'geolocalisation;970400024;338112.3;7689437.9;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,UTM_S40;2026-05-12;',
    )
  })
})

describe('encodeExtract', () => {
  const text = 'finess;etalab;1;2021-01-29\nstructureet;"A\nB";é;\n'

  it('writes é as 0xE9 in windows-1252 and as C3 A9 in UTF-8', () => {
    const cp1252 = encodeExtract('é', { encoding: 'windows-1252' })
    expect([...cp1252]).toEqual([0xe9])
    expect([...encodeExtract('é', { encoding: 'utf-8' })]).toEqual([0xc3, 0xa9])
    expect([...encodeExtract('’', { encoding: 'windows-1252' })]).toEqual([0x92])
  })

  it('adds a UTF-8 byte order mark on request, and refuses one in windows-1252', () => {
    expect([...encodeExtract('a', { encoding: 'utf-8', bom: true })]).toEqual([0xef, 0xbb, 0xbf, 0x61])
    expect([...encodeExtract('a', { encoding: 'utf-8' })]).toEqual([0x61])
    expect(() => encodeExtract('a', { encoding: 'windows-1252', bom: true })).toThrow(RangeError)
  })

  it('turns record ends into CRLF but leaves a line break inside a quoted field alone', () => {
    const crlf = encodeExtract(text, { encoding: 'utf-8', crlf: true }).toString('utf-8')
    expect(crlf).toBe('finess;etalab;1;2021-01-29\r\nstructureet;"A\nB";é;\r\n')
    expect(encodeExtract(text, { encoding: 'utf-8' }).toString('utf-8')).toBe(text)
  })
})
