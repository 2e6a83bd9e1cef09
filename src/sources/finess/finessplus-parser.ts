// Parser of the FiNESS+ JSON daily flow (ansforge/finess, "structures" schema v1.0.0): bytes in, legal
// entities, sites, groups and row-level issues out. It knows the format, not the database.
//
// The published example, not the v1.0.0 schema, is the reference for names and shapes: the example writes
// `informationsGeneralesPMEJ` and `pmSmsseId` (schema: `informationsGeneralesPmej`, `pm_smsseId`), `etatObjet`
// as a plain code beside the general information (schema: a {code, system} object inside it),
// `categorieentiteGeographiqueExercice` and `modefixationtarifaire` as plain codes (schema: camel-cased
// {code, system} objects), `dateDerniereMaj` as "AAAA-MM-JJ HH:MM:SS" (schema: {dateEvenement}), `gcc` and
// `gco` as arrays (schema: one object), `egeDuGcc` (schema: `egeDuGCC`), `typeGco` (schema: `typeGCO`), and
// sites with no `roleEge`, legal entities with no `ege` at all (schema: at least one). Its coordinates hold the
// Lambert-93 northing in `coordonneeX`: the pair is put back in order (see readPosition).
//
// A file that is not JSON, not this shape, or cut short throws SourceFileError before anything is written.
// An entity or site that cannot be read is reported (rejected) with the line where its object starts and the
// JSON path of the field; repaired or doubtful fields are kept and reported (warning).
import { constants as zlibConstants, gunzipSync } from 'node:zlib'
import { z } from 'zod'
import { departementFromFiness } from '../../domain/finess'
import type { GroupMember, GroupRecord, LegalEntityRecord, SiteRecord } from '../../domain/structure'
import { decodeTextFile, type TextEncoding } from '../decode'
import {
  finessKeyWarning,
  readDate,
  readDecimal,
  readFiness,
  readPaddedCode,
  readSiret,
} from '../field-repairs'
import { SourceFileError, sortIssues, type RowIssue } from '../source-error'
import { projectionFor, toWgs84 } from './coordinates'

// --- The shape of the file, as the example writes it --------------------------------------------------------

/** Every leaf of the flow is a string; absent and null both mean "not given". */
const text = z.string().nullish()
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish()

const address = z.object({
  usageAdresse: text,
  numeroVoie: text,
  typeVoie: text,
  libelleVoie: text,
  complementVoie: text,
  complementPointGeographique: text,
  lieuDit: text,
  cogCommune: text,
  codePostal: text,
  ligneAcheminement: text,
  coordonneesGeographique: z
    .object({
      coordonneeX: text,
      coordonneeY: text,
      directionLatitude: text,
      directionLongitude: text,
      cleInInteropBAN: text,
    })
    .nullish(),
})
const contact = z.object({
  telecom: z.object({ telephone: text, telecopie: text }).nullish(),
})
const event = z.object({ dateEvenement: text })
const site = z.object({
  informationsGeneralesEGE: z.object({
    egeId: text,
    numFinessEge: z.string(),
    nomEgeCourt: text,
    nomEgeLong: text,
    complementDenominationEg: text,
    dateOuverture: text,
    datePremiereAutorisation: text,
    dateFermeture: text,
    siret: text,
  }),
  categorieentiteGeographiqueExercice: text,
  modefixationtarifaire: text,
  adresse: list(address),
  contact: list(contact),
  evenement: list(event),
  etatObjet: text,
  dateDerniereMaj: text,
})
const legalEntity = z.object({
  informationsGeneralesPMEJ: z.object({
    pmSmsseId: text,
    numFinessPm: z.string(),
    denominationPm: text,
    denominationLonguePmSmsse: text,
    siren: text,
    statutJuridique: text,
    codeApe: text,
    dateCreation: text,
    dateFermeture: text,
  }),
  adresse: list(address),
  evenement: list(event),
  etatObjet: text,
  ege: list(site),
})
const entityMember = z.object({ pmSmsseId: text, typeRoleEntiteGroupe: text })
const siteMember = z.object({ egeId: text, typeRoleEntiteGroupe: text })
const gcc = z.object({
  gccId: z.string(),
  nomGcc: text,
  typeGcc: text,
  gccIdentifiantExterne: text,
  etatObjet: text,
  pmejDuGcc: list(entityMember),
  egeDuGcc: list(siteMember),
})
const gco = z.object({
  pmSmsseId: z.string(),
  typeGco: text,
  pmejDuGco: list(entityMember),
  egeDuGco: list(siteMember),
})
// `pmej` first: on a JSON of another kind, the first difference named is the one that says the most.
const flowSchema = z.object({
  pmej: z.array(legalEntity),
  schemaVersion: z.string(),
  generatedAt: z.string(),
  gcc: list(gcc),
  gco: list(gco),
})
type Flow = z.infer<typeof flowSchema>
type Address = z.infer<typeof address>
type Contact = z.infer<typeof contact>
type Event = z.infer<typeof event>
type Ege = z.infer<typeof site>
type Pmej = z.infer<typeof legalEntity>

// --- What the parser gives ------------------------------------------------------------------------------

export interface FinessPlusSite {
  /** Line where the site's object starts in the file. */
  line: number | null
  record: SiteRecord
  /** The closing date the flow gives the site; null when it is open (see closure()). */
  closedOn: string | null
}

export interface FinessPlusFlow {
  schemaVersion: string
  /** As written (`2026-03-09T15:49:37.615611300Z`). */
  generatedAt: string
  /** generatedAt's date, the date of the flow. */
  extractDate: string
  encoding: TextEncoding
  gzipped: boolean
  lineCount: number
  legalEntities: LegalEntityRecord[]
  sites: FinessPlusSite[]
  groups: GroupRecord[]
  issues: RowIssue[]
}

/**
 * Whether the bytes hold JSON: the first non-blank character, after gzip and a BOM, opens an object (or an
 * array, which the parser then refuses with a message better than the etalab parser's).
 */
export function looksLikeJson(raw: Uint8Array): boolean {
  let head = raw.subarray(0, 4096)
  if (head[0] === 0x1f && head[1] === 0x8b) {
    try {
      // The start of the archive is enough: a sync flush returns what it holds without asking for the end.
      head = gunzipSync(raw.subarray(0, 65536), { finishFlush: zlibConstants.Z_SYNC_FLUSH }).subarray(0, 4096)
    } catch {
      return false
    }
  }
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d))
    i++
  return head[i] === 0x7b || head[i] === 0x5b
}

// --- Lines of the objects ---------------------------------------------------------------------------------

/** The paths whose line the issues and sites need: top-level items and sites. */
const LINE_PATHS = /^(?:pmej|gcc|gco)\[\d+\](?:\.ege\[\d+\])?$/

/**
 * The line where each wanted object starts, keyed by its JSON path (`pmej[3].ege[0]`). One pass over text
 * that JSON.parse has already accepted, so it only has to follow nesting, keys and strings.
 */
function objectLines(source: string): Map<string, number> {
  const lines = new Map<string, number>()
  interface Frame {
    array: boolean
    path: string
    index: number
    key: string
    expectKey: boolean
  }
  const stack: Frame[] = []
  let line = 1
  /** The path of the value starting here; an array counts it as its next item. */
  const nextPath = (): string => {
    const top = stack[stack.length - 1]
    if (!top) return ''
    if (top.array) return `${top.path}[${++top.index}]`
    return top.path ? `${top.path}.${top.key}` : top.key
  }
  const skipValue = () => {
    const top = stack[stack.length - 1]
    if (top?.array) top.index++
  }
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\n') line++
    else if (c === '"') {
      let end = i + 1
      while (source[end] !== '"') end += source[end] === '\\' ? 2 : 1
      const top = stack[stack.length - 1]
      if (top && !top.array && top.expectKey) {
        top.key = JSON.parse(source.slice(i, end + 1)) as string
        top.expectKey = false
      } else skipValue()
      i = end
    } else if (c === '{' || c === '[') {
      const path = nextPath()
      if (c === '{' && LINE_PATHS.test(path)) lines.set(path, line)
      stack.push({ array: c === '[', path, index: -1, key: '', expectKey: c === '{' })
    } else if (c === '}' || c === ']') stack.pop()
    else if (c === ',') {
      const top = stack[stack.length - 1]
      if (top && !top.array) top.expectKey = true
    } else if (c !== undefined && /[-0-9tfn]/.test(c)) {
      skipValue()
      while (i + 1 < source.length && /[-+.0-9a-zA-Z]/.test(source[i + 1] ?? '')) i++
    }
  }
  return lines
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('')
}

/** The line of the nearest object of `path` whose line is known. */
function lineOfPath(lines: Map<string, number>, path: string): number | null {
  const parent = (p: string) =>
    p.endsWith(']') ? p.slice(0, p.lastIndexOf('[')) : p.slice(0, Math.max(0, p.lastIndexOf('.')))
  for (let p = path; p; p = parent(p)) {
    const line = lines.get(p)
    if (line !== undefined) return line
  }
  return null
}

// --- Whole-file checks ------------------------------------------------------------------------------------

function lineAt(source: string, position: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = 0; i < position && i < source.length; i++) {
    if (source[i] === '\n') {
      line++
      start = i + 1
    }
  }
  return { line, column: position - start + 1 }
}

/**
 * Where JSON.parse stopped: V8 says `at position N`, except for an unexpected token, where it quotes the text
 * around it (`Unexpected token 'x', ..."a": x}" is not valid JSON`), found back in the source.
 */
function errorPosition(source: string, message: string): number | null {
  const at = /at position (\d+)/.exec(message)
  if (at) return Number(at[1])
  const quoted = /^Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON/.exec(
    message,
  )
  if (!quoted) return null
  const [, token = '', excerpt = ''] = quoted
  const start = excerpt ? source.indexOf(excerpt) : -1
  return start < 0 ? null : start + Math.max(0, excerpt.indexOf(token))
}

function parseJson(fileName: string, source: string): unknown {
  if (source.trim() === '') throw new SourceFileError(fileName, 'le fichier est vide.')
  try {
    return JSON.parse(source)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const position = errorPosition(source, message)
    const end = source.trimEnd().length
    if (/end of JSON input/.test(message) || (position !== null && position >= end)) {
      throw new SourceFileError(
        fileName,
        "le JSON s'arrête avant d'être refermé : le fichier est tronqué.",
        lineAt(source, end).line,
      )
    }
    if (position === null) throw new SourceFileError(fileName, "ce n'est pas un fichier JSON valide.")
    const { line, column } = lineAt(source, position)
    const found = source.slice(position, position + 20).split(/\r?\n/)[0]
    throw new SourceFileError(
      fileName,
      `ce n'est pas un fichier JSON valide : erreur de syntaxe colonne ${column}, devant « ${found} ».`,
      line,
    )
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'texte',
  array: 'tableau',
  object: 'objet',
  number: 'nombre',
  boolean: 'booléen',
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'absent'
  if (value === null) return 'trouvé null'
  if (Array.isArray(value)) return 'trouvé un tableau'
  const type = typeof value
  if (type === 'string') return `trouvé le texte « ${String(value).trim().slice(0, 40)} »`
  return `trouvé un ${TYPE_NAMES[type] ?? type}`
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

function checkShape(fileName: string, data: unknown, lines: Map<string, number>): Flow {
  const parsed = flowSchema.safeParse(data)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues
  const first = issues[0]
  const path = first ? pathOf(first.path) : ''
  const what =
    first?.code === 'invalid_type'
      ? `${TYPE_NAMES[first.expected] ?? first.expected} attendu, ${describeValue(valueAt(data, first.path))}`
      : (first?.message ?? 'forme inattendue')
  const more = issues.length > 1 ? ` (et ${issues.length - 1} autre(s) écart(s))` : ''
  throw new SourceFileError(
    fileName,
    `ce n'est pas un flux FiNESS+ des structures : ${path || 'la racine du fichier'} : ${what}${more}.`,
    lineOfPath(lines, path),
  )
}

function countLines(source: string): number {
  let count = source.length > 0 && !source.endsWith('\n') ? 1 : 0
  for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) count++
  return count
}

function keyLine(source: string, key: string): number | null {
  const at = source.indexOf(`"${key}"`)
  return at < 0 ? null : lineAt(source, at).line
}

function readHeader(fileName: string, source: string, flow: Flow): { extractDate: string } {
  const version = flow.schemaVersion.trim()
  if (!/^v?1\./.test(version)) {
    throw new SourceFileError(
      fileName,
      `schemaVersion « ${version} » : version du flux FiNESS+ non prise en charge (Jalon lit la v1).`,
      keyLine(source, 'schemaVersion'),
    )
  }
  const generated = /^([0-9]{4}-[0-9]{2}-[0-9]{2})T[0-9]{2}:[0-9]{2}/.exec(flow.generatedAt.trim())
  const date = generated?.[1] ?? ''
  if (!readDate(date).ok) {
    throw new SourceFileError(
      fileName,
      `generatedAt : date et heure ISO attendues (AAAA-MM-JJTHH:MM:SSZ), trouvé « ${flow.generatedAt.trim().slice(0, 40)} ».`,
      keyLine(source, 'generatedAt'),
    )
  }
  return { extractDate: date }
}

// --- Records ----------------------------------------------------------------------------------------------

/** Strings are padded with spaces in the source: trimmed, and empty means absent. */
function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim()
  return trimmed ? trimmed : null
}

/** Issues of one object of the file: its line, its JSON path, the FINESS it concerns once known. */
class Reporter {
  finess: string | null = null
  constructor(
    private readonly issues: RowIssue[],
    readonly line: number,
    readonly path: string,
  ) {}

  add(severity: RowIssue['severity'], code: string, field: string, value: string | null, detail: string) {
    const path = `${this.path}.${field}`
    this.issues.push({
      line: this.line,
      severity,
      code,
      field: path,
      finess: this.finess,
      value,
      message: `${path} : ${detail}`,
    })
  }
  warn(code: string, field: string, value: string | null, detail: string) {
    this.add('warning', code, field, value, detail)
  }

  number(raw: string, field: string): string | null {
    const reading = readFiness(raw)
    if (!reading.ok) {
      this.add('rejected', 'finess-invalid', field, raw, reading.reason)
      return null
    }
    this.finess = reading.value
    if (reading.repaired) this.warn('finess-repaired', field, raw, reading.repaired)
    const keyWarning = finessKeyWarning(reading.value)
    if (keyWarning) this.warn('finess-key', field, raw, keyWarning)
    return reading.value
  }

  date(raw: string | null | undefined, field: string): string | null {
    const value = clean(raw)
    if (value === null) return null
    const reading = readDate(value)
    if (!reading.ok) {
      this.warn('date-invalid', field, value, `${reading.reason} : valeur ignorée`)
      return null
    }
    if (reading.repaired) this.warn('date-repaired', field, value, reading.repaired)
    return reading.value
  }

  code(raw: string | null | undefined, field: string, length: number): string | null {
    const value = clean(raw)
    if (value === null) return null
    const reading = readPaddedCode(value, length)
    if (!reading.ok) {
      this.warn('code-invalid', field, value, `${reading.reason} : valeur ignorée`)
      return null
    }
    if (reading.repaired) this.warn('code-repaired', field, value, reading.repaired)
    return reading.value
  }
}

/** The latest event date: when an inactive object has no closing date, its closure is its last event. */
function lastEventDate(events: readonly Event[] | null | undefined): string | null {
  let last: string | null = null
  for (const e of events ?? []) {
    const date = clean(e.dateEvenement)?.slice(0, 10) ?? ''
    if (readDate(date).ok && (last === null || date > last)) last = date
  }
  return last
}

/**
 * When an entity or a site is closed. `etatObjet` says whether (A active; I inactive and F closed both mean
 * closed), `dateFermeture` says when; an inactive object without it is closed at its last event, and
 * without any event at the date of the flow. An active object with a closing date stays open (warned): the
 * state is what FiNESS+ maintains, a date may be planned. An object without a state is closed if it has a
 * closing date.
 */
function closure(
  report: Reporter,
  state: string | null,
  closingDate: string | null,
  events: readonly Event[] | null | undefined,
  flowDate: string,
): string | null {
  if (state === 'A') {
    if (closingDate)
      report.warn(
        'closure-ignored',
        'etatObjet',
        state,
        `actif (A) mais avec une dateFermeture ${closingDate} : l'état fait foi, reste ouvert`,
      )
    return null
  }
  if (state === 'I' || state === 'F') {
    if (closingDate) return closingDate
    const last = lastEventDate(events)
    report.warn(
      'closure-date-missing',
      'etatObjet',
      state,
      last
        ? `fermé (${state}) sans dateFermeture : fermé à la date de son dernier événement, ${last}`
        : `fermé (${state}) sans dateFermeture ni événement daté : fermé à la date du flux, ${flowDate}`,
    )
    return last ?? flowDate
  }
  if (state !== null)
    report.warn(
      'state-unknown',
      'etatObjet',
      state,
      `état « ${state} » inconnu (attendu A, I ou F) : ${closingDate ? 'fermé à sa dateFermeture' : 'considéré ouvert'}`,
    )
  return closingDate
}

/** Postal code and city: `ligneAcheminement` holds the city, sometimes after the postal code. */
function postalLine(a: Address | undefined): { postalCode: string | null; city: string | null } {
  const routing = clean(a?.ligneAcheminement)
  const withCode = routing ? /^([0-9]{5}) +(.*)$/.exec(routing) : null
  return {
    postalCode: clean(a?.codePostal) ?? withCode?.[1] ?? null,
    city: withCode ? clean(withCode[2]) : routing,
  }
}

function communeCode(report: Reporter, a: Address | undefined, field: string): string | null {
  const value = clean(a?.cogCommune)
  if (value === null) return null
  if (/^[0-9][0-9AB][0-9]{3}$/.test(value)) return value
  report.warn('code-invalid', field, value, `« ${value} » n'est pas un code commune INSEE : valeur ignorée`)
  return null
}

function firstTelecom(contacts: readonly Contact[] | null | undefined, kind: 'telephone' | 'telecopie') {
  const index = (contacts ?? []).findIndex((c) => clean(c.telecom?.[kind]) !== null)
  return index < 0 ? null : { index, value: clean(contacts?.[index]?.telecom?.[kind]) }
}

/** The northing of Lambert-93 (and of UTM south of the equator) is above 6 000 000 m, its easting far below. */
const NORTHING_MIN = 6_000_000

interface Position {
  coordX: number | null
  coordY: number | null
  coordSource: string | null
  latitude: number | null
  longitude: number | null
  swapped: boolean
}

/**
 * Source X/Y kept in the right order, WGS84 latitude/longitude as given. The example writes the northing
 * in `coordonneeX`: a pair whose X is a northing and Y is not is swapped back. Without latitude/longitude
 * they are computed from X/Y in the projection of the territory.
 */
function readPosition(report: Reporter, a: Address | undefined, field: string, finess: string): Position {
  const none: Position = {
    coordX: null,
    coordY: null,
    coordSource: null,
    latitude: null,
    longitude: null,
    swapped: false,
  }
  const geo = a?.coordonneesGeographique
  if (!geo) return none
  const rawX = clean(geo.coordonneeX)
  const rawY = clean(geo.coordonneeY)
  let x = rawX === null ? null : readDecimal(rawX)
  let y = rawY === null ? null : readDecimal(rawY)
  if ((rawX !== null && x === null) || (rawY !== null && y === null) || (x === null) !== (y === null)) {
    report.warn(
      'coordinates-invalid',
      `${field}.coordonneesGeographique`,
      `${rawX ?? ''};${rawY ?? ''}`,
      'coordonnées X/Y incomplètes ou non numériques : ignorées',
    )
    x = y = null
  }
  let swapped = false
  if (x !== null && y !== null && x > NORTHING_MIN && y < NORTHING_MIN) {
    ;[x, y] = [y, x]
    swapped = true
  }
  const rawLatitude = clean(geo.directionLatitude)
  const rawLongitude = clean(geo.directionLongitude)
  let latitude = rawLatitude === null ? null : readDecimal(rawLatitude)
  let longitude = rawLongitude === null ? null : readDecimal(rawLongitude)
  if (
    latitude === null ||
    longitude === null ||
    Math.abs(latitude) > 90 ||
    Math.abs(longitude) > 180 ||
    (latitude === 0 && longitude === 0)
  ) {
    if (rawLatitude !== null || rawLongitude !== null)
      report.warn(
        'coordinates-invalid',
        `${field}.coordonneesGeographique`,
        `${rawLatitude ?? ''};${rawLongitude ?? ''}`,
        'latitude/longitude absentes ou hors limites : ignorées',
      )
    latitude = longitude = null
    if (x !== null && y !== null) {
      const computed = toWgs84(x, y, projectionFor(null, departementFromFiness(finess)))
      latitude = computed.latitude
      longitude = computed.longitude
    }
  }
  const ban = clean(geo.cleInInteropBAN)
  const any = x !== null || latitude !== null
  return {
    coordX: x,
    coordY: y,
    coordSource: any ? (ban ? `FINESS+ BAN ${ban}` : 'FINESS+') : null,
    latitude,
    longitude,
    swapped,
  }
}

function readLegalEntity(pm: Pmej, report: Reporter, flowDate: string): LegalEntityRecord | null {
  const info = pm.informationsGeneralesPMEJ
  const field = (name: string) => `informationsGeneralesPMEJ.${name}`
  const finessEj = report.number(info.numFinessPm.trim(), field('numFinessPm'))
  if (!finessEj) return null
  let siren = clean(info.siren)?.replace(/\s/g, '') ?? null
  if (siren !== null && !/^[0-9]{9}$/.test(siren)) {
    report.warn(
      'siren-invalid',
      field('siren'),
      siren,
      `« ${siren} » n'est pas un SIREN (9 chiffres) : ignoré`,
    )
    siren = null
  }
  const rawApe = clean(info.codeApe)
  let apeCode = rawApe?.replace('.', '') ?? null
  if (apeCode !== null && !/^[0-9]{3,4}[A-Z]$/.test(apeCode)) {
    report.warn('code-invalid', field('codeApe'), rawApe, `« ${rawApe} » n'est pas un code APE : ignoré`)
    apeCode = null
  }
  const a = pm.adresse?.[0]
  return {
    finessEj,
    sourceId: clean(info.pmSmsseId),
    name: clean(info.denominationPm) ?? clean(info.denominationLonguePmSmsse),
    nameLong: clean(info.denominationLonguePmSmsse),
    siren,
    legalStatus: clean(info.statutJuridique),
    apeCode,
    createdOn: report.date(info.dateCreation, field('dateCreation')),
    closedOn: closure(
      report,
      clean(pm.etatObjet),
      report.date(info.dateFermeture, field('dateFermeture')),
      pm.evenement,
      flowDate,
    ),
    communeCode: communeCode(report, a, 'adresse[0].cogCommune'),
    ...postalLine(a),
  }
}

function readSite(
  ege: Ege,
  report: Reporter,
  finessEj: string,
  flowDate: string,
): (FinessPlusSite & { swapped: boolean; sourceId: string | null }) | null {
  const info = ege.informationsGeneralesEGE
  const field = (name: string) => `informationsGeneralesEGE.${name}`
  const finessEg = report.number(info.numFinessEge.trim(), field('numFinessEge'))
  if (!finessEg) return null
  const name = clean(info.nomEgeCourt) ?? clean(info.nomEgeLong)
  if (!name) {
    report.add('rejected', 'name-missing', field('nomEgeCourt'), null, 'nom de l’établissement absent')
    return null
  }
  let siret: string | null = null
  const rawSiret = clean(info.siret)
  if (rawSiret !== null) {
    const reading = readSiret(rawSiret)
    if (reading.ok) {
      siret = reading.value
      if (reading.repaired) report.warn('siret-repaired', field('siret'), rawSiret, reading.repaired)
    } else report.warn('siret-invalid', field('siret'), rawSiret, `${reading.reason} : valeur ignorée`)
  }
  const a = ege.adresse?.[0]
  const phone = firstTelecom(ege.contact, 'telephone')
  const fax = firstTelecom(ege.contact, 'telecopie')
  const { swapped, ...position } = readPosition(report, a, 'adresse[0]', finessEg)
  const updated = clean(ege.dateDerniereMaj)?.slice(0, 10)
  const record: SiteRecord = {
    finessEg,
    finessEj,
    name,
    nameLong: clean(info.nomEgeLong),
    nameComplement: clean(info.complementDenominationEg),
    distributionComplement: clean(a?.complementPointGeographique),
    streetNumber: clean(a?.numeroVoie),
    streetType: clean(a?.typeVoie),
    streetName: clean(a?.libelleVoie),
    streetComplement: clean(a?.complementVoie),
    lieuDitBp: clean(a?.lieuDit),
    communeCode: communeCode(report, a, 'adresse[0].cogCommune'),
    ...postalLine(a),
    sourceDepartement: null,
    phone: phone && report.code(phone.value, `contact[${phone.index}].telecom.telephone`, 10),
    fax: fax && report.code(fax.value, `contact[${fax.index}].telecom.telecopie`, 10),
    categoryCode: report.code(
      ege.categorieentiteGeographiqueExercice,
      'categorieentiteGeographiqueExercice',
      3,
    ),
    // FiNESS+ gives the category alone: its aggregate is derived from the nomenclature (deriveSite).
    categoryLabel: null,
    aggregateCode: null,
    aggregateLabel: null,
    siret,
    apeCode: null,
    mftCode: report.code(ege.modefixationtarifaire, 'modefixationtarifaire', 2),
    mftLabel: null,
    sphCode: null,
    sphLabel: null,
    openedOn: report.date(info.dateOuverture, field('dateOuverture')),
    authorizedOn: report.date(info.datePremiereAutorisation, field('datePremiereAutorisation')),
    updatedOn: updated ? report.date(updated, 'dateDerniereMaj') : null,
    ...position,
    coordUpdatedOn: null,
  }
  const closedOn = closure(
    report,
    clean(ege.etatObjet),
    report.date(info.dateFermeture, field('dateFermeture')),
    ege.evenement,
    flowDate,
  )
  return { line: report.line, record, closedOn, swapped, sourceId: clean(info.egeId) }
}

function duplicate(report: Reporter, field: string, finess: string, firstLine: number, same: boolean) {
  report.add(
    same ? 'warning' : 'rejected',
    same ? 'duplicate-identical' : 'duplicate-conflict',
    field,
    finess,
    same
      ? `FINESS ${finess} déjà lu ligne ${firstLine} avec le même contenu : doublon ignoré`
      : `FINESS ${finess} déjà lu ligne ${firstLine} avec un contenu différent : ignoré, la ligne ${firstLine} est conservée`,
  )
}

// --- Groups -----------------------------------------------------------------------------------------------

interface Ids {
  entities: Map<string, LegalEntityRecord>
  sites: Map<string, string>
}

function readMembers(
  report: Reporter,
  ids: Ids,
  entityField: string,
  entityMembers: readonly z.infer<typeof entityMember>[] | null | undefined,
  siteField: string,
  siteMembers: readonly z.infer<typeof siteMember>[] | null | undefined,
): { members: GroupMember[]; membersComplete: boolean } {
  const members = new Map<string, GroupMember>()
  const unknown = (field: string, label: string, missing: string[]) => {
    if (missing.length === 0) return
    const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : '')
    report.warn(
      'group-members-unknown',
      field,
      missing.join(','),
      `${missing.length} membre(s) absent(s) de ce fichier (${label} ${shown}) : non rattaché(s), les membres déjà connus du groupe sont conservés`,
    )
  }
  const missingEntities: string[] = []
  for (const m of entityMembers ?? []) {
    const id = clean(m.pmSmsseId)
    const finess = id === null ? undefined : ids.entities.get(id)?.finessEj
    if (finess === undefined) missingEntities.push(id ?? '?')
    else if (!members.has(finess))
      members.set(finess, { finess, level: 'EJ', role: clean(m.typeRoleEntiteGroupe) })
  }
  const missingSites: string[] = []
  for (const m of siteMembers ?? []) {
    const id = clean(m.egeId)
    const finess = id === null ? undefined : ids.sites.get(id)
    if (finess === undefined) missingSites.push(id ?? '?')
    else if (!members.has(finess))
      members.set(finess, { finess, level: 'EG', role: clean(m.typeRoleEntiteGroupe) })
  }
  unknown(entityField, 'pmSmsseId', missingEntities)
  unknown(siteField, 'egeId', missingSites)
  return {
    members: [...members.values()],
    membersComplete: missingEntities.length === 0 && missingSites.length === 0,
  }
}

function readGroups(flow: Flow, lines: Map<string, number>, issues: RowIssue[], ids: Ids): GroupRecord[] {
  const groups = new Map<string, GroupRecord>()
  const add = (report: Reporter, group: GroupRecord, idField: string) => {
    if (groups.has(group.id))
      report.add('rejected', 'duplicate-group', idField, group.id, `groupe ${group.id} déjà lu : ignoré`)
    else groups.set(group.id, group)
  }
  ;(flow.gcc ?? []).forEach((g, i) => {
    const path = `gcc[${i}]`
    const report = new Reporter(issues, lines.get(path) ?? 0, path)
    const id = clean(g.gccId)
    if (id === null) return report.add('rejected', 'group-id-missing', 'gccId', null, 'identifiant absent')
    add(
      report,
      {
        id: `gcc:${id}`,
        kind: 'gcc',
        typeCode: clean(g.typeGcc),
        name: clean(g.nomGcc),
        externalId: clean(g.gccIdentifiantExterne),
        state: clean(g.etatObjet),
        ...readMembers(report, ids, 'pmejDuGcc', g.pmejDuGcc, 'egeDuGcc', g.egeDuGcc),
      },
      'gccId',
    )
  })
  ;(flow.gco ?? []).forEach((g, i) => {
    const path = `gco[${i}]`
    const report = new Reporter(issues, lines.get(path) ?? 0, path)
    const id = clean(g.pmSmsseId)
    if (id === null)
      return report.add('rejected', 'group-id-missing', 'pmSmsseId', null, 'identifiant absent')
    // A gco is itself a legal entity: its name and FINESS are those of the entity, when the file has it.
    const entity = ids.entities.get(id)
    add(
      report,
      {
        id: `gco:${id}`,
        kind: 'gco',
        typeCode: clean(g.typeGco),
        name: entity?.name ?? null,
        externalId: entity?.finessEj ?? null,
        state: null,
        ...readMembers(report, ids, 'pmejDuGco', g.pmejDuGco, 'egeDuGco', g.egeDuGco),
      },
      'pmSmsseId',
    )
  })
  return [...groups.values()]
}

// --- The file ---------------------------------------------------------------------------------------------

export function parseFinessPlus(fileName: string, raw: Uint8Array): FinessPlusFlow {
  const { text: source, encoding, gzipped } = decodeTextFile(fileName, raw)
  const data = parseJson(fileName, source)
  const lines = objectLines(source)
  const flow = checkShape(fileName, data, lines)
  const { extractDate } = readHeader(fileName, source, flow)

  const issues: RowIssue[] = []
  const entities = new Map<string, LegalEntityRecord & { line: number; signature: string }>()
  const sites = new Map<string, FinessPlusSite & { signature: string }>()
  const ids: Ids = { entities: new Map(), sites: new Map() }
  let swapped = 0
  let firstSwapped: number | null = null

  flow.pmej.forEach((pm, i) => {
    const path = `pmej[${i}]`
    const report = new Reporter(issues, lines.get(path) ?? 0, path)
    const entity = readLegalEntity(pm, report, extractDate)
    if (entity) {
      const { ege: _sites, ...own } = pm
      const signature = JSON.stringify(own)
      const previous = entities.get(entity.finessEj)
      if (!previous) {
        entities.set(entity.finessEj, { ...entity, line: report.line, signature })
        if (entity.sourceId !== null) ids.entities.set(entity.sourceId, entity)
      } else
        duplicate(
          report,
          'informationsGeneralesPMEJ.numFinessPm',
          entity.finessEj,
          previous.line,
          previous.signature === signature,
        )
    }
    ;(pm.ege ?? []).forEach((ege, j) => {
      const egePath = `${path}.ege[${j}]`
      const siteReport = new Reporter(issues, lines.get(egePath) ?? 0, egePath)
      if (!entity) {
        siteReport.add(
          'rejected',
          'legal-entity-rejected',
          'informationsGeneralesEGE.numFinessEge',
          clean(ege.informationsGeneralesEGE.numFinessEge),
          `l'entité juridique ${path} est rejetée : établissement ignoré`,
        )
        return
      }
      const read = readSite(ege, siteReport, entity.finessEj, extractDate)
      if (!read) return
      const signature = JSON.stringify(ege)
      const previous = sites.get(read.record.finessEg)
      if (previous) {
        duplicate(
          siteReport,
          'informationsGeneralesEGE.numFinessEge',
          read.record.finessEg,
          previous.line ?? 0,
          previous.signature === signature && previous.record.finessEj === entity.finessEj,
        )
        return
      }
      const { swapped: wasSwapped, sourceId, ...kept } = read
      sites.set(read.record.finessEg, { ...kept, signature })
      if (sourceId !== null) ids.sites.set(sourceId, read.record.finessEg)
      if (wasSwapped) {
        swapped++
        firstSwapped ??= siteReport.line
      }
      if (entity.closedOn !== null && read.closedOn === null)
        siteReport.warn(
          'legal-entity-closed',
          'etatObjet',
          clean(ege.etatObjet),
          `établissement actif alors que son entité juridique ${entity.finessEj} (${path}) est fermée depuis le ${entity.closedOn} : gardé ouvert, comme le dit le flux`,
        )
      if (!departementFromFiness(read.record.finessEg))
        siteReport.warn(
          'departement-unknown',
          'informationsGeneralesEGE.numFinessEge',
          read.record.finessEg,
          `le début du numéro ${read.record.finessEg} ne correspond à aucun département connu`,
        )
    })
  })
  if (swapped > 0) {
    // One issue for the file rather than one per site: the whole flow is written that way.
    issues.push({
      line: firstSwapped ?? 0,
      severity: 'warning',
      code: 'coordinates-swapped',
      field: 'adresse[].coordonneesGeographique',
      finess: null,
      value: String(swapped),
      message: `coordonneeX contient l'ordonnée (nord, plus de 6 000 000 m) et coordonneeY l'abscisse pour ${swapped} établissement(s) : X et Y remis dans l'ordre`,
    })
  }

  return {
    schemaVersion: flow.schemaVersion.trim(),
    generatedAt: flow.generatedAt.trim(),
    extractDate,
    encoding,
    gzipped,
    lineCount: countLines(source),
    legalEntities: [...entities.values()].map(({ line: _line, signature: _signature, ...e }) => e),
    sites: [...sites.values()].map(({ signature: _signature, ...s }) => s),
    groups: readGroups(flow, lines, issues, ids),
    issues: sortIssues(issues),
  }
}
