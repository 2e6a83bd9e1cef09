// One etalab record → one SiteRecord (structureet) or coordinates on it (geolocalisation), with an issue
// for every rejected row and every repaired or doubtful field.
import { NO_POSITION, type SiteRecord } from '../../domain/structure'
import { departementFromFiness } from '../../domain/finess'
import type { RowIssue } from '../source-error'
import {
  finessKeyWarning,
  readDate,
  readDecimal,
  readFiness,
  readPaddedCode,
  readSiret,
  type FieldReading,
} from '../field-repairs'
import { isPlausiblePosition, projectionFor, toWgs84 } from './coordinates'
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

const ROUTING_LINE = /^([0-9]{5}) (.*)$/
const FIELD_INDEX = Object.fromEntries(STRUCTURE_FIELDS.map((name, i) => [name, i])) as Record<
  StructureField,
  number
>

/**
 * The fields of one structureet record, read with their repairs and warnings. A class rather than closures:
 * it is built 100 000 times per national file, and its methods are shared.
 */
class StructureRow {
  constructor(
    private readonly cells: string[],
    private readonly line: number,
    private readonly ctx: RowContext,
    private readonly finess: string,
  ) {}

  get(name: StructureField): string {
    return this.cells[FIELD_INDEX[name]] ?? ''
  }

  optional(name: StructureField): string | null {
    const value = this.get(name)
    return value === '' ? null : value
  }

  warn(code: string, field: StructureField, detail: string): void {
    issue(this.ctx, this.line, 'warning', code, field, this.finess, this.get(field), detail)
  }

  /** A value read by `read`, null when empty or unreadable (with a warning), repaired with a warning. */
  repaired(
    field: StructureField,
    kind: string,
    read: (raw: string) => FieldReading<string | null>,
  ): string | null {
    const raw = this.get(field)
    if (raw === '') return null
    const reading = read(raw)
    if (!reading.ok) {
      this.warn(`${kind}-invalid`, field, `${reading.reason} : valeur ignorée`)
      return null
    }
    if (reading.repaired) this.warn(`${kind}-repaired`, field, reading.repaired)
    return reading.value
  }

  code(field: StructureField, length: number): string | null {
    return this.repaired(field, 'code', (raw) => readPaddedCode(raw, length))
  }

  date(field: StructureField): string | null {
    return this.repaired(field, 'date', readDate)
  }
}

export function readEtalabStructure(cells: string[], line: number, ctx: RowContext): SiteRecord | null {
  if (!hasFieldCount(ctx, cells, STRUCTURE_FIELDS.length, line, 'structureet')) return null
  const finessEg = readNumber(ctx, cells[FIELD_INDEX.nofinesset] ?? '', 'nofinesset', line)
  if (!finessEg) return null
  const finessEj = readNumber(ctx, cells[FIELD_INDEX.nofinessej] ?? '', 'nofinessej', line)
  if (!finessEj) return null
  const row = new StructureRow(cells, line, ctx, finessEg)
  const name = row.get('rs') || row.get('rslongue')
  if (!name) {
    issue(ctx, line, 'rejected', 'name-missing', 'rs', finessEg, null, 'raison sociale absente')
    return null
  }

  const departement = departementFromFiness(finessEg)
  const sourceDepartement = row.get('departement') === '' ? null : row.get('departement').padStart(2, '0')
  const fileDepartement =
    sourceDepartement && (ETALAB_OVERSEAS_DEPARTEMENTS[sourceDepartement] ?? sourceDepartement)
  if (departement && fileDepartement && fileDepartement !== departement) {
    row.warn(
      'departement-mismatch',
      'departement',
      `le fichier indique ${sourceDepartement}, le numéro FINESS donne ${departement} : le numéro fait foi`,
    )
  }
  const commune = row.code('commune', 3)
  // Overseas, the INSEE commune code is the first two digits of the département (97, 98) then the commune's
  // three, which begin with the département's third digit: 97101 in 971, 98613 in 986.
  const inseePrefix =
    fileDepartement && /^9[78]/.test(fileDepartement) ? fileDepartement.slice(0, 2) : fileDepartement
  const routing = row.get('ligneacheminement')
  const acheminement = ROUTING_LINE.exec(routing)
  if (!acheminement && routing !== '') {
    row.warn('routing-invalid', 'ligneacheminement', 'attendu « code postal (5 chiffres) + commune »')
  }

  return {
    finessEg,
    finessEj,
    name,
    nameLong: row.optional('rslongue'),
    nameComplement: row.optional('complrs'),
    distributionComplement: row.optional('compldistrib'),
    streetNumber: row.optional('numvoie'),
    streetType: row.optional('typvoie'),
    streetName: row.optional('voie'),
    streetComplement: row.optional('compvoie'),
    lieuDitBp: row.optional('lieuditbp'),
    communeCode: commune && inseePrefix ? `${inseePrefix}${commune}`.slice(-5).padStart(5, '0') : null,
    postalCode: acheminement?.[1] ?? null,
    city: acheminement ? acheminement[2] || null : row.optional('ligneacheminement'),
    sourceDepartement,
    phone: row.code('telephone', 10),
    fax: row.code('telecopie', 10),
    categoryCode: row.code('categetab', 3),
    categoryLabel: row.optional('libcategetab'),
    aggregateCode: row.code('categagretab', 4),
    aggregateLabel: row.optional('libcategagretab'),
    siret: row.repaired('siret', 'siret', readSiret),
    apeCode: row.optional('codeape'),
    mftCode: row.code('codemft', 2),
    mftLabel: row.optional('libmft'),
    sphCode: row.optional('codesph'),
    sphLabel: row.optional('libsph'),
    openedOn: row.date('dateouv'),
    authorizedOn: row.date('dateautor'),
    updatedOn: row.date('datemaj'),
    ...NO_POSITION,
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
  site.coordX = x
  site.coordY = y
  site.coordSource = source || null
  site.coordUpdatedOn = rawDate && readDate(rawDate).ok ? rawDate : null
  if (isPlausiblePosition(latitude, longitude, projection)) {
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
