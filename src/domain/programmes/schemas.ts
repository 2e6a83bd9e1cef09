// Input schemas of every simulation kind, shared with the HTTP layer (`POST /api/simulate/:kind`) so both
// validate the same way. They check shapes and ranges; values that depend on a programme version (window
// number, IFAQ year, HOPEN objective) are checked against the data by the rules, with the same error class.
import { z } from 'zod'
import { FINESS_PATTERN } from '../finess'
import { IFAQ_ACTIVITY_FIELDS, IFAQ_NUM_INDICATORS } from './data/ifaq-num'
import { HOPEN2_PHASES } from './data/registry'
import type { SimulationKind } from './types'
import {
  count,
  isoDate,
  money,
  nonNegative,
  object,
  oneOf,
  percentage,
  period,
  rateInput,
  yesNo,
} from './validation'

const activity = () =>
  nonNegative('une activité combinée positive ou nulle (catégories A à D : 0 à 1 600 000)')

export const activiteInputSchema = object({
  mcoDays: count().optional(),
  mcoSessions: count().optional(),
  ambulatoryStays: count().optional(),
  ssrDays: count().optional(),
  psyDays: count().optional(),
  hadDays: count().optional(),
  usldDays: count().optional(),
})

export const SONS_DSR_VALUES = ['DPI', 'RI', 'PFI', 'ALL', 'SGL', 'LOINC', 'RIS'] as const

export const sonsInputSchema = object({
  dsr: oneOf(SONS_DSR_VALUES),
  activity: activity().optional(),
  exams: z
    .int({ error: 'un nombre d’examens annuels entier, au moins 1' })
    .min(1, { error: 'un nombre d’examens annuels entier, au moins 1' })
    .optional(),
  orderDate: isoDate().optional(),
  proofDepositDate: isoDate().optional(),
  financingRequestDate: isoDate().optional(),
  balanceRequestDate: isoDate().optional(),
  balance: object({
    vaSigned: yesNo().optional(),
    insDiffused: yesNo().optional(),
    insiCalled: yesNo().optional(),
    insReceivedFromRi: yesNo().optional(),
    documentsSentToPfi: yesNo().optional(),
    dmpReportsWithQualifiedIns: count().optional(),
    mssReportsWithQualifiedIns: count().optional(),
    documentsSentWithQualifiedIns: count().optional(),
    catalogueTranscoded: yesNo().optional(),
    catalogueImported: yesNo().optional(),
  }).optional(),
}).superRefine((input, ctx) => {
  // RIS is priced by exams, the others by activité combinée: a figure for the wrong one is a mistake.
  if (input.dsr === 'RIS' && input.activity !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['activity'],
      input: input.activity,
      message: 'pas d’activité pour le DSR RIS (utiliser exams)',
    })
  }
  if (input.dsr !== 'RIS' && input.exams !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['exams'],
      input: input.exams,
      message: 'pas de nombre d’examens hors DSR RIS (utiliser activity)',
    })
  }
})

export const SUN_ES_DOMAIN_VALUES = ['D1', 'D2', 'D3', 'V2'] as const

export const sunEsInputSchema = object({
  activity: activity().optional(),
  window: z.int({ error: 'un numéro de fenêtre entier (1 à 4)' }).optional(),
  candidatureDate: isoDate().optional(),
  domains: z
    .array(oneOf(SUN_ES_DOMAIN_VALUES), { error: 'une liste parmi D1, D2, D3, V2' })
    .min(1, { error: 'une liste parmi D1, D2, D3, V2' })
    .optional(),
  rates: object({
    ldl: rateInput().optional(),
    ordonnance: rateInput().optional(),
    cro: rateInput().optional(),
    bio: rateInput().optional(),
    imagerie: rateInput().optional(),
    insRecovery: rateInput().optional(),
  }).optional(),
  ownLaboratory: yesNo().optional(),
  ownImaging: yesNo().optional(),
  prerequisites: object({
    identityVigilanceCell: yesNo().optional(),
    rniv: yesNo().optional(),
    securityPolicy: yesNo().optional(),
    cyberAudit: yesNo().optional(),
    dmpCapability: yesNo().optional(),
    mssanteMessaging: yesNo().optional(),
  }).optional(),
  /** The "récupération INS" target has no published numerator: on by default, the caller may switch it off. */
  insRecoveryGate: yesNo().optional(),
  /** Volet 2 windows and degressivity are not in the sources: the percentage to apply, if known. */
  volet2Percentage: percentage().optional(),
  volet2Reached: yesNo().optional(),
}).superRefine((input, ctx) => {
  if (input.window === undefined && input.candidatureDate === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['window'],
      message: 'une fenêtre de 1 à 4, ou une date de candidature (candidatureDate)',
    })
  }
})

const prerequisiteIds = [...new Set(HOPEN2_PHASES.flatMap((phase) => phase.prerequisites.map((p) => p.id)))]
const objectiveIds = HOPEN2_PHASES.flatMap((phase) => phase.objectives.map((o) => o.id))

const hopen2ObjectiveShape = {
  objective: z.string({ error: `un objectif parmi ${objectiveIds.join(', ')}` }),
  sunEsReached: yesNo().optional(),
  /** One rate per indicator of the objective, in its order (P1.O2: LDL then ordonnance). */
  rates: z.array(rateInput(), { error: 'une liste de taux, un par indicateur de l’objectif' }).optional(),
  /** The per-objective forfait: not public, so an input with no default. */
  amount: money().optional(),
  /** Points by which a tolerance lowers the target, where the objective allows one (P1.O1, P1.O7). */
  targetAdjustment: percentage('un abaissement de la cible en points, de 0 à 100').optional(),
}

const hopen2Prerequisites = () =>
  object(
    Object.fromEntries(prerequisiteIds.map((id) => [id, yesNo().optional()])) as Record<
      string,
      z.ZodOptional<z.ZodBoolean>
    >,
  )

export const hopen2ObjectiveInputSchema = object(hopen2ObjectiveShape)

export const hopen2InputSchema = object({
  ...hopen2ObjectiveShape,
  prerequisites: hopen2Prerequisites().optional(),
  candidatureDate: isoDate().optional(),
})

export const hopen2GhtInputSchema = object({
  members: z
    .array(
      object({
        finess: z
          .string({ error: 'un numéro FINESS de 9 caractères' })
          .regex(FINESS_PATTERN, { error: 'un numéro FINESS de 9 caractères' }),
        name: z.string({ error: 'un texte' }).optional(),
        prerequisites: hopen2Prerequisites().optional(),
        objectives: z
          .array(hopen2ObjectiveInputSchema, { error: 'une liste d’objectifs' })
          .min(1, { error: 'au moins un objectif' }),
      }),
      { error: 'une liste d’établissements membres' },
    )
    .min(1, { error: 'au moins un établissement membre' }),
})

export const ifaqInputSchema = object({
  indicator: oneOf(Object.keys(IFAQ_NUM_INDICATORS) as [string, ...string[]]),
  year: z.int({ error: 'une année entière (2022, 2023, 2024…)' }),
  numerator: count(),
  denominator: count('un entier strictement positif').min(1, { error: 'un entier strictement positif' }),
  activityFields: z
    .array(oneOf(IFAQ_ACTIVITY_FIELDS as [string, ...string[]]), {
      error: 'une liste parmi MCO, SSR, HAD, DIA, PSY',
    })
    .optional(),
  /** The text exempts PSY, the seed's table ticks it: configurable, default as the text. */
  psyMandatory: yesNo().optional(),
}).superRefine((input, ctx) => {
  if (input.numerator > input.denominator) {
    ctx.addIssue({
      code: 'custom',
      path: ['numerator'],
      input: input.numerator,
      message: 'un numérateur au plus égal au dénominateur (taux de 100 % au plus)',
    })
  }
})

const threshold = () => object({ value: nonNegative(), comparison: oneOf(['gte', 'gt']) })
const months = () =>
  z
    .int({ error: 'un nombre de mois de 1 à 36' })
    .min(1, { error: 'un nombre de mois de 1 à 36' })
    .max(36, { error: 'un nombre de mois de 1 à 36' })

function monthly<S extends z.ZodRawShape>(shape: S) {
  return z
    .array(object({ period: period(), ...shape }), { error: 'une liste d’observations mensuelles' })
    .refine((list) => new Set(list.map((o) => (o as { period: string }).period)).size === list.length, {
      error: 'une observation au plus par mois',
    })
}

export const insStartedInputSchema = object({
  asOf: period(),
  observations: monthly({ insiCalls: count() }),
  thresholds: object({
    insStarted: threshold().optional(),
    insNominalMonthlyCalls: count().optional(),
  }).optional(),
})

export const dmpFeedingInputSchema = object({
  asOf: period(),
  observations: monthly({ documents: count() }),
  thresholds: object({
    dmpFeeding: threshold().optional(),
    dmpFeedingMonths: months().optional(),
  }).optional(),
})

export const ehpadDmpInputSchema = object({
  asOf: period(),
  conventionSigned: yesNo().optional(),
  observations: monthly({ dmpFed: count() }),
  thresholds: object({
    ehpadEquipped: threshold().optional(),
    ehpadActive: threshold().optional(),
    ehpadActiveMonths: months().optional(),
  }).optional(),
})

export type ActiviteInput = z.infer<typeof activiteInputSchema>
export type SonsInput = z.infer<typeof sonsInputSchema>
export type SunEsInput = z.infer<typeof sunEsInputSchema>
export type Hopen2ObjectiveInput = z.infer<typeof hopen2ObjectiveInputSchema>
export type Hopen2Input = z.infer<typeof hopen2InputSchema>
export type Hopen2GhtInput = z.infer<typeof hopen2GhtInputSchema>
export type IfaqInput = z.infer<typeof ifaqInputSchema>
export type InsStartedInput = z.infer<typeof insStartedInputSchema>
export type DmpFeedingInput = z.infer<typeof dmpFeedingInputSchema>
export type EhpadDmpInput = z.infer<typeof ehpadDmpInputSchema>

export const simulationInputSchemas = {
  activite: activiteInputSchema,
  sons: sonsInputSchema,
  'sun-es': sunEsInputSchema,
  hopen2: hopen2InputSchema,
  'hopen2-ght': hopen2GhtInputSchema,
  ifaq: ifaqInputSchema,
  'ins-started': insStartedInputSchema,
  'dmp-feeding': dmpFeedingInputSchema,
  'ehpad-dmp': ehpadDmpInputSchema,
} satisfies Record<SimulationKind, z.ZodType>
