// The follow-up actions API contract (an establishment's log, the list within one's scopes, its CSV, the
// upsert by a CRM's own identifier), shared by the server (validation of input and output) and the web app.
// Every refusal names its field in French (ACTION_FIELD_LABELS), for people and for a CRM's developer.
import { z } from 'zod'
import {
  ACTION_FIELD_LABELS as L,
  ACTION_KINDS,
  ACTION_LIMITS,
  ACTION_STATUSES,
  ACTION_THEMES,
  EXTERNAL_SOURCE_PATTERN,
} from '../actions/kinds'
import { cleanActionText, dueOnProblem, isCalendarDate } from '../actions/rules'
import { finessParam, structureFilters } from './structures'

const oneOf = (label: string, values: readonly string[]) =>
  `${label} : valeur attendue parmi ${values.map((v) => `« ${v} »`).join(', ')}`

export const actionKind = z.enum(ACTION_KINDS, { error: oneOf(L.kind, ACTION_KINDS) })
export const actionStatus = z.enum(ACTION_STATUSES, { error: oneOf(L.status, ACTION_STATUSES) })
export const actionTheme = z.enum(ACTION_THEMES, { error: oneOf(L.theme, ACTION_THEMES) })

/** A text cleaned of control characters (src/domain/actions/rules.ts), then bounded; empty is null. */
function actionText(label: string, max: number, multiline: boolean) {
  return z
    .string({ error: `${label} : texte attendu` })
    .max(max * 10, `${label} : ${max} caractères au plus`)
    .transform((raw) => cleanActionText(raw, multiline))
    .pipe(z.string().max(max, `${label} : ${max} caractères au plus`).nullable())
}

const subject = actionText(L.subject, ACTION_LIMITS.subject, false).pipe(
  z.string({ error: `${L.subject} : un objet est attendu` }),
)
const notes = actionText(L.notes, ACTION_LIMITS.notes, true).nullable()
const nextStep = actionText(L.nextStep, ACTION_LIMITS.nextStep, false).nullable()

export const dueOn = z
  .string({ error: `${L.dueOn} : date attendue au format AAAA-MM-JJ` })
  .superRefine((text, ctx) => {
    const problem = dueOnProblem(text)
    if (problem) ctx.addIssue({ code: 'custom', message: `${L.dueOn} : ${problem}` })
  })
const ownerId = z
  .number({ error: `${L.ownerId} : numéro de compte attendu` })
  .int(`${L.ownerId} : numéro de compte attendu`)
  .min(1, `${L.ownerId} : numéro de compte attendu`)
  .max(2_147_483_647, `${L.ownerId} : numéro de compte attendu`)

/** A body naming a field the API does not know is refused: a CRM's typo would otherwise be lost silently. */
const strict = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `Champ inconnu : ${(issue.keys ?? []).join(', ')}` : undefined,
}

const fields = {
  kind: actionKind,
  subject,
  notes: notes.optional(),
  nextStep: nextStep.optional(),
  dueOn: dueOn.nullable().optional(),
  theme: actionTheme.nullable().optional(),
  /** Absent: the writer. */
  ownerId: ownerId.nullable().optional(),
}

/** POST /api/structures/:finess/actions. */
export const actionInput = z.strictObject({ ...fields, status: actionStatus.default('a_faire') }, strict)
export type ActionInput = z.output<typeof actionInput>

/** PUT /api/actions/:id: the fields given change, the others stay; null clears an optional one. */
export const actionChanges = z
  .strictObject(
    {
      kind: actionKind.optional(),
      subject: subject.optional(),
      notes: notes.optional(),
      nextStep: nextStep.optional(),
      dueOn: dueOn.nullable().optional(),
      theme: actionTheme.nullable().optional(),
      ownerId: ownerId.nullable().optional(),
      status: actionStatus.optional(),
    },
    strict,
  )
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'Rien à modifier' })
export type ActionChanges = z.output<typeof actionChanges>

/** PUT /api/actions/external/:source/:externalId: the whole action, as the CRM holds it. */
export const externalActionInput = z.strictObject(
  { finess: finessParam, ...fields, status: actionStatus.default('a_faire') },
  strict,
)
export type ExternalActionInput = z.output<typeof externalActionInput>

export const actionId = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) })
export const actionFiness = z.object({ finess: finessParam })
export const externalKey = z.object({
  source: z
    .string()
    .regex(EXTERNAL_SOURCE_PATTERN, `${L.source} : lettres, chiffres, « . », « _ » ou « - » (40 au plus)`),
  externalId: z
    .string()
    .min(1, `${L.externalId} : identifiant attendu`)
    .max(ACTION_LIMITS.externalId, `${L.externalId} : ${ACTION_LIMITS.externalId} caractères au plus`)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]+$/, `${L.externalId} : caractères de contrôle refusés`),
})
export type ExternalKey = z.output<typeof externalKey>

const day = z.string().refine(isCalendarDate, 'date attendue au format AAAA-MM-JJ')

export const actionFilters = z.object({
  region: structureFilters.shape.region,
  departement: structureFilters.shape.departement,
  finess: finessParam.optional(),
  status: actionStatus.optional(),
  owner: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  /** Due strictly before this day (overdue on a day: `dueBefore` = that day, `status` = a_faire). */
  dueBefore: day.optional(),
  theme: actionTheme.optional(),
  /** Changed on or after this day: a CRM reads only what moved since its last pass. */
  updatedSince: day.optional(),
  source: z.string().regex(EXTERNAL_SOURCE_PATTERN, `${L.source} : nom de source invalide`).optional(),
})
export type ActionFilters = z.output<typeof actionFilters>

export const actionListQuery = actionFilters.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
})
export type ActionListQuery = z.output<typeof actionListQuery>

export const followUpAction = z.object({
  id: z.number().int(),
  finess: z.string(),
  structureName: z.string(),
  region: z.string().nullable(),
  departement: z.string().nullable(),
  kind: z.enum(ACTION_KINDS),
  kindLabel: z.string(),
  subject: z.string(),
  notes: z.string().nullable(),
  nextStep: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  statusLabel: z.string(),
  theme: z.enum(ACTION_THEMES).nullable(),
  themeLabel: z.string().nullable(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  createdById: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  externalSource: z.string().nullable(),
  externalId: z.string().nullable(),
  /** Whether the reader may change or delete it. */
  editable: z.boolean(),
})
export type FollowUpAction = z.infer<typeof followUpAction>

export const actionOwner = z.object({ id: z.number().int(), name: z.string() })
export type ActionOwner = z.infer<typeof actionOwner>

/** GET /api/structures/:finess/actions. */
export const structureActions = z.object({
  finess: z.string(),
  canWrite: z.boolean(),
  /** Why the reader may not write, in French. */
  refusal: z.string().nullable(),
  /** The accounts that may be put in charge here (empty when the reader may not write). */
  owners: z.array(actionOwner),
  items: z.array(followUpAction),
})
export type StructureActions = z.infer<typeof structureActions>

export const actionPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(followUpAction),
})
export type ActionPage = z.infer<typeof actionPage>
