// A derived site as the values of the store's source columns, in SITE_SOURCE_COLUMNS order.
import type { DerivedSite } from '../domain/structure'
import type { CopyValue } from '../store/copy-format'
import { SITE_SOURCE_COLUMNS, type SiteSourceColumn } from '../store/site-import'

const VALUE_OF: Record<SiteSourceColumn, (s: DerivedSite) => CopyValue> = {
  finess_ej: (s) => s.record.finessEj,
  name: (s) => s.record.name,
  name_long: (s) => s.record.nameLong,
  name_complement: (s) => s.record.nameComplement,
  distribution_complement: (s) => s.record.distributionComplement,
  street_number: (s) => s.record.streetNumber,
  street_type: (s) => s.record.streetType,
  street_name: (s) => s.record.streetName,
  street_complement: (s) => s.record.streetComplement,
  lieu_dit_bp: (s) => s.record.lieuDitBp,
  commune_code: (s) => s.record.communeCode,
  postal_code: (s) => s.record.postalCode,
  city: (s) => s.record.city,
  source_departement: (s) => s.record.sourceDepartement,
  departement: (s) => s.departement,
  region: (s) => s.region,
  phone: (s) => s.record.phone,
  fax: (s) => s.record.fax,
  category_code: (s) => s.record.categoryCode,
  category_label: (s) => s.record.categoryLabel,
  aggregate_code: (s) => s.aggregateCode,
  aggregate_label: (s) => s.record.aggregateLabel,
  sector: (s) => s.sector,
  siret: (s) => s.record.siret,
  ape_code: (s) => s.record.apeCode,
  mft_code: (s) => s.record.mftCode,
  mft_label: (s) => s.record.mftLabel,
  sph_code: (s) => s.record.sphCode,
  sph_label: (s) => s.record.sphLabel,
  opened_on: (s) => s.record.openedOn,
  authorized_on: (s) => s.record.authorizedOn,
  updated_on: (s) => s.record.updatedOn,
  coord_x: (s) => s.record.coordX,
  coord_y: (s) => s.record.coordY,
  coord_source: (s) => s.record.coordSource,
  coord_updated_on: (s) => s.record.coordUpdatedOn,
  latitude: (s) => s.record.latitude,
  longitude: (s) => s.record.longitude,
  key_valid: (s) => s.keyValid,
  finess_pmsi_computed: (s) => s.finessPmsi,
}

const GETTERS = SITE_SOURCE_COLUMNS.map((c) => VALUE_OF[c])

export function siteColumnValues(site: DerivedSite): CopyValue[] {
  const values = new Array<CopyValue>(GETTERS.length)
  for (let i = 0; i < GETTERS.length; i++) values[i] = (GETTERS[i] as (s: DerivedSite) => CopyValue)(site)
  return values
}
