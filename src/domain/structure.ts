// A FINESS site (établissement géographique) as Jalon keeps it, whatever file it came from.
import type { Sector } from './sector'

/** What a source file says of one site. Dates are ISO `YYYY-MM-DD`; absent values are null. */
export interface SiteRecord {
  finessEg: string
  finessEj: string
  name: string
  nameLong: string | null
  nameComplement: string | null
  distributionComplement: string | null
  streetNumber: string | null
  streetType: string | null
  streetName: string | null
  streetComplement: string | null
  lieuDitBp: string | null
  /** INSEE commune code (5 characters), when the file gives one. */
  communeCode: string | null
  postalCode: string | null
  city: string | null
  /** The département written in the file, as written (`9A` overseas in etalab): kept, not trusted. */
  sourceDepartement: string | null
  phone: string | null
  fax: string | null
  categoryCode: string | null
  categoryLabel: string | null
  aggregateCode: string | null
  aggregateLabel: string | null
  siret: string | null
  apeCode: string | null
  mftCode: string | null
  mftLabel: string | null
  sphCode: string | null
  sphLabel: string | null
  openedOn: string | null
  authorizedOn: string | null
  updatedOn: string | null
  coordX: number | null
  coordY: number | null
  coordSource: string | null
  coordUpdatedOn: string | null
  latitude: number | null
  longitude: number | null
}

/** A site with what Jalon derives from it (RULES §1). The record is kept as read, beside the derivations. */
export interface DerivedSite {
  record: SiteRecord
  /** The record's aggregate, or the one its category belongs to when the source gives none. */
  aggregateCode: string | null
  departement: string | null
  region: string | null
  sector: Sector
  finessPmsi: string | null
  keyValid: boolean
}
