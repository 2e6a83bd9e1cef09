// What Jalon derives from a site as a file describes it (RULES.md §1): département from the number, région,
// sector from the aggregate, FINESS PMSI, check key.
import { computeFinessPmsi, departementFromFiness, hasValidFinessKey, isPublicHospital } from './finess'
import { sectorOfAggregate } from './sector'
import type { DerivedSite, SiteRecord } from './structure'

export interface DerivationContext {
  regionOfDepartement(departement: string): string | null
  /** The aggregate of a category, for a record that does not carry one. */
  aggregateOfCategory(category: string): string | null
}

export function deriveSite(record: SiteRecord, ctx: DerivationContext): DerivedSite {
  const departement = departementFromFiness(record.finessEg)
  const aggregateCode =
    record.aggregateCode ?? (record.categoryCode ? ctx.aggregateOfCategory(record.categoryCode) : null)
  const sector = sectorOfAggregate(aggregateCode)
  const { finessPmsi } = computeFinessPmsi({
    finessEg: record.finessEg,
    finessEj: record.finessEj,
    sector,
    isPublic: isPublicHospital(record.sphCode),
  })
  return {
    record,
    aggregateCode,
    departement,
    region: departement ? ctx.regionOfDepartement(departement) : null,
    sector,
    finessPmsi,
    keyValid: hasValidFinessKey(record.finessEg),
  }
}
