// The priorities API contract (issue 7 §3): saved priority lists (GET, POST /api/priorities, PUT and
// DELETE /api/priorities/:id), their results at a follow-up point (GET /api/priorities/results) and their
// export (GET /api/priorities/export). A list is a name, a visibility (personal or shared with a région,
// as the grid's saved views) and its criteria with their weights and parameters, checked against the
// criteria table (src/domain/priorities/criteria.ts) on the way in and on the way out of the database.
import { z } from 'zod'
import { criterionRefusal, PRIORITY_CRITERIA, type ChosenCriterion } from '../priorities/criteria'
import { periodParam } from './access'
import { regionCode } from './grid-views'
import { structureFilters } from './structures'

export const PRIORITY_LIST_NAME_MAX = 80

// Control characters would break the list and exports; line breaks and tabs become spaces.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g

export const priorityListName = z
  .string()
  .max(10_000, `Nom de la liste : ${PRIORITY_LIST_NAME_MAX} caractères au plus`)
  .transform((name) => name.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'Nom de la liste : un nom est attendu')
      .max(PRIORITY_LIST_NAME_MAX, `Nom de la liste : ${PRIORITY_LIST_NAME_MAX} caractères au plus`),
  )

export const chosenCriterion = z
  .object({
    id: z.string().max(64),
    weight: z.number(),
    parameters: z.record(z.string().max(64), z.number()).default({}),
  })
  .superRefine((c, ctx) => {
    const refusal = criterionRefusal(c)
    if (refusal) ctx.addIssue({ code: 'custom', message: refusal })
  })
  .transform((c) => c as ChosenCriterion)

export const chosenCriteria = z
  .array(chosenCriterion)
  .min(1, 'Critères : au moins un critère est attendu')
  .max(PRIORITY_CRITERIA.length, `Critères : ${PRIORITY_CRITERIA.length} au plus`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>()
    for (const c of list) {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', message: `Critères : « ${c.id} » choisi deux fois` })
      seen.add(c.id)
    }
  })

export const priorityListInput = z.object({
  name: priorityListName,
  /** Null or absent: a personal list. */
  region: regionCode.nullable().default(null),
  criteria: chosenCriteria,
})
export type PriorityListInput = z.output<typeof priorityListInput>

export const priorityListChanges = z
  .object({
    name: priorityListName.optional(),
    region: regionCode.nullable().optional(),
    criteria: chosenCriteria.optional(),
  })
  .refine((c) => c.name !== undefined || c.region !== undefined || c.criteria !== undefined, {
    message: 'Rien à modifier : nom, région ou critères attendus',
  })
export type PriorityListChanges = z.output<typeof priorityListChanges>

export const priorityListId = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) })

const criterionOut = z.object({
  id: z.enum(PRIORITY_CRITERIA),
  weight: z.number().int(),
  parameters: z.record(z.string(), z.number()),
})

export const priorityList = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The région it is shared with; null for a personal list. */
  region: z.string().nullable(),
  criteria: z.array(criterionOut),
  ownerName: z.string(),
  mine: z.boolean(),
  /** Whether the user may rename, change or delete it. */
  editable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type PriorityList = z.infer<typeof priorityList>

export const priorityLists = z.object({
  lists: z.array(priorityList),
  /** The régions the user may share a list with (empty: personal lists only). */
  shareRegions: z.array(z.string()),
})
export type PriorityLists = z.infer<typeof priorityLists>

const place = structureFilters.pick({ region: true, departement: true })

export const priorityResultsQuery = place.extend({
  /** A saved list; absent: every criterion with its default weight and parameters. */
  list: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  period: periodParam,
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
})
export type PriorityResultsQuery = z.output<typeof priorityResultsQuery>

export const priorityExportQuery = priorityResultsQuery
  .omit({ offset: true, limit: true })
  .extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') })
export type PriorityExportQuery = z.output<typeof priorityExportQuery>

export const priorityReason = z.object({
  criterion: z.enum(PRIORITY_CRITERIA),
  label: z.string(),
  weight: z.number().int(),
  text: z.string(),
})

export const prioritySite = z.object({
  finessEg: z.string(),
  finessEj: z.string(),
  name: z.string(),
  departement: z.string().nullable(),
  region: z.string().nullable(),
  categoryCode: z.string().nullable(),
  categoryLabel: z.string().nullable(),
  /** The sum of the weights of the criteria met. */
  score: z.number().int(),
  /** One per criterion met, in the list's order. */
  reasons: z.array(priorityReason),
})
export type PrioritySite = z.infer<typeof prioritySite>

export const criterionResult = z.object({
  id: z.enum(PRIORITY_CRITERIA),
  label: z.string(),
  weight: z.number().int(),
  parameters: z.record(z.string(), z.number()),
  /** Sites meeting the criterion, within the user's scopes and the filters. */
  count: z.number().int(),
  /** The grid's queries whose union is the criterion's list; empty when grid filters cannot express it. */
  gridLinks: z.array(z.object({ label: z.string(), href: z.string() })),
  /** Why the criterion found nothing to look at (no SUN-ES window close, a column the role may not read). */
  note: z.string().nullable(),
})
export type CriterionResult = z.infer<typeof criterionResult>

export const priorityResults = z.object({
  period: z.string(),
  list: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  criteria: z.array(criterionResult),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  rows: z.array(prioritySite),
})
export type PriorityResults = z.infer<typeof priorityResults>
