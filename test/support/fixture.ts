// The published lines of test/fixtures/etalab-small.csv, to build damaged variants of a real file.
import { readFileSync } from 'node:fs'

export const FIXTURE_TEXT = readFileSync(new URL('../fixtures/etalab-small.csv', import.meta.url), 'utf8')
export const FIXTURE_LINES = FIXTURE_TEXT.trimEnd().split('\n')

/** The fixture with line `n` (1-based, as in reports) replaced; `null` removes it. */
export function fixtureWithLine(n: number, replacement: string | null): string {
  const lines = [...FIXTURE_LINES]
  if (replacement === null) lines.splice(n - 1, 1)
  else lines[n - 1] = replacement
  return `${lines.join('\n')}\n`
}

/** A `structureet` line of the fixture with some of its fields (1-based after the tag) replaced. */
export function withFields(line: string, fields: Record<number, string>): string {
  const cells = line.split(';')
  for (const [i, v] of Object.entries(fields)) cells[Number(i)] = v
  return cells.join(';')
}

export const bytes = (text: string) => Buffer.from(text, 'utf8')
