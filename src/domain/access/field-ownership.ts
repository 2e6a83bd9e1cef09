// Who fills each tracked field, as one declarative table (seed 002's "Responsable de la complétude"): the
// national teams own the grey columns, fed by their monthly files; the region owns the yellow ones, typed
// by hand; an establishment owns what it declares about itself. The rules engine owns what it computes.
import { findIndicator } from '../observations/indicators'
import { DERIVED_INDICATORS } from '../observations/derived-indicators'

export type FieldOwner = 'national' | 'regional' | 'establishment'

/** How a value arrives: a national source file, a person typing it, or the rules engine. */
export type FieldEntry = 'import' | 'manual' | 'computed'

export interface FieldOwnership {
  owner: FieldOwner
  entry: FieldEntry
  /** As the tracker's methodology tab says it. */
  responsible: string
}

export const FIELD_OWNER_LABELS: Readonly<Record<FieldOwner, string>> = {
  national: 'National (colonnes grises)',
  regional: 'Région (colonnes jaunes)',
  establishment: 'Établissement',
}

const NATIONAL_IMPORT = (responsible: string): FieldOwnership => ({
  owner: 'national',
  entry: 'import',
  responsible,
})

/**
 * By indicator code first, then by code prefix (the part before the first dot). Every indicator of the
 * catalogue must resolve (field-ownership.test.ts fails otherwise).
 */
const BY_CODE: Readonly<Record<string, FieldOwnership>> = {
  'identite.es-pilote-mes': { owner: 'national', entry: 'manual', responsible: 'ANS' },
  'identite.candidat-sun-es': { owner: 'national', entry: 'manual', responsible: 'ANS' },
  'identite.commentaire': { owner: 'regional', entry: 'manual', responsible: 'Région' },
  // Seed 002: "La région complète avec les informations dont elle dispose" (INSi, yellow column AE).
  'insi.organisation': { owner: 'regional', entry: 'manual', responsible: 'Région' },
}

const BY_PREFIX: Readonly<Record<string, FieldOwnership>> = {
  suivi: { owner: 'regional', entry: 'manual', responsible: 'Région' },
  etablissement: { owner: 'establishment', entry: 'manual', responsible: 'Établissement' },
  segur: NATIONAL_IMPORT('ANS (fichier ASP)'),
  insi: NATIONAL_IMPORT('ANS (GIE SESAM-Vitale)'),
  mss: NATIONAL_IMPORT('ANS (rapport MSSanté)'),
  dmp: NATIONAL_IMPORT('Cnam / ANS'),
  'sun-es': NATIONAL_IMPORT('ANS (oSIS)'),
  hopen2: NATIONAL_IMPORT('DGOS (oSIS)'),
  ifaq: NATIONAL_IMPORT('HAS / ATIH'),
  activite: NATIONAL_IMPORT('ANS (fichier de calcul)'),
  esms: NATIONAL_IMPORT('CNSA'),
}

const COMPUTED: FieldOwnership = { owner: 'national', entry: 'computed', responsible: 'Calculé par Jalon' }
const DERIVED_CODES = new Set(DERIVED_INDICATORS.map((i) => i.code))

/** The owner of a field by its indicator code; undefined for a code nobody owns (a bug the tests catch). */
export function fieldOwnership(code: string): FieldOwnership | undefined {
  if (DERIVED_CODES.has(code)) return COMPUTED
  const exact = BY_CODE[code]
  if (exact) return exact
  const prefix = code.split('.')[0] ?? ''
  return Object.hasOwn(BY_PREFIX, prefix) ? BY_PREFIX[prefix] : undefined
}

/** The fields a person may type (météo, comments, declarations), with their catalogue entry. */
export function isManualField(code: string): boolean {
  return findIndicator(code) !== undefined && fieldOwnership(code)?.entry === 'manual'
}
