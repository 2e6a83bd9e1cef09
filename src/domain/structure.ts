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

/** The position fields of a site read before its coordinates (etalab puts them at the end of the file). */
export const NO_POSITION = {
  coordX: null,
  coordY: null,
  coordSource: null,
  coordUpdatedOn: null,
  latitude: null,
  longitude: null,
} as const satisfies Partial<SiteRecord>

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

/** What a FiNESS+ file says of one legal entity (FINESS EJ). Dates are ISO `YYYY-MM-DD`. */
export interface LegalEntityRecord {
  finessEj: string
  /** FiNESS+'s own id of the entity (`pmSmsseId`): groups name their members by it, not by FINESS. */
  sourceId: string | null
  name: string | null
  nameLong: string | null
  siren: string | null
  /** FINESS legal status code (`statutJuridique`, e.g. `21`). */
  legalStatus: string | null
  /** APE (NAF) code without its dot, as the etalab extract writes it (`8710A`). */
  apeCode: string | null
  createdOn: string | null
  closedOn: string | null
  communeCode: string | null
  postalCode: string | null
  city: string | null
}

/** How a structure belongs to a group: through its legal entity or as a site. */
export type GroupMemberLevel = 'EJ' | 'EG'

export interface GroupMember {
  finess: string
  level: GroupMemberLevel
  /** As the source writes it: FiNESS+ `typeRoleEntiteGroupe`, `S` support, `M` member. */
  role: string | null
}

/** A grouping published by FiNESS+: a `gcc` (GHT-like group) or a `gco` (cooperation group). */
export interface GroupRecord {
  /** `gcc:<gccId>` or `gco:<pmSmsseId>`: the two kinds number their groups independently. */
  id: string
  kind: 'gcc' | 'gco'
  typeCode: string | null
  name: string | null
  externalId: string | null
  state: string | null
  members: GroupMember[]
  /**
   * False when the file names members it does not describe (FiNESS+ ids with no entity or site in the
   * file): the members already known are then kept rather than replaced by a partial list.
   */
  membersComplete: boolean
}
