// One etalab record → one SiteRecord (structureet) or coordinates on it (geolocalisation), with an issue
// for every rejected row and every repaired or doubtful field.
import type { SiteRecord } from '../../domain/structure'
import { departementFromFiness } from '../../domain/finess'
import type { RowIssue } from '../source-error'
import {
  finessKeyWarning,
  readDate,
  readDecimal,
  readFiness,
  readPaddedCode,
  readSiret,
} from '../field-repairs'
import { projectionFor, toWgs84 } from './coordinates'
import {
  ETALAB_OVERSEAS_DEPARTEMENTS,
  FIELD_LABELS,
  GEOLOCATION_FIELDS,
  STRUCTURE_FIELDS,
  type GeolocationField,
  type StructureField,
} from './etalab-layout'

export interface RowContext {
  issues: RowIssue[]
  extractDate: string
}

type Field = StructureField | GeolocationField

function issue(
  ctx: RowContext,
  line: number,
  severity: RowIssue['severity'],
  code: string,
  field: Field | null,
  finess: string | null,
  value: string | null,
  detail: string,
): void {
  const where = field ? `${FIELD_LABELS[field]} : ` : ''
  ctx.issues.push({ line, severity, code, field, finess, value, message: `${where}${detail}` })
}

/** Checks the field count: a row with the wrong number of fields is shifted and cannot be trusted. */
function hasFieldCount(
  ctx: RowContext,
  cells: string[],
  expected: number,
  line: number,
  tag: string,
): boolean {
  // Published files end every record with `;`, which yields one empty trailing field.
  const count = cells.length === expected + 1 && cells[expected] === '' ? expected : cells.length
  if (count === expected) return true
  const finess = cells[0] || null
  const detail = `${count} champs au lieu de ${expected} dans l'enregistrement ${tag}`
  issue(
    ctx,
    line,
    'rejected',
    count < expected ? 'too-few-fields' : 'too-many-fields',
    null,
    finess,
    null,
    detail,
  )
  return false
}

function readNumber(ctx: RowContext, raw: string, field: Field, line: number): string | null {
  const reading = readFiness(raw)
  if (!reading.ok) {
    issue(ctx, line, 'rejected', 'finess-invalid', field, raw || null, raw, reading.reason)
    return null
  }
  if (reading.repaired)
    issue(ctx, line, 'warning', 'finess-repaired', field, reading.value, raw, reading.repaired)
  const keyWarning = finessKeyWarning(reading.value)
  if (keyWarning) issue(ctx, line, 'warning', 'finess-key', field, reading.value, raw, keyWarning)
  return reading.value
}

export function readEtalabStructure(cells: string[], line: number, ctx: RowContext): SiteRecord | null {
  if (!hasFieldCount(ctx, cells, STRUCTURE_FIELDS.length, line, 'structureet')) return null
  const f = Object.fromEntries(STRUCTURE_FIELDS.map((name, i) => [name, cells[i] ?? ''])) as Record<
    StructureField,
    string
  >
  const finessEg = readNumber(ctx, f.nofinesset, 'nofinesset', line)
  if (!finessEg) return null
  const finessEj = readNumber(ctx, f.nofinessej, 'nofinessej', line)
  if (!finessEj) return null
  const name = f.rs || f.rslongue
  if (!name) {
    issue(ctx, line, 'rejected', 'name-missing', 'rs', finessEg, null, 'raison sociale absente')
    return null
  }

  const optional = (value: string): string | null => (value === '' ? null : value)
  const warn = (code: string, field: StructureField, detail: string) =>
    issue(ctx, line, 'warning', code, field, finessEg, f[field], detail)

  const code = (field: StructureField, length: number): string | null => {
    if (f[field] === '') return null
    const reading = readPaddedCode(f[field], length)
    if (!reading.ok) {
      warn('code-invalid', field, `${reading.reason} : valeur ignorée`)
      return null
    }
    if (reading.repaired) warn('code-repaired', field, reading.repaired)
    return reading.value
  }
  const date = (field: StructureField): string | null => {
    if (f[field] === '') return null
    const reading = readDate(f[field])
    if (!reading.ok) {
      warn('date-invalid', field, `${reading.reason} : valeur ignorée`)
      return null
    }
    if (reading.repaired) warn('date-repaired', field, reading.repaired)
    return reading.value
  }
  let siret: string | null = null
  if (f.siret !== '') {
    const reading = readSiret(f.siret)
    if (reading.ok) {
      siret = reading.value
      if (reading.repaired) warn('siret-repaired', 'siret', reading.repaired)
    } else {
      warn('siret-invalid', 'siret', `${reading.reason} : valeur ignorée`)
    }
  }

  const departement = departementFromFiness(finessEg)
  const sourceDepartement = f.departement === '' ? null : f.departement.padStart(2, '0')
  const fileDepartement =
    sourceDepartement && (ETALAB_OVERSEAS_DEPARTEMENTS[sourceDepartement] ?? sourceDepartement)
  if (departement && fileDepartement && fileDepartement !== departement) {
    warn(
      'departement-mismatch',
      'departement',
      `le fichier indique ${sourceDepartement}, le numéro FINESS donne ${departement} : le numéro fait foi`,
    )
  }
  const commune = code('commune', 3)
  const inseePrefix = fileDepartement?.startsWith('97') ? '97' : fileDepartement
  const acheminement = /^([0-9]{5}) (.*)$/.exec(f.ligneacheminement)
  if (!acheminement && f.ligneacheminement !== '') {
    warn('routing-invalid', 'ligneacheminement', 'attendu « code postal (5 chiffres) + commune »')
  }

  return {
    finessEg,
    finessEj,
    name,
    nameLong: optional(f.rslongue),
    nameComplement: optional(f.complrs),
    distributionComplement: optional(f.compldistrib),
    streetNumber: optional(f.numvoie),
    streetType: optional(f.typvoie),
    streetName: optional(f.voie),
    streetComplement: optional(f.compvoie),
    lieuDitBp: optional(f.lieuditbp),
    communeCode: commune && inseePrefix ? `${inseePrefix}${commune}`.slice(-5).padStart(5, '0') : null,
    postalCode: acheminement?.[1] ?? null,
    city: acheminement ? acheminement[2] || null : optional(f.ligneacheminement),
    sourceDepartement,
    phone: code('telephone', 10),
    fax: code('telecopie', 10),
    categoryCode: code('categetab', 3),
    categoryLabel: optional(f.libcategetab),
    aggregateCode: code('categagretab', 4),
    aggregateLabel: optional(f.libcategagretab),
    siret,
    apeCode: optional(f.codeape),
    mftCode: code('codemft', 2),
    mftLabel: optional(f.libmft),
    sphCode: optional(f.codesph),
    sphLabel: optional(f.libsph),
    openedOn: date('dateouv'),
    authorizedOn: date('dateautor'),
    updatedOn: date('datemaj'),
    coordX: null,
    coordY: null,
    coordSource: null,
    coordUpdatedOn: null,
    latitude: null,
    longitude: null,
  }
}

/** Sets the coordinates of a site read earlier in the file. */
export function readEtalabGeolocation(
  cells: string[],
  line: number,
  ctx: RowContext,
  siteOf: (finess: string) => SiteRecord | undefined,
): void {
  if (!hasFieldCount(ctx, cells, GEOLOCATION_FIELDS.length, line, 'geolocalisation')) return
  const [rawFiness = '', rawX = '', rawY = '', source = '', rawDate = ''] = cells
  const finess = readNumber(ctx, rawFiness, 'nofinesset', line)
  if (!finess) return
  const site = siteOf(finess)
  const warn = (code: string, field: GeolocationField | null, value: string | null, detail: string) =>
    issue(ctx, line, 'warning', code, field, finess, value, detail)
  if (!site)
    return warn(
      'geolocation-orphan',
      'nofinesset',
      rawFiness,
      `aucun établissement ${finess} dans le fichier`,
    )
  if (site.coordX !== null)
    return warn('geolocation-duplicate', 'nofinesset', rawFiness, 'coordonnées déjà lues : ignorées')
  if (rawX === '' && rawY === '') return
  const x = readDecimal(rawX)
  const y = readDecimal(rawY)
  if (x === null || y === null) {
    return warn(
      'coordinates-invalid',
      x === null ? 'coordxet' : 'coordyet',
      `${rawX};${rawY}`,
      'coordonnée non numérique : ignorée',
    )
  }
  const projection = projectionFor(source, departementFromFiness(finess))
  const { latitude, longitude } = toWgs84(x, y, projection)
  // Lambert-93 covers metropolitan France only: a point that projects outside it is a swapped or wrong pair.
  const plausible =
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) < 60 &&
    Math.abs(longitude) < 180
  site.coordX = x
  site.coordY = y
  site.coordSource = source || null
  site.coordUpdatedOn = rawDate && readDate(rawDate).ok ? rawDate : null
  if (
    plausible &&
    !(projection === 'LAMBERT_93' && (latitude < 41 || latitude > 51.5 || longitude < -5.5 || longitude > 10))
  ) {
    site.latitude = latitude
    site.longitude = longitude
  } else {
    warn(
      'coordinates-implausible',
      'coordxet',
      `${rawX};${rawY}`,
      `coordonnées hors du territoire en ${projection} : latitude/longitude non calculées`,
    )
  }
}
