// The position of a site in a flow: source X/Y and WGS84 latitude/longitude. The published example writes the
// Lambert-93 northing in `coordonneeX` and the easting in `coordonneeY`: such a pair is put back in order, and
// the file gets one warning for all its swapped pairs.
import { departementFromFiness } from '../../../domain/finess'
import { readDecimal } from '../../field-repairs'
import type { RowIssue } from '../../source-error'
import { projectionFor, toWgs84 } from '../coordinates'
import { clean, type Reporter } from './reporter'
import type { Address } from './schema'

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
export function readPosition(
  report: Reporter,
  a: Address | undefined,
  field: string,
  finess: string,
): Position {
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

/**
 * One issue for the file rather than one per site: the whole flow is written that way. `firstLine` is the
 * line of the first swapped site.
 */
export function swappedIssue(count: number, firstLine: number | null): RowIssue {
  return {
    line: firstLine ?? 0,
    severity: 'warning',
    code: 'coordinates-swapped',
    field: 'adresse[].coordonneesGeographique',
    finess: null,
    value: String(count),
    message: `coordonneeX contient l'ordonnée (nord, plus de 6 000 000 m) et coordonneeY l'abscisse pour ${count} établissement(s) : X et Y remis dans l'ordre`,
  }
}
