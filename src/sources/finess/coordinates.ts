// Source coordinates of the FINESS extract: Lambert-93 in metropolitan France, UTM overseas. Jalon keeps them
// as published and adds WGS84 latitude/longitude for maps.
import proj4 from 'proj4'

export type Projection = 'LAMBERT_93' | 'UTM_N20' | 'UTM_N21' | 'UTM_N22' | 'UTM_S38' | 'UTM_S40' | 'UTM_S1'

const PROJ_DEFS: Record<Projection, string> = {
  LAMBERT_93:
    '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  UTM_N20: '+proj=utm +zone=20 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  UTM_N21: '+proj=utm +zone=21 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  UTM_N22: '+proj=utm +zone=22 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  UTM_S38: '+proj=utm +zone=38 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  UTM_S40: '+proj=utm +zone=40 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  UTM_S1: '+proj=utm +zone=1 +south +ellps=WGS84 +units=m +no_defs',
}
const WGS84 = 'EPSG:4326'

/** The projection each territory's coordinates are published in, when the source string does not say. */
const PROJECTION_BY_DEPARTEMENT: Record<string, Projection> = {
  '971': 'UTM_N20',
  '972': 'UTM_N20',
  '973': 'UTM_N22',
  '974': 'UTM_S40',
  '975': 'UTM_N21',
  '976': 'UTM_S38',
  '986': 'UTM_S1',
}

const PROJECTIONS = Object.keys(PROJ_DEFS) as Projection[]
// A national extract repeats a handful of source strings 100 000 times.
const namedInSource = new Map<string, Projection | undefined>()

export function projectionFor(source: string | null, departement: string | null): Projection {
  let named: Projection | undefined
  if (source) {
    if (!namedInSource.has(source)) {
      namedInSource.set(
        source,
        PROJECTIONS.find((p) => source.toUpperCase().includes(p)),
      )
    }
    named = namedInSource.get(source)
  }
  if (named) return named
  return (departement && PROJECTION_BY_DEPARTEMENT[departement]) || 'LAMBERT_93'
}

// proj4 parses its definition strings on every call given strings: build each converter once.
const converters = new Map<Projection, proj4.Converter>()
function converter(projection: Projection): proj4.Converter {
  let c = converters.get(projection)
  if (!c) {
    c = proj4(PROJ_DEFS[projection], WGS84)
    converters.set(projection, c)
  }
  return c
}

export function toWgs84(
  x: number,
  y: number,
  projection: Projection,
): { latitude: number; longitude: number } {
  const [longitude, latitude] = converter(projection).forward([x, y]) as [number, number]
  return { latitude, longitude }
}

export function fromWgs84(
  latitude: number,
  longitude: number,
  projection: Projection,
): { x: number; y: number } {
  const [x, y] = converter(projection).inverse([longitude, latitude]) as [number, number]
  return { x, y }
}

/**
 * Whether a projected point falls where its projection is used: metropolitan France and Corsica for
 * Lambert-93, the southern or northern hemisphere for UTM. A swapped or garbled pair does not.
 */
export function isPlausiblePosition(latitude: number, longitude: number, projection: Projection): boolean {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return false
  if (projection === 'LAMBERT_93')
    return latitude > 41 && latitude < 51.5 && longitude > -5.5 && longitude < 10
  return projection.startsWith('UTM_S') ? latitude < 0 && latitude > -60 : latitude > 0 && latitude < 60
}
