// Reference data every structure is read against: geography and the ANS nomenclatures.

export interface Region {
  code: string
  name: string
}

export interface Departement {
  code: string
  name: string
  regionCode: string
}

export interface NomenclatureEntry {
  code: string
  label: string
  validFrom: string | null
  validTo: string | null
  /** Closed codes stay: old records still carry them (FAM 437, foyer de vie 382…). */
  closed: boolean
}

export interface AggregateEntry extends NomenclatureEntry {
  level: 1 | 2 | 3
}

export interface CategoryEntry extends NomenclatureEntry {
  /** Level-3 aggregate of the category, for sources that give the category alone. */
  aggregateCode: string | null
}

export interface ReferenceData {
  regions: Region[]
  departements: Departement[]
  categories: CategoryEntry[]
  aggregates: AggregateEntry[]
}
