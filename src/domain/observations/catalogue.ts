// Every indicator Jalon knows: observed (sources) and derived (rules engine). Kept apart from
// indicators.ts because the derived list reads the observed one.
import { DERIVED_INDICATORS, EVOLUTION_SOURCES } from './derived-indicators'
import {
  INDICATORS,
  programmeIndicatorCode,
  PROGRAMME_INDICATORS,
  SEGUR_KINDS,
  type IndicatorDefinition,
} from './indicators'

export const ALL_INDICATORS: readonly IndicatorDefinition[] = [...INDICATORS, ...DERIVED_INDICATORS]

/** The observed indicators that the derivation reads (derive*.ts): only these are loaded to recompute. */
export const DERIVATION_INPUTS: readonly string[] = [
  ...new Set([
    'insi.appels',
    'dmp.documents',
    'dmp.dmp-alimentes',
    'dmp.convention',
    ...EVOLUTION_SOURCES,
    ...SEGUR_KINDS.map((kind) => `segur.commande.${kind}`),
    ...PROGRAMME_INDICATORS.map((p) => programmeIndicatorCode(p.programme, p.code)),
  ]),
]
