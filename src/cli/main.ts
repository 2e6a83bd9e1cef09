// The `jalon` command.
import { Command } from 'commander'
import { registerDemoCommand } from './demo'
import { registerFinessCommands } from './finess'
import { registerImportCommands } from './import'
import { registerServeCommand } from './serve'
import { registerSimulateCommands } from './simulate'
import { registerStructureCommands } from './structures'
import { registerUserCommands } from './users'

const program = new Command()
  .name('jalon')
  .description('Jalon : suivi du numérique en santé, établissement par établissement')
  .showHelpAfterError()

registerServeCommand(program)
registerFinessCommands(program)
registerStructureCommands(program)
registerImportCommands(program)
registerSimulateCommands(program)
registerDemoCommand(program)
registerUserCommands(program)

await program.parseAsync(process.argv)
