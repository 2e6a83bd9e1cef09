// The single entry of the engine: validate the input of a kind, evaluate it, return the JSON-ready result.
// The CLI (`jalon simulate …`) and the HTTP route (`POST /api/simulate/:kind`) both call this.
import { type ActiviteResult, presentActivite } from './present/activite'
import {
  type DmpFeedingResult,
  type EhpadDmpResult,
  type InsStartedResult,
  presentDmpFeeding,
  presentEhpadDmp,
  presentInsStarted,
} from './present/deployment'
import { type Hopen2GhtResult, type Hopen2Result, presentHopen2, presentHopen2Ght } from './present/hopen2'
import { type IfaqResult, presentIfaq } from './present/ifaq'
import { type SonsResult, presentSons } from './present/sons'
import { type SunEsResult, presentSunEs } from './present/sun-es'
import { evaluateActivite } from './rules/activite'
import { evaluateDmpFeeding, evaluateEhpadDmp, evaluateInsStarted } from './rules/deployment'
import { evaluateHopen2, evaluateHopen2Ght } from './rules/hopen2'
import { evaluateIfaq } from './rules/ifaq'
import { evaluateSons } from './rules/sons'
import { evaluateSunEs } from './rules/sun-es'
import { simulationInputSchemas } from './schemas'
import { SIMULATION_KINDS, type SimulationKind } from './types'
import { inputError, parseInput } from './validation'

export interface SimulationResults {
  activite: ActiviteResult
  sons: SonsResult
  'sun-es': SunEsResult
  hopen2: Hopen2Result
  'hopen2-ght': Hopen2GhtResult
  ifaq: IfaqResult
  'ins-started': InsStartedResult
  'dmp-feeding': DmpFeedingResult
  'ehpad-dmp': EhpadDmpResult
}

export type SimulationResult = SimulationResults[SimulationKind]

const runners: { [K in SimulationKind]: (input: unknown) => SimulationResults[K] } = {
  activite: (raw) => {
    const input = parseInput(simulationInputSchemas.activite, raw)
    return presentActivite(evaluateActivite(input), input)
  },
  sons: (raw) => {
    const input = parseInput(simulationInputSchemas.sons, raw)
    return presentSons(evaluateSons(input), input)
  },
  'sun-es': (raw) => {
    const input = parseInput(simulationInputSchemas['sun-es'], raw)
    return presentSunEs(evaluateSunEs(input), input)
  },
  hopen2: (raw) => {
    const input = parseInput(simulationInputSchemas.hopen2, raw)
    return presentHopen2(evaluateHopen2(input), input)
  },
  'hopen2-ght': (raw) => {
    const input = parseInput(simulationInputSchemas['hopen2-ght'], raw)
    return presentHopen2Ght(evaluateHopen2Ght(input), input)
  },
  ifaq: (raw) => {
    const input = parseInput(simulationInputSchemas.ifaq, raw)
    return presentIfaq(evaluateIfaq(input), input)
  },
  'ins-started': (raw) => {
    const input = parseInput(simulationInputSchemas['ins-started'], raw)
    return presentInsStarted(evaluateInsStarted(input), input)
  },
  'dmp-feeding': (raw) => {
    const input = parseInput(simulationInputSchemas['dmp-feeding'], raw)
    return presentDmpFeeding(evaluateDmpFeeding(input), input)
  },
  'ehpad-dmp': (raw) => {
    const input = parseInput(simulationInputSchemas['ehpad-dmp'], raw)
    return presentEhpadDmp(evaluateEhpadDmp(input), input)
  },
}

export function isSimulationKind(kind: string): kind is SimulationKind {
  return (SIMULATION_KINDS as readonly string[]).includes(kind)
}

/**
 * Validates `input` for `kind`, evaluates it and returns the JSON-ready result. Throws ProgrammeInputError
 * (French message naming the field and the allowed range) on bad input, including an unknown kind.
 */
export function simulate<K extends SimulationKind>(kind: K, input: unknown): SimulationResults[K]
export function simulate(kind: string, input: unknown): SimulationResult
export function simulate(kind: string, input: unknown): SimulationResult {
  if (!isSimulationKind(kind)) {
    throw inputError('kind', `un type parmi ${SIMULATION_KINDS.join(', ')}`, `type « ${kind} » inconnu`)
  }
  return runners[kind](input)
}
