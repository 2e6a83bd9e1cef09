// The demo generators by source, in the order a month's files are imported.
import type { SourceCode } from '../../../sources/monthly/source-definition'
import { activiteGenerator } from './activite'
import { dmpGenerator } from './dmp'
import { esmsGenerator } from './esms'
import { insiGenerator } from './insi'
import { mssanteGenerator } from './mssante'
import { programmesGenerator } from './programmes'
import { segurGenerator } from './segur'
import type { SourceGenerator } from './types'

export const GENERATORS: Readonly<Partial<Record<SourceCode, SourceGenerator>>> = {
  activite: activiteGenerator,
  'segur-asp': segurGenerator,
  insi: insiGenerator,
  mssante: mssanteGenerator,
  dmp: dmpGenerator,
  'esms-numerique': esmsGenerator,
  programmes: programmesGenerator,
}
