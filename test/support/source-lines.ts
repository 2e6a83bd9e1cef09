// A national source imported from CSV lines written in a test (`;`, CRLF): the file is named after the
// source and the month, and the import is the test's own.
import { importSourceFile } from '../../src/app/import-source'
import type { Store } from '../../src/store/database'

export function importSourceLines(store: Store, source: string, period: string, lines: readonly string[]) {
  return importSourceFile(store, {
    source,
    period,
    fileName: `${source}-${period}.csv`,
    bytes: new TextEncoder().encode(lines.join('\r\n')),
    actor: { id: null, label: 'test' },
  })
}
