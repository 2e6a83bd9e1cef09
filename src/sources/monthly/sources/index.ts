// The national monthly sources, by code. The regional tracker (`suivi-segur`) is read by its own parser
// (src/sources/tracker/), not through a column mapping, so it is not listed here.
import type { SourceCode, SourceDefinition } from '../source-definition'
import { activiteSource } from './activite'
import { dmpSource } from './dmp'
import { esmsNumeriqueSource } from './esms-numerique'
import { insiSource } from './insi'
import { mssanteSource } from './mssante'
import { programmesSource } from './programmes'
import { segurAspSource } from './segur-asp'

export type NationalSourceCode = Exclude<SourceCode, 'suivi-segur'>

export const NATIONAL_SOURCES: Readonly<Record<NationalSourceCode, SourceDefinition>> = {
  'segur-asp': segurAspSource,
  insi: insiSource,
  mssante: mssanteSource,
  dmp: dmpSource,
  programmes: programmesSource,
  activite: activiteSource,
  'esms-numerique': esmsNumeriqueSource,
}

export function findSource(code: string): SourceDefinition | undefined {
  return Object.hasOwn(NATIONAL_SOURCES, code) ? NATIONAL_SOURCES[code as NationalSourceCode] : undefined
}
