// The grid as CSV (UTF-8 with BOM, `;`, formulas neutralised), streamed one page at a time.
import type { Writable } from 'node:stream'
import type { GridQuery } from '../domain/contract/grid'
import type { AccessUser } from '../domain/access/permissions'
import type { Store } from '../store/database'
import { csvCell } from './csv'
import { exportHeader, exportValue, IDENTITY_HEADERS, planExport } from './grid-export-rows'

const line = (cells: readonly (string | number | null)[]) => `${cells.map(csvCell).join(';')}\r\n`

export interface GridCsv {
  fileName: string
  write(output: Writable): Promise<void>
}

/** Waits for the stream to drain when its buffer is full: memory stays bounded whatever the size. */
async function put(output: Writable, text: string): Promise<void> {
  if (!output.write(text)) await new Promise<void>((resolve) => output.once('drain', resolve))
}

export async function gridCsv(store: Store, user: AccessUser, query: GridQuery): Promise<GridCsv> {
  const plan = await planExport(store, user, query)
  return {
    fileName: `suivi-${query.period}.csv`,
    async write(output) {
      await put(
        output,
        `\ufeff${line([...IDENTITY_HEADERS.map(([h]) => h), ...plan.columns.map(exportHeader)])}`,
      )
      for await (const rows of plan.pages)
        for (const row of rows)
          await put(
            output,
            line([
              ...IDENTITY_HEADERS.map(([, read]) => read(row)),
              ...plan.columns.map((c) => exportValue(c, row.values[c.key])),
            ]),
          )
      output.end()
    },
  }
}
