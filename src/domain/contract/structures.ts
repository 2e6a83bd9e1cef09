// The structures API contract, shared by the server (validation of input and output), the CLI and the web.
import { z } from 'zod'
import { SECTORS } from '../sector'

export const finessParam = z
  .string()
  .transform((v) => v.replace(/[\s\u00a0]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9][0-9AB][0-9]{7}$/, 'numéro FINESS attendu : 9 caractères'))

export const STRUCTURE_SORTS = ['finessEg', 'name', 'departement', 'categoryCode', 'city'] as const
export const STATUSES = ['open', 'closed', 'all'] as const

const code = (pattern: RegExp, message: string) => z.string().trim().regex(pattern, message)

export const structureFilters = z.object({
  region: code(/^[0-9]{2,3}$/, 'code INSEE de région attendu (ex. 53, 84, 04)').optional(),
  departement: code(
    /^([0-9]{2}|2A|2B|97[1-8]|98[4-9])$/,
    'code INSEE de département attendu (ex. 01, 2A, 971)',
  ).optional(),
  sector: z.enum(SECTORS).optional(),
  category: code(/^[0-9]{3}$/, 'code de catégorie à 3 chiffres attendu').optional(),
  ej: finessParam.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  status: z.enum(STATUSES).default('open'),
})
export type StructureFilters = z.infer<typeof structureFilters>

export const structureListQuery = structureFilters.extend({
  sort: z.enum(STRUCTURE_SORTS).default('finessEg'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
})
export type StructureListQuery = z.infer<typeof structureListQuery>

export const structureSummary = z.object({
  finessEg: z.string(),
  finessEj: z.string(),
  finessPmsi: z.string().nullable(),
  name: z.string(),
  categoryCode: z.string().nullable(),
  categoryLabel: z.string().nullable(),
  sector: z.enum(SECTORS),
  departement: z.string().nullable(),
  region: z.string().nullable(),
  city: z.string().nullable(),
  closed: z.boolean(),
  closedOn: z.string().nullable(),
})
export type StructureSummary = z.infer<typeof structureSummary>

export const structurePage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(structureSummary),
})
export type StructurePage = z.infer<typeof structurePage>

/** A change from an import (importId, fileName) or from a person (actor, note). */
export const siteChange = z.object({
  importId: z.number().int().nullable(),
  extractDate: z.string().nullable(),
  fileName: z.string().nullable(),
  kind: z.enum(['changed', 'closed', 'reopened', 'pmsi-override']),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  recordedAt: z.string(),
  actor: z.string().nullable(),
  note: z.string().nullable(),
})
export type SiteChange = z.infer<typeof siteChange>

/** A grouping (FiNESS+ `gcc`, GHT-like, or `gco`) the structure belongs to, itself or through its EJ. */
export const structureGrouping = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string().nullable(),
  type: z.string().nullable(),
  role: z.string().nullable().describe('as FiNESS+ writes it: S établissement support, M membre'),
  level: z.enum(['EJ', 'EG']).describe('EJ: through its legal entity; EG: the site itself'),
})
export type StructureGrouping = z.infer<typeof structureGrouping>

export const structureDetail = structureSummary.extend({
  nameLong: z.string().nullable(),
  nameComplement: z.string().nullable(),
  address: z.object({
    lines: z.array(z.string()),
    communeCode: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
  }),
  departementName: z.string().nullable(),
  regionName: z.string().nullable(),
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  category: z.object({
    code: z.string().nullable(),
    label: z.string().nullable(),
    closed: z.boolean().nullable(),
    aggregateCode: z.string().nullable(),
    aggregateLabel: z.string().nullable(),
  }),
  pmsi: z.object({ computed: z.string().nullable(), override: z.string().nullable() }),
  siret: z.string().nullable(),
  apeCode: z.string().nullable(),
  tariffMode: z.object({ code: z.string().nullable(), label: z.string().nullable() }),
  sph: z.object({ code: z.string().nullable(), label: z.string().nullable() }),
  openedOn: z.string().nullable(),
  authorizedOn: z.string().nullable(),
  updatedOn: z.string().nullable(),
  keyValid: z.boolean(),
  position: z
    .object({
      latitude: z.number(),
      longitude: z.number(),
      sourceX: z.number().nullable(),
      sourceY: z.number().nullable(),
      source: z.string().nullable(),
    })
    .nullable(),
  legalEntity: z.object({
    finessEj: z.string(),
    name: z.string().nullable(),
    siteCount: z.number().int(),
  }),
  groupings: z.array(structureGrouping),
  siblings: z.array(structureSummary),
  changes: z.array(siteChange),
  createdByImportId: z.number().int(),
})
export type StructureDetail = z.infer<typeof structureDetail>
