// Converts the FINESS register of January 2021, published as FHIR R4 ndjson (flrt/finess-fhir, ../shared), into
// an etalab extract: the demo and the benchmarks then load it through the same parser as a real extract.
//   node --import tsx scripts/fhir-to-etalab.ts --out FILE [--region 53] [--date 2021-01-29]
//        [--extract-number 95] [--encoding utf-8|windows-1252] [--gzip] [--crlf] [--fhir-dir DIR]
// That export was made by splitting each line of the 2021 extract on `;` and reading it as Latin-1. Three of its
// faults are undone here: RFC 4180 quotes left in values, cp1252 characters read as C1 controls, and overseas
// positions computed as if their UTM coordinates were Lambert-93.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import iconv from 'iconv-lite'
import departements from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' }
import { departementFromFiness } from '../src/domain/finess'
import { NO_POSITION, type SiteRecord } from '../src/domain/structure'
import { fromWgs84, projectionFor, toWgs84 } from '../src/sources/finess/coordinates'
import { encodeExtract, formatEtalabExtract } from '../src/sources/finess/etalab-writer'

export const DEFAULT_FHIR_DIR = fileURLToPath(new URL('../../shared/data/finess/fhir-2021', import.meta.url))

interface Coding {
  system?: string
  code?: string
  display?: string
}
interface FhirResource {
  resourceType: string
  id: string
  name?: string
  meta?: { lastUpdated?: string }
  extension?: { url: string; valuePeriod?: { start?: string } }[]
  identifier?: { system?: string; value?: string }[]
  address?: { line?: string[]; postalCode?: string; city?: string }[]
  telecom?: { system?: string; value?: string }[]
  type?: { coding?: Coding[] }[]
  managingOrganization?: { reference?: string }
  position?: { latitude?: number; longitude?: number }
}

/** The value as the 2021 extract held it: one level of RFC 4180 quoting removed, cp1252 characters restored. */
function clean(raw: string | undefined): string | null {
  if (!raw) return null
  const unquoted = /^".*"$/s.test(raw) && raw.length > 1 ? raw.slice(1, -1).replace(/""/g, '"') : raw
  const text = unquoted.replace(/[\u0080-\u009f]/g, (c) =>
    iconv.decode(Buffer.from([c.charCodeAt(0)]), 'windows-1252'),
  )
  return text.trim() === '' ? null : text
}

// Street-type codes of the register (La Poste abbreviations) seen in the 2021 data. A first word outside this
// list (LE, LA, GRANDE, RUE…) is read as the start of the street name, which keeps the joined text unchanged.
const STREET_TYPES = new Set(
  (
    'R AV PL BD RTE CHE ALL IMP CRS QU QUA QUAI LD SQ LOT FG ZAC ZA ZI ZAD ZUP RES DOM PAS PASS CITE GR CCAL ESP ' +
    'ESPA RPT TRA VOI MTE PROM MAIL CHEM HAM CTRE VLA CHS RLE CHT IMM CAR GAL SEN BCLE PTE COR PRV REM CHV ROC ' +
    'TSSE PLAG PLE PLN PLT ENC VEN PAV FRM PKG HLE MAR TPL DSC ECA CD RD RN'
  ).split(' '),
)

/** `900 RTE DE PARIS` → number, type, name; the export wrote `numvoie typvoie compvoie voie`. */
function splitStreet(line: string) {
  const m = /^(?:(\d{1,4})(?: +|$))?(?:([A-Z]{1,4}) +)?(?:([BCQT]) +)?(.*)$/s.exec(line)
  const [, number, word, letter, rest] = m ?? []
  if (!word || STREET_TYPES.has(word)) {
    return { number: number ?? null, type: word ?? null, complement: letter ?? null, name: clean(rest) }
  }
  // Not a street type: a lone B/C/Q/T after the number is the complement (`2 B GRANDE RUE`), else a word.
  if (!letter && /^[BCQT]$/.test(word))
    return { number: number ?? null, type: null, complement: word, name: clean(rest) }
  const name = clean([word, letter, rest].filter((p) => p).join(' '))
  return { number: number ?? null, type: null, complement: null, name }
}

interface Commune {
  code: string
  nom: string
  type: string
  departement: string
  chefLieu?: string
  codesPostaux?: string[]
}

/** Upper case, no accents or punctuation, `ST`/`STE` spelt out: how FINESS and the COG names can meet. */
function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/Œ/g, 'OE')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()
    .replace(/\bSTE\b/g, 'SAINTE')
    .replace(/\bST\b/g, 'SAINT')
}

type CommuneResolver = (
  postalCode: string | null,
  city: string | null,
  departement: string | null,
) => string | null

/** Whether one name is the other followed by more words: `CANNES` and `CANNES LA BOCCA`, `SEYNE LES ALPES`. */
const sameStart = (a: string, b: string) => a === b || b.startsWith(`${a} `) || a.startsWith(`${b} `)

/**
 * INSEE code of the commune of a routing line, which the FHIR export dropped: postal code + name, then the only
 * commune of the postal code, then the name inside the département, then names that only share their first
 * words (La Poste spellings, quarters). A delegated commune named in the line gives its own code: right for the
 * communes merged after 2021, while for earlier mergers the register may hold the new commune's. Municipal
 * arrondissements are left out: Paris, Lyon and Marseille resolve to the commune.
 */
export function communeResolver(): CommuneResolver {
  const path = createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/data/communes.json')
  // An associated commune (a status of 1971–2010) was long part of its parent for FINESS: it takes the parent's code.
  const all = (JSON.parse(readFileSync(path, 'utf-8')) as Commune[]).map((c) =>
    c.type === 'commune-associee' && c.chefLieu ? { ...c, code: c.chefLieu } : c,
  )
  const current = new Map(all.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]))
  const byPostal = new Map<string, Commune[]>()
  const byDepartement = new Map<string, Commune[]>()
  const add = (index: Map<string, Commune[]>, key: string, c: Commune) =>
    index.set(key, [...(index.get(key) ?? []), c])
  for (const c of all.filter((c) => c.type !== 'arrondissement-municipal')) {
    // Delegated and associated communes carry no postal code: they have their parent's.
    const parent = c.chefLieu ? current.get(c.chefLieu) : c
    for (const p of parent?.codesPostaux ?? []) add(byPostal, p, c)
    add(byDepartement, c.departement, c)
  }
  const keys = new Map(all.map((c) => [c, placeKey(c.nom)]))
  /** One code, a current commune preferred over a delegated one of another code; null when ambiguous. */
  const single = (found: Commune[]): string | null => {
    const codes = new Set(found.map((c) => c.code))
    if (codes.size === 1) return found[0]?.code ?? null
    const currents = new Set(found.filter((c) => c.type === 'commune-actuelle').map((c) => c.code))
    return currents.size === 1 ? ([...currents][0] ?? null) : null
  }
  return (postalCode, city, departement) => {
    if (!city) return null
    const key = placeKey(city).replace(/ CEDEX( \d+)?$/, '')
    // A routing line is cut at 26 characters: then only a prefix of the name (its last word dropped) is known.
    const cut = city.length >= 26 ? key.replace(/ \S*$/, '') : null
    const named = (c: Commune) => (cut ? (keys.get(c) ?? '').startsWith(cut) : keys.get(c) === key)
    const near = (c: Commune) => sameStart(keys.get(c) ?? '', cut ?? key)
    const inPostal = byPostal.get(postalCode ?? '') ?? []
    const inDepartement = byDepartement.get(departement ?? '') ?? []
    return (
      single(inPostal.filter(named)) ??
      single(inPostal.filter((c) => c.type === 'commune-actuelle')) ??
      single(inDepartement.filter(named)) ??
      single(inPostal.filter(near)) ??
      single(inDepartement.filter(near))
    )
  }
}

async function* ndjsonResources(fhirDir: string): AsyncGenerator<FhirResource> {
  for (const file of readdirSync(fhirDir)
    .filter((f) => f.endsWith('.tar.gz'))
    .sort()) {
    const tar = spawn('tar', ['-xzOf', join(fhirDir, file)], { stdio: ['ignore', 'pipe', 'inherit'] })
    const exited = new Promise<number | null>((resolve) => tar.on('close', resolve))
    for await (const line of createInterface({ input: tar.stdout, crlfDelay: Infinity })) {
      if (line.trim()) yield JSON.parse(line) as FhirResource
    }
    if ((await exited) !== 0) throw new Error(`tar failed on ${file}`)
  }
}

function organizationToSite(org: FhirResource, resolveCommune: CommuneResolver): SiteRecord {
  const [finessEj = '', idEg = ''] = org.id.split('-')
  const finessEg = org.identifier?.find((i) => i.system === 'urn:oid:1.2.250.1.71.4.2.2')?.value ?? idEg
  const coding = (suffix: string): Coding =>
    org.type?.flatMap((t) => t.coding ?? []).find((c) => c.system?.endsWith(suffix)) ?? {}
  const address = org.address?.[0] ?? {}
  const lines = address.line ?? []
  // The export wrote the street, then the lieu-dit or BP, as separate lines, skipping an empty street.
  const loneBox = lines.length === 1 && /^(BP|CS|TSA) /.test(lines[0] ?? '')
  const street = splitStreet(loneBox ? '' : (lines[0] ?? ''))
  const start = org.extension?.find((e) => e.url.endsWith('organization-period'))?.valuePeriod?.start ?? null
  const [category, aggregate, ape, sph] = [
    '/CAT_ETAB',
    '/CAT_AGR_ETAB',
    'TRE-R75-InseeNAFrev2Niveau5',
    '/SPH',
  ].map(coding)
  const postalCode = address.postalCode ?? null
  const city = clean(address.city)
  return {
    finessEg,
    finessEj,
    name: clean(org.name) ?? '',
    nameLong: null,
    nameComplement: null,
    distributionComplement: null,
    streetNumber: street.number,
    streetType: street.type,
    streetName: street.name,
    streetComplement: street.complement,
    lieuDitBp: clean(loneBox ? lines[0] : lines.slice(1).join(' ')),
    communeCode: resolveCommune(postalCode, city, departementFromFiness(finessEg)),
    postalCode,
    city,
    sourceDepartement: null,
    phone: org.telecom?.find((t) => t.system === 'phone')?.value ?? null,
    fax: null,
    categoryCode: category?.code ?? null,
    categoryLabel: clean(category?.display),
    aggregateCode: aggregate?.code ?? null,
    aggregateLabel: clean(aggregate?.display),
    siret: org.identifier?.find((i) => i.system === 'http://sirene.fr')?.value ?? null,
    apeCode: ape?.code ?? null,
    mftCode: null,
    mftLabel: null,
    sphCode: sph?.code ?? null,
    sphLabel: clean(sph?.display),
    openedOn: start,
    // The export kept the opening date only; it stands in for the authorisation date, often the same one.
    authorizedOn: start,
    updatedOn: org.meta?.lastUpdated?.slice(0, 10) ?? null,
    ...NO_POSITION,
  }
}

/** Every site of the register, sorted by FINESS EG, with coordinates in the projection of its territory. */
export async function readFhirRegister(fhirDir: string): Promise<SiteRecord[]> {
  const resolveCommune = communeResolver()
  const sites = new Map<string, SiteRecord>()
  const positions = new Map<string, { latitude: number; longitude: number }>()
  for await (const resource of ndjsonResources(fhirDir)) {
    if (resource.resourceType === 'Organization')
      sites.set(resource.id, organizationToSite(resource, resolveCommune))
    const { latitude, longitude } = resource.position ?? {}
    const orgId = resource.managingOrganization?.reference?.replace(/^Organization\//, '')
    if (resource.resourceType === 'Location' && orgId && latitude !== undefined && longitude !== undefined) {
      positions.set(orgId, { latitude, longitude })
    }
  }
  for (const [id, position] of positions) {
    const site = sites.get(id)
    if (!site) continue
    // The export projected every X/Y back from Lambert-93, overseas UTM ones included: projecting its position
    // to Lambert-93 gives the published X/Y exactly, in whatever projection the territory uses.
    const { x, y } = fromWgs84(position.latitude, position.longitude, 'LAMBERT_93')
    const projection = projectionFor(null, departementFromFiness(site.finessEg))
    site.coordX = Math.round(x * 10) / 10
    site.coordY = Math.round(y * 10) / 10
    Object.assign(site, toWgs84(site.coordX, site.coordY, projection))
  }
  return [...sites.values()].sort((a, b) => (a.finessEg < b.finessEg ? -1 : a.finessEg > b.finessEg ? 1 : 0))
}

const REGION_BY_DEPARTEMENT = new Map(departements.map((d) => [d.code, d.region]))

export function regionOf(site: SiteRecord): string | null {
  const departement = departementFromFiness(site.finessEg)
  return departement ? (REGION_BY_DEPARTEMENT.get(departement) ?? null) : null
}

export interface ConvertOptions {
  out: string
  fhirDir?: string
  region?: string
  date?: string
  extractNumber?: number
  encoding?: 'utf-8' | 'windows-1252'
  gzip?: boolean
  crlf?: boolean
}

function counts(sites: readonly SiteRecord[]): string {
  const withCoordinates = sites.filter((s) => s.coordX !== null).length
  const unresolved = sites.filter((s) => s.communeCode === null).length
  return `${sites.length} sites, ${withCoordinates} with coordinates, ${unresolved} communes unresolved`
}

/** Reads the register, keeps a région if asked, writes the extract; returns the sites written. */
export async function convertRegister(options: ConvertOptions): Promise<SiteRecord[]> {
  const register = await readFhirRegister(options.fhirDir ?? DEFAULT_FHIR_DIR)
  console.error(`register: ${counts(register)}`)
  const sites = options.region ? register.filter((s) => regionOf(s) === options.region) : register
  const header = { extractNumber: options.extractNumber ?? 95, extractDate: options.date ?? '2021-01-29' }
  const encoding = options.encoding ?? 'utf-8'
  const bytes = encodeExtract(formatEtalabExtract(sites, header), { encoding, crlf: options.crlf ?? false })
  writeFileSync(options.out, options.gzip ? gzipSync(bytes, { level: 9 }) : bytes)
  if (options.region) console.error(`région ${options.region}: ${counts(sites)}`)
  console.error(`wrote ${options.out}`)
  return sites
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      'fhir-dir': { type: 'string' },
      region: { type: 'string' },
      date: { type: 'string' },
      'extract-number': { type: 'string' },
      encoding: { type: 'string' },
      gzip: { type: 'boolean' },
      crlf: { type: 'boolean' },
    },
  })
  const encoding = values.encoding ?? 'utf-8'
  const badDate = values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)
  if (!values.out || badDate || (encoding !== 'utf-8' && encoding !== 'windows-1252')) {
    console.error(
      'usage: fhir-to-etalab --out FILE [--region CODE] [--date YYYY-MM-DD] [--encoding utf-8|windows-1252]',
    )
    process.exit(2)
  }
  await convertRegister({
    out: values.out,
    fhirDir: values['fhir-dir'],
    region: values.region,
    date: values.date,
    extractNumber: values['extract-number'] ? Number(values['extract-number']) : undefined,
    encoding,
    gzip: values.gzip,
    crlf: values.crlf,
  })
}
