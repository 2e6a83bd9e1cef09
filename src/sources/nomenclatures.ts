// The ANS nomenclature files (TRE_R63…R66: `code;libelle;date_valid;date_fin;status`) and the national
// geography, as rows for the reference tables.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { parse } from 'csv-parse/sync'
import type { AggregateEntry, NomenclatureEntry, ReferenceData } from '../domain/reference'

const REFERENCE_DIR = new URL('../../reference/', import.meta.url)

const NOMENCLATURE_DIR = new URL('nomenclatures/', REFERENCE_DIR)

function readTre(fileName: string): NomenclatureEntry[] {
  const rows = parse(readFileSync(new URL(fileName, NOMENCLATURE_DIR)), {
    delimiter: ';',
    columns: true,
    bom: true,
    skip_empty_lines: true,
  }) as Record<string, string>[]
  return rows.map((r, i) => {
    if (!r.code || !r.libelle) throw new Error(`${fileName}, ligne ${i + 2} : code ou libellé absent`)
    return {
      code: r.code,
      label: r.libelle,
      validFrom: r.date_valid || null,
      validTo: r.date_fin || null,
      closed: r.status !== 'active',
    }
  })
}

/** Aggregates of level 3 (`NNNN`), 2 (`NN00`) and 1 (`N000`); an old 3-digit code is kept as it is. */
const AGGREGATE_FILES: [AggregateEntry['level'], string][] = [
  [1, 'TRE_R63_AgregatCategorieEtablissementNiv1.csv'],
  [2, 'TRE_R64_AgregatCategorieEtablissementNiv2.csv'],
  [3, 'TRE_R65_AgregatCategorieEtablissement.csv'],
]

/** reference/category-aggregates.csv, built from the 2021 register by scripts/build-category-aggregates.ts. */
function readCategoryAggregates(): Map<string, string> {
  const rows = parse(readFileSync(new URL('category-aggregates.csv', REFERENCE_DIR)), {
    delimiter: ';',
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[]
  return new Map(rows.map((r) => [r.categorie ?? '', r.agregat ?? '']))
}

interface GeoEntry {
  code: string
  nom: string
  region?: string
}

export function readReferenceData(): ReferenceData {
  const require = createRequire(import.meta.url)
  const regions = require('@etalab/decoupage-administratif/data/regions.json') as GeoEntry[]
  const departements = require('@etalab/decoupage-administratif/data/departements.json') as GeoEntry[]
  // A code listed at several levels (an old 3-digit one, say) keeps its most specific entry.
  const aggregates = new Map<string, AggregateEntry>()
  for (const [level, file] of AGGREGATE_FILES) {
    for (const entry of readTre(file)) aggregates.set(entry.code, { ...entry, level })
  }
  const regionCodes = new Set(regions.map((r) => r.code))
  const aggregateOf = readCategoryAggregates()
  return {
    regions: regions.map((r) => ({ code: r.code, name: r.nom })),
    departements: departements
      .filter((d) => d.region && regionCodes.has(d.region))
      .map((d) => ({ code: d.code, name: d.nom, regionCode: d.region ?? '' })),
    categories: readTre('TRE_R66_CategorieEtablissement.csv').map((c) => ({
      ...c,
      aggregateCode: aggregateOf.get(c.code) ?? null,
    })),
    aggregates: [...aggregates.values()],
  }
}
