// The access API contract (sign-in, the current user, accounts and scopes, typed fields, the audit
// journal), shared by the server (validation of input and output) and the web app.
import { z } from 'zod'
import { ROLES } from '../access/roles'
import { FOLLOW_UP_AUDIT_LABELS } from '../actions/audit-labels'
import { PRIORITY_LIST_AUDIT_LABELS } from '../priorities/audit-labels'
import { SCOPE_KINDS } from '../access/scope'
import { API_TOKEN_AUDIT_LABELS } from './api-tokens'
import { finessParam } from './structures'

export const scope = z.object({
  kind: z.enum(SCOPE_KINDS),
  code: z.string().trim().max(64).default(''),
})

export const sessionUser = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organisation: z.string().nullable(),
  scopes: z.array(scope),
})
export type SessionUser = z.infer<typeof sessionUser>

/** GET /api/auth/me and the answer of a sign-in: who, what they may do, the token for writes. */
export const me = z.object({
  user: sessionUser,
  /** Sent back in the `x-csrf-token` header of every write. */
  csrfToken: z.string(),
  can: z.object({ import: z.boolean(), manageUsers: z.boolean() }),
})
export type Me = z.infer<typeof me>

export const loginBody = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
})

export const oidcProvider = z.object({ id: z.string(), label: z.string() })
export type OidcProviderInfo = z.infer<typeof oidcProvider>

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+$/, 'adresse électronique attendue')
const displayName = z.string().trim().min(1, 'nom attendu').max(120)
const organisation = z.string().trim().max(120).nullable().optional()
/** 12 characters at least (ANSSI's recommendation for a password alone is longer; sign-in is rate-limited). */
export const password = z.string().min(12, '12 caractères au moins').max(256)

export const userInput = z.object({
  email,
  displayName,
  role: z.enum(ROLES),
  organisation,
  password: password.optional(),
  scopes: z.array(scope).max(200).default([]),
})
export type UserInput = z.infer<typeof userInput>

export const userChanges = z.object({
  displayName: displayName.optional(),
  role: z.enum(ROLES).optional(),
  organisation,
  password: password.optional(),
  disabled: z.boolean().optional(),
})
export type UserChanges = z.infer<typeof userChanges>

export const userAccount = sessionUser.extend({
  createdAt: z.string(),
  disabled: z.boolean(),
  /** Sign-in ways: `local` and the OpenID Connect providers tied to the account. */
  signIn: z.array(z.string()),
})
export type UserAccount = z.infer<typeof userAccount>

export const periodParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'mois attendu : AAAA-MM')

/** A typed field of a structure at a follow-up month. */
export const fieldValue = z.object({
  code: z.string(),
  label: z.string(),
  theme: z.string(),
  owner: z.enum(['national', 'regional', 'establishment']),
  responsible: z.string(),
  kind: z.string(),
  statuses: z.array(z.object({ code: z.string(), label: z.string() })).nullable(),
  value: z.string().nullable(),
  /** The month the value was typed for: earlier than the asked month when it is carried over. */
  valuePeriod: z.string().nullable(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string().nullable(),
  editable: z.boolean(),
  /** Why the user may not edit it, in French. */
  refusal: z.string().nullable(),
})
export type FieldValue = z.infer<typeof fieldValue>

export const structureFields = z.object({
  finess: z.string(),
  period: z.string(),
  fields: z.array(fieldValue),
})
export type StructureFields = z.infer<typeof structureFields>

export const fieldWrite = z.object({
  period: periodParam,
  /** Null or empty clears the field from that month on. */
  value: z.string().max(4000).nullable(),
})

export const auditQuery = z.object({
  finess: finessParam.optional(),
  actor: z.coerce.number().int().optional(),
  action: z.string().max(64).optional(),
  field: z.string().max(64).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue : AAAA-MM-JJ')
    .optional(),
  until: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue : AAAA-MM-JJ')
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
})
export type AuditQuery = z.infer<typeof auditQuery>

export const auditEvent = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  entityKind: z.string(),
  entityId: z.string().nullable(),
  finess: z.string().nullable(),
  field: z.string().nullable(),
  fieldLabel: z.string().nullable(),
  period: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
})
export type AuditEvent = z.infer<typeof auditEvent>

export const auditPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(auditEvent),
})
export type AuditPage = z.infer<typeof auditPage>

/** The actions the journal records, in French. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'field.set': 'Saisie d’un champ',
  'source.import': 'Import d’un fichier source',
  'tracker.import': 'Import d’un fichier de suivi',
  'finess.import': 'Import du répertoire FINESS',
  'mapping.save': 'Enregistrement d’une correspondance de colonnes',
  'pmsi.override': 'Correction du FINESS PMSI',
  'user.create': 'Création d’un compte',
  'user.update': 'Modification d’un compte',
  'user.delete': 'Suppression d’un compte',
  'scope.grant': 'Ajout d’un périmètre',
  'scope.revoke': 'Retrait d’un périmètre',
  'session.login': 'Connexion',
  'session.logout': 'Déconnexion',
  'identity.link': 'Rattachement d’une identité ProConnect ou Pro Santé Connect',
  'grid_view.create': 'Enregistrement d’une vue du suivi',
  'grid_view.update': 'Modification d’une vue du suivi',
  'grid_view.delete': 'Suppression d’une vue du suivi',
  ...FOLLOW_UP_AUDIT_LABELS,
  ...API_TOKEN_AUDIT_LABELS,
  ...PRIORITY_LIST_AUDIT_LABELS,
}
