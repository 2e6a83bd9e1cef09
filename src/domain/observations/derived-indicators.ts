// The indicators Jalon computes from the observations after each import (theme `derive`): deployment
// statuses (RULES §4), Ségur order completeness (§3), programme attainment (§7–§9) and month-to-month
// evolution. The programme entries follow the engine's data, so a new HOPEN objective or SUN-ES domain
// gets its derived indicator without code.
import { HOPEN2_PHASES, SUN_ES_VOLET1 } from '../programmes/data/registry'
import { IFAQ_NUM_INDICATORS } from '../programmes/data/ifaq-num'
import { findIndicator, type IndicatorDefinition, type StatusValue, type ValueKind } from './indicators'

export const DERIVED = {
  insStarted: 'derive.ins-demarre',
  dmpFeeding: 'derive.dmp-alimente',
  ehpadDmp: 'derive.ehpad-dmp',
  segurCompleteness: 'derive.segur.completude',
  segurSigned: 'derive.segur.commandes-signees',
} as const

/** Three-valued: missing months may leave the window open, and that is said rather than guessed. */
export const DMP_FEEDING_STATUSES: readonly StatusValue[] = [
  { code: 'oui', label: 'Alimente le DMP' },
  { code: 'non', label: 'N\u2019alimente pas le DMP' },
  { code: 'inconnu', label: 'Indéterminé (mois sans donnée)' },
]

/** The highest status reached (seed 001), then `inconnu` when missing data leave it open. */
export const EHPAD_DMP_STATUSES: readonly StatusValue[] = [
  { code: 'actif', label: 'Actif' },
  { code: 'equipe', label: 'Équipé' },
  { code: 'convention-signee', label: 'Convention signée' },
  { code: 'aucun', label: 'Aucun' },
  { code: 'inconnu', label: 'Indéterminé (données manquantes)' },
]

/** The counts whose month-to-month difference is derived. */
export const EVOLUTION_SOURCES = ['insi.appels', 'dmp.documents', 'mss.messages-envoyes'] as const

export const evolutionCode = (source: string): string => `derive.evolution.${source}`
export const hopenCode = (objective: string): string => `derive.hopen2.${objective}.atteint`
export const sunEsCode = (domain: string): string => `derive.sun-es.${domain}.atteint`
export const ifaqCode = (indicator: string): string => `derive.ifaq.${indicator}.atteint`

/** The programmes' attainment indicators, in the engine's order: SUN-ES domains, HOPEN 2 objectives, IFAQ. */
export const PROGRAMME_ATTAINMENTS: readonly { code: string; programme: 'sun-es' | 'hopen2' | 'ifaq' }[] = [
  ...SUN_ES_VOLET1.domains
    .filter((d) => d.volet === 1)
    .map((d) => ({ code: sunEsCode(d.id), programme: 'sun-es' as const })),
  ...HOPEN2_PHASES.flatMap((phase) =>
    phase.objectives.map((o) => ({ code: hopenCode(o.id), programme: 'hopen2' as const })),
  ),
  ...Object.keys(IFAQ_NUM_INDICATORS).map((id) => ({ code: ifaqCode(id), programme: 'ifaq' as const })),
]

function define(
  kind: ValueKind,
  code: string,
  label: string,
  unit: string | null = null,
  statuses?: readonly StatusValue[],
): IndicatorDefinition {
  const base = { code, label, theme: 'derive' as const, kind, unit }
  return statuses ? { ...base, statuses } : base
}

export const DERIVED_INDICATORS: IndicatorDefinition[] = [
  define('boolean', DERIVED.insStarted, 'INS démarrée (appels INSi cumulés)'),
  define('status', DERIVED.dmpFeeding, 'Alimente le DMP (12 semaines)', null, DMP_FEEDING_STATUSES),
  define('status', DERIVED.ehpadDmp, 'DMP en EHPAD', null, EHPAD_DMP_STATUSES),
  define('rate', DERIVED.segurCompleteness, 'Complétude des commandes Ségur (signées / concernées)', '%'),
  define('count', DERIVED.segurSigned, 'Commandes Ségur signées', 'commandes'),
  ...SUN_ES_VOLET1.domains
    .filter((d) => d.volet === 1)
    .map((d) => define('boolean', sunEsCode(d.id), `SUN-ES ${d.label} : cibles atteintes`)),
  ...HOPEN2_PHASES.flatMap((phase) =>
    phase.objectives.map((o) => define('boolean', hopenCode(o.id), `HOPEN 2 ${o.id} ${o.label} : atteint`)),
  ),
  ...Object.keys(IFAQ_NUM_INDICATORS).map((id) =>
    define('boolean', ifaqCode(id), `IFAQ ${id} : cible de l\u2019année atteinte`),
  ),
  ...EVOLUTION_SOURCES.map((source) => {
    const counted = findIndicator(source)
    return define(
      'count',
      evolutionCode(source),
      `Évolution sur un mois : ${counted?.label ?? source}`,
      counted?.unit ?? null,
    )
  }),
]
