// Test support: a source file as rows in memory, a referential as a map, and one call that interprets them
// and returns what an import would store and report. Used by the monthly sources' tests only.
import type { FinessLevel, Observation } from '../../../domain/observations/observation'
import type { Period } from '../../../domain/observations/period'
import type { RowIssue } from '../../source-error'
import type { TableRow } from '../../tabular/table'
import { interpretRows, type FinessResolver, type InterpretStats } from '../interpret'
import type { SourceDefinition } from '../source-definition'

/** Rows numbered from 1, as a user sees them in a spreadsheet. */
export async function* rowsOf(lines: readonly (readonly string[])[]): AsyncGenerator<TableRow> {
  let line = 0
  for (const cells of lines) yield { line: ++line, cells }
}

export interface KnownStructure {
  levels: readonly FinessLevel[]
  closedOn?: string
}

/** Looks a number up at the declared level first, then at the others, like the app's resolver. */
export function resolverOf(known: Readonly<Record<string, KnownStructure>>): FinessResolver {
  const order: Record<FinessLevel, FinessLevel[]> = {
    EG: ['EG', 'EJ', 'PMSI'],
    EJ: ['EJ', 'PMSI', 'EG'],
    PMSI: ['PMSI', 'EJ', 'EG'],
  }
  return (finess, declared) => {
    const structure = known[finess]
    const level = order[declared].find((l) => structure?.levels.includes(l))
    return structure && level
      ? { status: 'known', level, closedOn: structure.closedOn ?? null }
      : { status: 'unknown' }
  }
}

/** The structures of the seed 002 rows and a few ESMS, at their real levels (FHIR register, 2021). */
export const KNOWN: Readonly<Record<string, KnownStructure>> = {
  '240000372': { levels: ['EG'] }, // CH de Bergerac
  '240000059': { levels: ['EJ', 'PMSI'] },
  '160000253': { levels: ['EG'] }, // CH d'Angoulême
  '160000451': { levels: ['EJ', 'PMSI'] },
  '160013207': { levels: ['EG', 'PMSI'] }, // Centre Clinical, private: its EG is its FINESS PMSI
  '160001632': { levels: ['EJ'] },
  '160006987': { levels: ['EG'] }, // EHPAD Beaulieu (CH d'Angoulême)
  '160000527': { levels: ['EG'] }, // EHPAD Montbron
  '160002085': { levels: ['EG'] }, // EHPAD Habrioux
  '750721235': { levels: ['EJ'] }, // an organisme gestionnaire of EHPAD
  '010000024': { levels: ['EG'] }, // CH de Fleyriat: its number loses a zero in Excel
  '350000147': { levels: ['EG'] },
  '290000058': { levels: ['EG'] },
  '220000012': { levels: ['EG'] },
}

export interface Interpreted {
  observations: Observation[]
  issues: RowIssue[]
  stats: InterpretStats
}

export async function interpret(
  source: SourceDefinition,
  lines: readonly (readonly string[])[] | AsyncIterable<TableRow>,
  options: {
    period?: Period
    headers?: Readonly<Record<string, string>>
    known?: Readonly<Record<string, KnownStructure>>
  } = {},
): Promise<Interpreted> {
  const issues: RowIssue[] = []
  const stats: InterpretStats = { headerLine: 0, rowsRead: 0, rowsRejected: 0, structures: 0, columns: {} }
  const observations: Observation[] = []
  const rows = interpretRows(
    Symbol.asyncIterator in lines ? lines : rowsOf(lines),
    {
      fileName: `${source.code}.csv`,
      source,
      period: options.period ?? '2022-08',
      resolve: resolverOf(options.known ?? KNOWN),
      ...(options.headers ? { headers: options.headers } : {}),
    },
    issues,
    stats,
  )
  for await (const observation of rows) observations.push(observation)
  return { observations, issues, stats }
}

/** One structure's values by indicator: the number, else the text. */
export function valuesOf(
  observations: readonly Observation[],
  finess: string,
): Record<string, string | null> {
  return Object.fromEntries(
    observations.filter((o) => o.finess === finess).map((o) => [o.indicator, o.number ?? o.text]),
  )
}
