// A derived site as the values of the store's source columns, in SITE_SOURCE_COLUMNS order.
import type { DerivedSite } from '../domain/structure'
import type { CopyValue } from '../store/copy-format'
import { SITE_SOURCE_COLUMNS, type SiteSourceColumn } from '../store/site-import'

const VALUE_OF: Record<SiteSourceColumn, (s: DerivedSite) => CopyValue> = {
  finess_ej: (s) => s.finessEj,
  name: (s) => s.name,
  name_long: (s) => s.nameLong,
  name_complement: (s) => s.nameComplement,
  distribution_complement: (s) => s.distributionComplement,
  street_number: (s) => s.streetNumber,
  street_type: (s) => s.streetType,
  street_name: (s) => s.streetName,
  street_complement: (s) => s.streetComplement,
  lieu_dit_bp: (s) => s.lieuDitBp,
  commune_code: (s) => s.communeCode,
  postal_code: (s) => s.postalCode,
  city: (s) => s.city,
  source_departement: (s) => s.sourceDepartement,
  departement: (s) => s.departement,
  region: (s) => s.region,
  phone: (s) => s.phone,
  fax: (s) => s.fax,
  category_code: (s) => s.categoryCode,
  category_label: (s) => s.categoryLabel,
  aggregate_code: (s) => s.aggregateCode,
  aggregate_label: (s) => s.aggregateLabel,
  sector: (s) => s.sector,
  siret: (s) => s.siret,
  ape_code: (s) => s.apeCode,
  mft_code: (s) => s.mftCode,
  mft_label: (s) => s.mftLabel,
  sph_code: (s) => s.sphCode,
  sph_label: (s) => s.sphLabel,
  opened_on: (s) => s.openedOn,
  authorized_on: (s) => s.authorizedOn,
  updated_on: (s) => s.updatedOn,
  coord_x: (s) => s.coordX,
  coord_y: (s) => s.coordY,
  coord_source: (s) => s.coordSource,
  coord_updated_on: (s) => s.coordUpdatedOn,
  latitude: (s) => s.latitude,
  longitude: (s) => s.longitude,
  key_valid: (s) => s.keyValid,
  finess_pmsi_computed: (s) => s.finessPmsi,
}

export function siteColumnValues(site: DerivedSite): CopyValue[] {
  return SITE_SOURCE_COLUMNS.map((c) => VALUE_OF[c](site))
}
