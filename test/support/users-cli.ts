// `jalon users …` run in-process on a throwaway program and a given store, with what it prints captured:
// what the CLI suites call instead of spawning the command.
import { Command } from 'commander'
import { vi } from 'vitest'
import { registerUserCommands } from '../../src/cli/users'
import type { Store } from '../../src/store/database'

export interface CliRun {
  out: string
  err: string
  /** The exit code set by the command; undefined when it succeeded. */
  exitCode: number | undefined
}

/** Runs `jalon users <argv…>`; the suite resets process.exitCode and the mocks after each test. */
export async function runUsersCommand(store: Store, argv: string[]): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void err.push(args.join(' ')))
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk))
    return true
  })
  const program = new Command().exitOverride()
  registerUserCommands(program, (work) => work(store))
  process.exitCode = undefined
  await program.parseAsync(['users', ...argv], { from: 'user' })
  const exitCode = typeof process.exitCode === 'number' ? process.exitCode : undefined
  vi.restoreAllMocks()
  return { out: out.join('\n'), err: err.join('\n'), exitCode }
}
