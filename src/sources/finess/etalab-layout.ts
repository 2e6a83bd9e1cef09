// The FINESS open-data extract `etalab-cs1100507-stock-*.csv`, as the DREES layout describes it
// (../shared/data/finess/etalab-format/format_etalabcs1100507.csv): a comment line
// `finess;etalab;<N>;<YYYY-MM-DD>`, then `structureet` records, then `geolocalisation` records.
// Published files end each record with a trailing `;` and quote a field (RFC 4180) when it holds a quote.

export const STRUCTURE_TAG = 'structureet'
export const GEOLOCATION_TAG = 'geolocalisation'

/** Fields of a `structureet` record after its tag, in file order (XML names of the layout). */
export const STRUCTURE_FIELDS = [
  'nofinesset',
  'nofinessej',
  'rs',
  'rslongue',
  'complrs',
  'compldistrib',
  'numvoie',
  'typvoie',
  'voie',
  'compvoie',
  'lieuditbp',
  'commune',
  'departement',
  'libdepartement',
  'ligneacheminement',
  'telephone',
  'telecopie',
  'categetab',
  'libcategetab',
  'categagretab',
  'libcategagretab',
  'siret',
  'codeape',
  'codemft',
  'libmft',
  'codesph',
  'libsph',
  'dateouv',
  'dateautor',
  'datemaj',
] as const
export type StructureField = (typeof STRUCTURE_FIELDS)[number]

/** Fields of a `geolocalisation` record after its tag. */
export const GEOLOCATION_FIELDS = ['nofinesset', 'coordxet', 'coordyet', 'sourcecoordet', 'datemaj'] as const
export type GeolocationField = (typeof GEOLOCATION_FIELDS)[number]

/** French labels of the fields, for messages that name the field as the layout does. */
export const FIELD_LABELS: Record<StructureField | GeolocationField, string> = {
  nofinesset: 'Numéro FINESS ET',
  nofinessej: 'Numéro FINESS EJ',
  rs: 'Raison sociale',
  rslongue: 'Raison sociale longue',
  complrs: 'Complément de raison sociale',
  compldistrib: 'Complément de distribution',
  numvoie: 'Numéro de voie',
  typvoie: 'Type de voie',
  voie: 'Libellé de voie',
  compvoie: 'Complément de voie',
  lieuditbp: 'Lieu-dit / BP',
  commune: 'Code Commune',
  departement: 'Département',
  libdepartement: 'Libellé département',
  ligneacheminement: "Ligne d'acheminement",
  telephone: 'Téléphone',
  telecopie: 'Télécopie',
  categetab: "Catégorie d'établissement",
  libcategetab: "Libellé catégorie d'établissement",
  categagretab: "Catégorie d'agrégat d'établissement",
  libcategagretab: "Libellé catégorie d'agrégat d'établissement",
  siret: 'Numéro de SIRET',
  codeape: 'Code APE',
  codemft: 'Code MFT',
  libmft: 'Libellé MFT',
  codesph: 'Code SPH',
  libsph: 'Libellé SPH',
  dateouv: "Date d'ouverture",
  dateautor: "Date d'autorisation",
  datemaj: 'Date de mise à jour',
  coordxet: 'Coordonnée X',
  coordyet: 'Coordonnée Y',
  sourcecoordet: 'Source des coordonnées',
}

/** The etalab file's own département column writes overseas as `9A`…`9J`: this is its INSEE meaning. */
export const ETALAB_OVERSEAS_DEPARTEMENTS: Record<string, string> = {
  '9A': '971',
  '9B': '972',
  '9C': '973',
  '9D': '974',
  '9E': '975',
  '9F': '976',
  '9J': '986',
}

export const HEADER_PATTERN = /^finess;etalab;([0-9]+);([0-9]{4}-[0-9]{2}-[0-9]{2});?$/
