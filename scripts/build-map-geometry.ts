// Builds src/web/map/france-geometry.json, the shapes of the map page (issue 7 §2): the départements and the
// régions, simplified and rounded so that the asset stays small, with the five overseas départements moved
// into insets west of Brittany (the source files have them at their true place, thousands of kilometres
// away, which would leave metropolitan France a dot). The asset is committed: the web build does not need
// ../shared. Source: ../shared/data/geo (Etalab's "contours des départements / régions avec outre-mer").
//   node --import tsx scripts/build-map-geometry.ts [--geo-dir DIR]
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import simplify from '@turf/simplify'
import { parse } from 'csv-parse/sync'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'

const geoDir = process.argv.includes('--geo-dir')
  ? (process.argv[process.argv.indexOf('--geo-dir') + 1] ?? '')
  : new URL('../../shared/data/geo/', import.meta.url).pathname
const OUT = new URL('../src/web/map/france-geometry.json', import.meta.url).pathname

/** About 1 km: borders stay recognisable at the size of a page, the file stays well under 300 kB. */
const TOLERANCE = 0.02
const DECIMALS = 3

/** The overseas départements' insets, top to bottom, and the région each one is. */
const INSETS = [
  { departement: '971', region: '01' },
  { departement: '972', region: '02' },
  { departement: '973', region: '03' },
  { departement: '974', region: '04' },
  { departement: '976', region: '06' },
] as const
/** The column of insets: west of Brittany, each box as tall as a fifth of metropolitan France. */
const INSET_BOX = { west: -9.6, east: -6.6, north: 51, height: 1.9, gap: 0.15 }
/** ECharts draws longitude and latitude alike at the metropole's latitude: an inset keeps its shape there. */
const MAP_LATITUDE = 46.5

type Shape = Polygon | MultiPolygon
interface Properties {
  code: string
  nom: string
}

const read = (file: string) =>
  JSON.parse(readFileSync(join(geoDir, file), 'utf8')) as FeatureCollection<Shape, Properties>

const positions = (shape: Shape): Position[] =>
  shape.type === 'Polygon' ? shape.coordinates.flat() : shape.coordinates.flat(2)

function mapShape(shape: Shape, move: (p: Position) => Position): Shape {
  const ring = (r: Position[]) => r.map(move)
  return shape.type === 'Polygon'
    ? { type: 'Polygon', coordinates: shape.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: shape.coordinates.map((poly) => poly.map(ring)) }
}

/** Scales and moves a territory into its box, centred, keeping its proportions at its own latitude. */
function intoInset(shape: Shape, index: number): Shape {
  const all = positions(shape)
  const xs = all.map((p) => p[0] as number)
  const ys = all.map((p) => p[1] as number)
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  const stretch = Math.cos(((minY + maxY) / 2) * (Math.PI / 180)) / Math.cos(MAP_LATITUDE * (Math.PI / 180))
  const width = (maxX - minX) * stretch
  const height = maxY - minY
  const boxWidth = INSET_BOX.east - INSET_BOX.west
  const scale = Math.min(boxWidth / width, INSET_BOX.height / height) * 0.9
  const top = INSET_BOX.north - index * (INSET_BOX.height + INSET_BOX.gap)
  const centre = [INSET_BOX.west + boxWidth / 2, top - INSET_BOX.height / 2] as const
  return mapShape(shape, ([x = 0, y = 0]) => [
    centre[0] + (x - (minX + maxX) / 2) * stretch * scale,
    centre[1] + (y - (minY + maxY) / 2) * scale,
  ])
}

const round = (shape: Shape): Shape => {
  const factor = 10 ** DECIMALS
  return mapShape(shape, ([x = 0, y = 0]) => [
    Math.round(x * factor) / factor,
    Math.round(y * factor) / factor,
  ])
}

/**
 * Simplified first (at the true scale, so that every territory loses detail alike), then moved into its
 * inset, then rounded; rings that rounding collapsed to fewer than four points are dropped.
 */
function prepare(feature: Feature<Shape, Properties>, inset: number): Shape {
  const simple = simplify(feature, { tolerance: TOLERANCE, highQuality: true }).geometry
  const shape = round(inset >= 0 ? intoInset(simple, inset) : simple)
  const keep = (ring: Position[]) => new Set(ring.map((p) => p.join(','))).size >= 3
  if (shape.type === 'Polygon') return { type: 'Polygon', coordinates: shape.coordinates.filter(keep) }
  const polygons = shape.coordinates.map((poly) => poly.filter(keep)).filter((poly) => poly.length > 0)
  return { type: 'MultiPolygon', coordinates: polygons }
}

const names = parse(readFileSync(join(geoDir, 'departements-france.csv')), {
  columns: true,
  bom: true,
}) as Record<string, string>[]
const regionOf = new Map(names.map((r) => [r['Code du département'] ?? '', r.code_region ?? '']))

const departements = read('departements-avec-outre-mer.geojson').features.map((f) => {
  const region = regionOf.get(f.properties.code)
  if (!region) throw new Error(`département ${f.properties.code} absent de departements-france.csv`)
  return {
    type: 'Feature' as const,
    properties: { code: f.properties.code, name: f.properties.nom, region },
    geometry: prepare(
      f,
      INSETS.findIndex((i) => i.departement === f.properties.code),
    ),
  }
})
const regions = read('regions-avec-outre-mer.geojson').features.map((f) => ({
  type: 'Feature' as const,
  properties: { code: f.properties.code, name: f.properties.nom },
  geometry: prepare(
    f,
    INSETS.findIndex((i) => i.region === f.properties.code),
  ),
}))
if (departements.length !== 101 || regions.length !== 18)
  throw new Error(`attendu 101 départements et 18 régions, lu ${departements.length} et ${regions.length}`)

const asset = {
  source: 'Etalab, contours des départements et régions avec outre-mer (../shared/data/geo)',
  made: 'node --import tsx scripts/build-map-geometry.ts',
  /** Each inset's box: west, south, east, north (degrees on the map, not on the Earth). */
  insets: INSETS.map((i, index) => {
    const top = INSET_BOX.north - index * (INSET_BOX.height + INSET_BOX.gap)
    const box = [INSET_BOX.west, top - INSET_BOX.height, INSET_BOX.east, top]
    return { ...i, box: box.map((b) => Number(b.toFixed(2))) }
  }),
  departement: { type: 'FeatureCollection', features: departements },
  region: { type: 'FeatureCollection', features: regions },
}
writeFileSync(OUT, `${JSON.stringify(asset)}\n`)
console.log(`${OUT}: ${Math.round(Buffer.byteLength(JSON.stringify(asset)) / 1000)} kB`)
