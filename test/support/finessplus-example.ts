// The published FiNESS+ example (test/fixtures), and variants of it edited as an object for tests.
import { readFileSync } from 'node:fs'

export const FINESSPLUS_EXAMPLE = readFileSync(
  new URL('../fixtures/finessplus-exemple-20260309.json', import.meta.url),
  'utf8',
)

/** The parts of the example's JSON that the tests edit. */
export interface EgeJson {
  informationsGeneralesEGE: Record<string, string | undefined>
  etatObjet?: string
  evenement?: { dateEvenement: string }[]
  categorieentiteGeographiqueExercice?: string
  modefixationtarifaire?: string
}
export interface FlowJson {
  pmej: { informationsGeneralesPMEJ: Record<string, string>; ege: EgeJson[] }[]
  gcc: {
    pmejDuGcc: { pmSmsseId: string; typeRoleEntiteGroupe: string }[]
    egeDuGcc: { egeId: string; typeRoleEntiteGroupe: string }[]
  }[]
}

export function at<T>(list: readonly T[], index: number): T {
  const item = list[index]
  if (item === undefined) throw new Error(`no item ${index}`)
  return item
}

/** The example as an object, changed by `edit`, written back as JSON text. */
export function editedExample(edit: (flow: FlowJson) => void): string {
  const flow = JSON.parse(FINESSPLUS_EXAMPLE) as FlowJson
  edit(flow)
  return JSON.stringify(flow, null, 2)
}
