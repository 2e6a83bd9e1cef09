// IFAQ digital indicators: what NUM1 and NUM2 measure and who must report. RULES §9, seed 004.
// The target of each year is in its own file (ifaq-num-YYYY.ts).
import type { ProgrammeVersion, Reference } from './types'
import { SEED_IFAQ_HOPEN2 } from './seeds'

export type IfaqActivityField = 'MCO' | 'SSR' | 'HAD' | 'DIA' | 'PSY'
export const IFAQ_ACTIVITY_FIELDS: readonly IfaqActivityField[] = ['MCO', 'SSR', 'HAD', 'DIA', 'PSY']

export interface IfaqIndicatorDefinition {
  readonly code: string
  readonly label: string
  readonly numerator: string
  readonly denominator: string
}

export interface IfaqYearTarget {
  readonly value: number
  /** False when the sources do not state the target for that year and the value is the documented default. */
  readonly stated: boolean
  readonly note?: string
}

export interface IfaqYear {
  readonly programme: ProgrammeVersion
  readonly year: number
  readonly targets: Readonly<Record<string, IfaqYearTarget>>
  readonly reference: Reference
}

export const IFAQ_NUM_REFERENCE: Reference = { rules: 'RULES.md §9', seed: SEED_IFAQ_HOPEN2 }

export const IFAQ_NUM_INDICATORS: Readonly<Record<string, IfaqIndicatorDefinition>> = {
  NUM1: {
    code: 'D2.2i',
    label: 'Alimentation du DMP pour les patients disposant d’un DMP',
    numerator: 'séjours clôturés avec un document validé par la CME publié dans le DMP',
    denominator: 'séjours de patients disposant d’un DMP',
  },
  NUM2: {
    code: 'D6.3i',
    label: 'Usage de la MSSanté entre correspondants',
    numerator: 'correspondants équipés MSSanté concernés ayant reçu au moins un document',
    denominator: 'correspondants équipés MSSanté concernés par la venue d’un patient',
  },
}

/**
 * Who must report: the text says every establishment except PSY (MCO, SSR, HAD); the seed's own table also
 * ticks PSY, hence `psyMandatory` is configurable, default as the text. DIA is not ticked for these lines.
 */
export const IFAQ_NUM_REPORTING = {
  mandatoryFields: ['MCO', 'SSR', 'HAD'] as readonly IfaqActivityField[],
  psyMandatoryByDefault: false,
  reference: IFAQ_NUM_REFERENCE,
}

export function ifaqProgramme(year: number): ProgrammeVersion {
  return { id: 'ifaq-num', version: String(year), label: `IFAQ ${year} — indicateurs numériques` }
}
