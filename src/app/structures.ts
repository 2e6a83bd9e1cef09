// Use cases of the referential: search structures, open one with its legal entity, groupings, siblings and
// history.
import type {
  SiteChange,
  StructureDetail,
  StructureFilters,
  StructureListQuery,
  StructurePage,
  StructureSummary,
} from '../domain/contract/structures'
import type { Scope, StructurePlace } from '../domain/access/scope'
import type { Store } from '../store/database'
import { findPlace } from '../store/places'
import {
  countSitesMatching,
  findSite,
  listSiteChanges,
  listSites,
  listGroupingsOfSite,
  listSitesOfLegalEntity,
  toSummary,
} from '../store/sites'

/** A page of structures; `within` keeps it to a user's scopes (null: all France). */
export async function searchStructures(
  store: Store,
  query: StructureListQuery,
  within: readonly Scope[] | null = null,
): Promise<StructurePage> {
  const filters = { ...query, within }
  const [total, items] = await Promise.all([
    countSitesMatching(store.db, filters),
    listSites(store.db, filters),
  ])
  return { total, page: query.page, pageSize: query.pageSize, items }
}

/** Every structure matching the filters, for the command line and exports. */
export async function listAllStructures(
  store: Store,
  filters: StructureFilters & Pick<StructureListQuery, 'sort' | 'order'>,
): Promise<StructureSummary[]> {
  return listSites(store.db, { ...filters, page: 1, pageSize: null })
}

export async function getStructure(store: Store, finessEg: string): Promise<StructureDetail | null> {
  const site = await findSite(store.db, finessEg)
  if (!site) return null
  const [siblings, changes, groupings] = await Promise.all([
    listSitesOfLegalEntity(store.db, site.finess_ej),
    listSiteChanges(store.db, finessEg),
    listGroupingsOfSite(store.db, finessEg, site.finess_ej),
  ])
  const street = [site.street_number, site.street_type, site.street_name, site.street_complement]
    .filter(Boolean)
    .join(' ')
  return {
    ...toSummary(site),
    nameLong: site.name_long,
    nameComplement: site.name_complement,
    address: {
      lines: [site.distribution_complement, street, site.lieu_dit_bp].filter((l): l is string => !!l),
      communeCode: site.commune_code,
      postalCode: site.postal_code,
      city: site.city,
    },
    departementName: site.departement_name,
    regionName: site.region_name,
    phone: site.phone,
    fax: site.fax,
    category: {
      code: site.category_code,
      label: site.category_label,
      closed: site.category_closed,
      aggregateCode: site.aggregate_code,
      aggregateLabel: site.aggregate_label,
    },
    pmsi: { computed: site.finess_pmsi_computed, override: site.finess_pmsi_override },
    siret: site.siret,
    apeCode: site.ape_code,
    tariffMode: { code: site.mft_code, label: site.mft_label },
    sph: { code: site.sph_code, label: site.sph_label },
    openedOn: site.opened_on,
    authorizedOn: site.authorized_on,
    updatedOn: site.updated_on,
    keyValid: site.key_valid,
    position:
      site.latitude !== null && site.longitude !== null
        ? {
            latitude: site.latitude,
            longitude: site.longitude,
            sourceX: site.coord_x,
            sourceY: site.coord_y,
            source: site.coord_source,
          }
        : null,
    legalEntity: { finessEj: site.finess_ej, name: site.legal_entity_name, siteCount: siblings.length },
    groupings: groupings.map((g) => ({
      id: g.id,
      kind: g.kind,
      name: g.name,
      type: g.type_code,
      role: g.role,
      level: g.level,
    })),
    siblings: siblings.filter((s) => s.finessEg !== finessEg),
    changes: changes.map((c): SiteChange => ({
      importId: c.import_id,
      extractDate: c.extract_date,
      fileName: c.file_name,
      kind: c.kind,
      changes: c.changes as SiteChange['changes'],
      recordedAt: c.recorded_at,
      actor: c.actor,
      note: c.note,
    })),
    createdByImportId: site.created_by_import_id,
  }
}

/** Where a site stands for permissions; undefined for an unknown FINESS EG. */
export async function structurePlace(store: Store, finessEg: string): Promise<StructurePlace | undefined> {
  return findPlace(store.db, finessEg)
}
