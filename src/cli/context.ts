// What every command needs: the configuration, an open database, and French error reporting.
import { ZodError } from 'zod'
import { readConfig, type Config } from '../app/config'
import { openDatabase } from '../app/database'
import { ImportRefusedError } from '../app/import-finess'
import { PmsiOverrideError } from '../app/pmsi-override'
import { SourceFileError } from '../sources/source-error'
import type { Store } from '../store/database'

export async function withStore<T>(work: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = readConfig()
  const store = await openDatabase(config)
  try {
    return await work(store, config)
  } finally {
    await store.close()
  }
}

/** Bad input exits with 2 and a message for people; anything else is a bug and keeps its stack. */
export function reportError(error: unknown): void {
  if (error instanceof SourceFileError || error instanceof ImportRefusedError) {
    console.error(`Erreur : ${error.message}`)
    process.exitCode = 2
  } else if (error instanceof ZodError) {
    for (const issue of error.issues) console.error(`Erreur : --${issue.path.join('.')} : ${issue.message}`)
    process.exitCode = 2
  } else if (error instanceof UsageError || error instanceof PmsiOverrideError) {
    console.error(`Erreur : ${error.message}`)
    process.exitCode = 2
  } else {
    console.error(error)
    process.exitCode = 1
  }
}

export class UsageError extends Error {}

/** Steps of a long task, shown on a terminal only so that pipes and --json stay clean. */
export function terminalProgress(): ((step: string) => void) | undefined {
  if (!process.stderr.isTTY) return undefined
  const start = Date.now()
  return (step) => process.stderr.write(`  [${((Date.now() - start) / 1000).toFixed(1)} s] ${step}\n`)
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}
