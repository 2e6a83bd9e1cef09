// The saved views API contract (GET, POST /api/grid/views, PUT and DELETE /api/grid/views/:id): a view is a
// name and the URL query of /suivi, checked against the grid's own contract and stored in one canonical
// order, so that the same view is always the same text and opens on the rows it was saved with.
import { z } from 'zod'
import { findGridColumn } from '../grid/columns'
import { GRID_IDENTITY_SORTS, gridQuery, type ThresholdFilter } from './grid'
import { periodParam } from './access'

export const GRID_VIEW_NAME_MAX = 80
export const GRID_VIEW_QUERY_MAX = 2000

/** The parameters /suivi reads (src/web/tracking/tracking-params.ts), in the order they are written. */
const VIEW_PARAMS = {
  period: 'Point de suivi',
  q: 'Recherche',
  region: 'Région',
  departement: 'Département',
  sector: 'Secteur',
  category: 'Catégorie',
  ej: 'FINESS EJ',
  ght: 'GHT',
  where: 'Seuil',
  columns: 'Colonnes',
  sort: 'Tri',
  order: 'Ordre de tri',
  compare: 'Comparaison',
} as const
type ViewParam = keyof typeof VIEW_PARAMS
const isViewParam = (key: string): key is ViewParam => Object.hasOwn(VIEW_PARAMS, key)

/** A view may follow the current month: its period is optional, unlike a request to the grid's. */
const viewQuery = gridQuery.extend({ period: periodParam.optional() })

// Control characters would break the list and exports; line breaks and tabs become spaces.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g

export const gridViewName = z
  .string()
  .max(10_000, `Nom de la vue : ${GRID_VIEW_NAME_MAX} caractères au plus`)
  .transform((name) =>
    name
      .replace(/[\t\n\r]/g, ' ')
      .replace(CONTROL, '')
      .replace(/\s+/g, ' ')
      .trim(),
  )
  .pipe(
    z
      .string()
      .min(1, 'Nom de la vue : un nom est attendu')
      .max(GRID_VIEW_NAME_MAX, `Nom de la vue : ${GRID_VIEW_NAME_MAX} caractères au plus`),
  )

const thresholdText = (t: ThresholdFilter) =>
  t.value === null ? `${t.key}:${t.op}` : `${t.key}:${t.op}:${t.value}`

/** Why a parsed view names a column the grid does not have, or null. */
function unknownColumn(query: z.output<typeof viewQuery>, given: ReadonlySet<string>): string | null {
  for (const key of query.columns ?? [])
    if (!findGridColumn(key)) return `${VIEW_PARAMS.columns} : colonne inconnue « ${key} »`
  for (const t of query.where)
    if (!findGridColumn(t.key)) return `${VIEW_PARAMS.where} : colonne inconnue « ${t.key} »`
  const identity = (GRID_IDENTITY_SORTS as readonly string[]).includes(query.sort)
  if (given.has('sort') && !identity && !findGridColumn(query.sort))
    return `${VIEW_PARAMS.sort} : colonne inconnue « ${query.sort} »`
  return null
}

/** The query in /suivi's order, each value as the grid's contract normalised it; unset ones left out. */
function canonical(query: z.output<typeof viewQuery>, given: ReadonlySet<string>): string {
  const params = new URLSearchParams()
  const place = ['period', 'q', 'region', 'departement', 'sector', 'category', 'ej', 'ght'] as const
  for (const key of place) {
    const value = query[key]
    if (value) params.set(key, value)
  }
  for (const t of query.where) params.append('where', thresholdText(t))
  if (query.columns?.length) params.set('columns', query.columns.join(','))
  if (given.has('sort')) {
    params.set('sort', query.sort)
    params.set('order', query.order)
  }
  if (query.compare === 'true') params.set('compare', 'true')
  return params.toString()
}

/** The message of a refusal: a union's (`where` is one value or several) is that of the branch that fits. */
function innermost(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union')
    for (const branch of issue.errors) {
      const found = branch.find((i) => i.code !== 'invalid_type')
      if (found) return innermost(found)
    }
  return issue.message
}

/**
 * A /suivi query (`departement=29&where=suivi.meteo:eq:alerte`, a leading `?` allowed) → its canonical
 * text; refused, with the parameter named in French, when the grid would refuse it.
 */
export const savedGridQuery = z
  .string()
  .max(GRID_VIEW_QUERY_MAX, `Requête de la vue : ${GRID_VIEW_QUERY_MAX} caractères au plus`)
  .transform((text, ctx) => {
    const params = new URLSearchParams(text.trim().replace(/^\?/, ''))
    const input: Partial<Record<ViewParam, string | string[]>> = {}
    for (const key of new Set(params.keys())) {
      if (!isViewParam(key)) {
        ctx.addIssue({ code: 'custom', message: `Paramètre inconnu « ${key} » dans la requête de la vue` })
        return z.NEVER
      }
      const values = params.getAll(key)
      if (key !== 'where' && values.length > 1) {
        ctx.addIssue({ code: 'custom', message: `${VIEW_PARAMS[key]} (${key}) : une seule valeur attendue` })
        return z.NEVER
      }
      input[key] = key === 'where' ? values : (values[0] ?? '')
    }
    const parsed = viewQuery.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const key = String(issue?.path[0] ?? '')
      const label = isViewParam(key) ? `${VIEW_PARAMS[key]} (${key})` : 'Requête de la vue'
      ctx.addIssue({ code: 'custom', message: `${label} : ${issue ? innermost(issue) : 'valeur invalide'}` })
      return z.NEVER
    }
    const given = new Set(params.keys())
    const problem = unknownColumn(parsed.data, given)
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem })
      return z.NEVER
    }
    return canonical(parsed.data, given)
  })
  .pipe(z.string().max(GRID_VIEW_QUERY_MAX, `Requête de la vue : ${GRID_VIEW_QUERY_MAX} caractères au plus`))

export const regionCode = z
  .string()
  .trim()
  .regex(/^[0-9]{2,3}$/, 'code INSEE de région attendu (ex. 53)')

export const gridViewInput = z.object({
  name: gridViewName,
  query: savedGridQuery,
  /** Null or absent: a personal view. */
  region: regionCode.nullable().default(null),
})
export type GridViewInput = z.output<typeof gridViewInput>

export const gridViewChanges = z
  .object({
    name: gridViewName.optional(),
    query: savedGridQuery.optional(),
    /** Null: no longer shared. */
    region: regionCode.nullable().optional(),
  })
  .refine((c) => c.name !== undefined || c.query !== undefined || c.region !== undefined, {
    message: 'Rien à modifier : nom, requête ou région attendus',
  })
export type GridViewChanges = z.output<typeof gridViewChanges>

export const gridViewId = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) })

export const gridView = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The canonical query of /suivi, without `?`; empty for the default view. */
  query: z.string(),
  /** The région it is shared with; null for a personal view. */
  region: z.string().nullable(),
  ownerName: z.string(),
  mine: z.boolean(),
  /** Whether the user may rename, change or delete it. */
  editable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type GridView = z.infer<typeof gridView>

export const gridViewList = z.object({
  views: z.array(gridView),
  /** The régions the user may share a view with (empty: personal views only). */
  shareRegions: z.array(z.string()),
})
export type GridViewList = z.infer<typeof gridViewList>
