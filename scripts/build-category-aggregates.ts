// Builds reference/category-aggregates.csv: the level-3 aggregate of each FINESS category, as the whole
// register of January 2021 (../shared/data/finess/fhir-2021) pairs them. Every category there has exactly
// one aggregate; the script fails if that ever stops being true.
//   node --import tsx scripts/build-category-aggregates.ts [--fhir-dir DIR]
import { spawn } from 'node:child_process'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

const fhirDir = process.argv.includes('--fhir-dir')
  ? (process.argv[process.argv.indexOf('--fhir-dir') + 1] ?? '')
  : new URL('../../shared/data/finess/fhir-2021/', import.meta.url).pathname
const pairs = new Map<string, { aggregate: string; count: number }>()

for (const archive of readdirSync(fhirDir).filter((f) => f.endsWith('.tar.gz'))) {
  const tar = spawn('tar', ['-xzOf', join(fhirDir, archive)])
  for await (const line of createInterface({ input: tar.stdout })) {
    const resource = JSON.parse(line) as {
      resourceType: string
      type?: { coding: { system: string; code: string }[] }[]
    }
    if (resource.resourceType !== 'Organization') continue
    const codings = (resource.type ?? []).flatMap((t) => t.coding)
    const category = codings.find((c) => c.system.endsWith('/CAT_ETAB'))?.code
    const aggregate = codings.find((c) => c.system.endsWith('/CAT_AGR_ETAB'))?.code
    if (!category || !aggregate) continue
    const known = pairs.get(category)
    if (known && known.aggregate !== aggregate) {
      throw new Error(`category ${category} has two aggregates: ${known.aggregate} and ${aggregate}`)
    }
    pairs.set(category, { aggregate, count: (known?.count ?? 0) + 1 })
  }
}
const lines = [...pairs.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([category, { aggregate, count }]) => `${category};${aggregate};${count}`)
const out = new URL('../reference/category-aggregates.csv', import.meta.url)
writeFileSync(out, `categorie;agregat;etablissements_2021\n${lines.join('\n')}\n`)
console.error(`${lines.length} categories written to ${out.pathname}`)
