// Writes sites in the layout of the FINESS open-data extract (`etalab-cs1100507-stock-*.csv`), the one format
// Jalon's parser imports: other publications of the register (the 2021 FHIR export) are converted through it,
// and tests build their fixtures with it rather than by hand.
import iconv from 'iconv-lite'
import departements from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' }
import type { SiteRecord } from '../../domain/structure'
import { departementFromFiness } from '../../domain/finess'
import { projectionFor } from './coordinates'
import {
  ETALAB_OVERSEAS_DEPARTEMENTS,
  GEOLOCATION_FIELDS,
  GEOLOCATION_TAG,
  STRUCTURE_FIELDS,
  STRUCTURE_TAG,
  type GeolocationField,
  type StructureField,
} from './etalab-layout'

export interface ExtractHeader {
  extractNumber: number
  extractDate: string
}

export interface EncodeOptions {
  encoding: 'utf-8' | 'windows-1252'
  bom?: boolean
  crlf?: boolean
}

/** What published extracts write when the geocoding source is the usual one: only the projection varies. */
const DEFAULT_COORD_SOURCE = '1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,'

const ETALAB_CODE_BY_INSEE: Record<string, string> = Object.fromEntries(
  Object.entries(ETALAB_OVERSEAS_DEPARTEMENTS).map(([etalab, insee]) => [insee, etalab]),
)

/** `Côtes-d'Armor` → `COTES D ARMOR`: the extract's département labels are upper case, without accents. */
export function etalabDepartementLabel(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase()
}

const LABEL_BY_INSEE = new Map(departements.map((d) => [d.code, etalabDepartementLabel(d.nom)]))

/**
 * INSEE département of a commune code (overseas ones take three characters: 97411 → 974), when the column can
 * write it: Saint-Barthélemy (977) and Saint-Martin (978) have no code of their own there and stay under 9A.
 */
function departementOfCommune(communeCode: string | null): string | null {
  if (!communeCode || communeCode.length !== 5) return null
  if (!/^9[78]/.test(communeCode)) return communeCode.slice(0, 2)
  return ETALAB_CODE_BY_INSEE[communeCode.slice(0, 3)] ? communeCode.slice(0, 3) : null
}

/**
 * The INSEE département of a site: what its file said, else that of its commune, else what its number says. The
 * commune comes before the number because the column and the commune make up the INSEE code together, and a
 * site can lie outside the département of its number.
 */
function inseeDepartement(site: SiteRecord): string | null {
  if (site.sourceDepartement) {
    return ETALAB_OVERSEAS_DEPARTEMENTS[site.sourceDepartement] ?? site.sourceDepartement
  }
  return departementOfCommune(site.communeCode) ?? departementFromFiness(site.finessEg)
}

/** RFC 4180 quoting, only where the published files use it: a field that would otherwise break the record. */
export function quoteField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function formatRecord(tag: string, values: readonly (string | null)[]): string {
  return `${tag};${values.map((v) => quoteField(v ?? '')).join(';')};`
}

function structureValues(site: SiteRecord): Record<StructureField, string | null> {
  const insee = inseeDepartement(site)
  const etalabCode = site.sourceDepartement ?? (insee ? (ETALAB_CODE_BY_INSEE[insee] ?? insee) : null)
  const routing = [site.postalCode, site.city].filter((part) => part).join(' ')
  return {
    nofinesset: site.finessEg,
    nofinessej: site.finessEj,
    rs: site.name,
    rslongue: site.nameLong,
    complrs: site.nameComplement,
    compldistrib: site.distributionComplement,
    numvoie: site.streetNumber,
    typvoie: site.streetType,
    voie: site.streetName,
    compvoie: site.streetComplement,
    lieuditbp: site.lieuDitBp,
    // The column holds the commune part of the INSEE code only; the département is the next column.
    commune: site.communeCode ? site.communeCode.slice(-3) : null,
    departement: etalabCode,
    libdepartement: insee ? (LABEL_BY_INSEE.get(insee) ?? null) : null,
    ligneacheminement: routing || null,
    telephone: site.phone,
    telecopie: site.fax,
    categetab: site.categoryCode,
    libcategetab: site.categoryLabel,
    categagretab: site.aggregateCode,
    libcategagretab: site.aggregateLabel,
    siret: site.siret,
    codeape: site.apeCode,
    codemft: site.mftCode,
    libmft: site.mftLabel,
    codesph: site.sphCode,
    libsph: site.sphLabel,
    dateouv: site.openedOn,
    dateautor: site.authorizedOn,
    datemaj: site.updatedOn,
  }
}

function geolocationValues(site: SiteRecord, x: number, y: number, extractDate: string) {
  const values: Record<GeolocationField, string> = {
    nofinesset: site.finessEg,
    coordxet: x.toFixed(1),
    coordyet: y.toFixed(1),
    sourcecoordet: site.coordSource ?? DEFAULT_COORD_SOURCE + projectionFor(null, inseeDepartement(site)),
    datemaj: site.coordUpdatedOn ?? extractDate,
  }
  return GEOLOCATION_FIELDS.map((field) => values[field])
}

/**
 * The extract as text: header, every `structureet` record in the order given, then a `geolocalisation` record
 * for each site with coordinates (the published files put all of them after the structures). `\n` line ends;
 * `encodeExtract` gives the bytes.
 */
export function formatEtalabExtract(sites: readonly SiteRecord[], header: ExtractHeader): string {
  const lines = [`finess;etalab;${header.extractNumber};${header.extractDate}`]
  for (const site of sites) {
    const values = structureValues(site)
    lines.push(
      formatRecord(
        STRUCTURE_TAG,
        STRUCTURE_FIELDS.map((field) => values[field]),
      ),
    )
  }
  for (const site of sites) {
    if (site.coordX === null || site.coordY === null) continue
    lines.push(
      formatRecord(GEOLOCATION_TAG, geolocationValues(site, site.coordX, site.coordY, header.extractDate)),
    )
  }
  return `${lines.join('\n')}\n`
}

/**
 * Bytes of an extract. Older extracts are cp1252 with CRLF, recent ones UTF-8: both are produced so that the
 * parser is tested on each. Only line ends outside quoted fields become CRLF, so that a value is never altered.
 */
export function encodeExtract(text: string, options: EncodeOptions): Buffer {
  if (options.bom && options.encoding !== 'utf-8') {
    throw new RangeError('windows-1252 has no byte order mark')
  }
  const body = options.crlf
    ? text
        .split('"')
        .map((part, i) => (i % 2 === 0 ? part.replace(/\r?\n/g, '\r\n') : part))
        .join('"')
    : text
  return iconv.encode(body, options.encoding, { addBOM: options.bom ?? false })
}
